/** Test support (not a test): one generated life, and its files read back with generic parsers. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import {
  generateMultiSourceExport,
  type MultiSourceOptions,
  type MultiSourceResult,
} from './multi-source.generator.js';
import { unzip } from './read-export.test-support.js';

export const NOW = Date.UTC(2026, 0, 15, 9, 30, 12);
export const LIFE: MultiSourceOptions = { seed: 42, people: 40, now: NOW };

export interface Life {
  dir: string;
  result: MultiSourceResult;
  /** The path of the one file of `source` (the first, for WhatsApp). */
  path(source: string): string;
  /** Every file of `source`. */
  paths(source: string): string[];
  text(source: string): Promise<string>;
  zip(source: string): Promise<Map<string, string>>;
  cleanup(): Promise<void>;
}

/** Generates the life of LIFE (or `options`) into a fresh temporary folder. */
export async function makeLife(options: MultiSourceOptions = LIFE): Promise<Life> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-life-'));
  const result = await generateMultiSourceExport(join(dir, 'export'), options);
  const paths = (source: string) => result.files.filter((f) => f.source === source).map((f) => f.path);
  const path = (source: string) => {
    const found = paths(source)[0];
    if (found === undefined) throw new Error(`no ${source} file`);
    return found;
  };
  return {
    dir,
    result,
    path,
    paths,
    text: (source) => readFile(path(source), 'utf8'),
    zip: (source) => unzip(path(source)),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The array of a Twitter `data/*.js` file: the `window.YTD.<name>.part0 = ` prefix stripped, then JSON. */
export function ytdItems(text: string | undefined): unknown[] {
  const match = /^window\.YTD\.([a-z_]+)\.part0 = /.exec(text ?? '');
  if (!match) throw new Error('not a window.YTD file');
  return JSON.parse((text ?? '').slice(match[0].length)) as unknown[];
}

/** Every primitive inside a JSON value. */
export function leaves(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [value];
}

/** Meta's mojibake undone: the text's characters taken as bytes, decoded as UTF-8. */
export const unGarble = (s: string) => Buffer.from(s, 'latin1').toString('utf8');

/** The entries of a zip whose names match `pattern`, parsed as JSON. */
export function jsonEntries(files: Map<string, string>, pattern: RegExp): [string, unknown][] {
  return [...files].filter(([name]) => pattern.test(name)).map(([name, text]) => [name, JSON.parse(text)]);
}

/** What a contact card says, as ical.js reads it (URLs still with Gmail's `\:`). */
export interface ContactCard {
  fn: string;
  org: string;
  emails: string[];
  tels: string[];
  urls: string[];
}

/** Every card of a vCard file, parsed by ical.js. */
export function contactCards(text: string): ContactCard[] {
  const cards = ICAL.parse(text) as unknown as unknown[][];
  return cards.map((jcard) => {
    const card = new ICAL.Component(jcard);
    const all = (name: string) => card.getAllProperties(name).map((p) => String(p.getFirstValue()));
    return {
      fn: all('fn')[0] ?? '',
      org: all('org')[0] ?? '',
      emails: all('email'),
      tels: all('tel'),
      urls: all('url'),
    };
  });
}
