import { RapportError } from '../errors.js';
import { PROGRESS_BYTES } from './csv-reader.js';
import { locateJsonError } from './json-error.js';
import { type JsonPath, JsonScanner } from './json-scanner.js';
import { JsonText } from './json-text.js';
import { openText } from './text-decode.js';
import type { ImportRecord, SourceEntry } from './types.js';

export type { JsonPath } from './json-scanner.js';

export interface JsonReadOptions {
  /** The file's name in records and reports. */
  file: string;
  /** The JSON follows a JavaScript assignment (`window.YTD.tweets.part0 = [ … ]`). */
  assignment?: boolean | undefined;
  /** Whether the value at `path` is wanted whole. The path array is reused: copy what you keep. */
  pick(path: JsonPath): boolean;
  /** A picked value; records pushed to `out` are yielded. Return true to stop reading the file. */
  value(path: JsonPath, value: unknown, out: ImportRecord[]): boolean | undefined;
}

/** How a file's reading ended: read to the end, stopped early, or broken (already reported). */
export type JsonReadEnd = 'complete' | 'stopped' | 'broken';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function unreadable(file: string, error: unknown): RapportError {
  if (error instanceof RapportError) return error;
  return new RapportError(
    'import.unreadable',
    `Could not read ${file}: ${message(error)}. The export may be damaged or incomplete; download it again and retry.`,
    { file },
    { cause: error },
  );
}

/** Runs one step of the scanner; broken JSON comes back as the error, not thrown. */
function step(run: () => void): Error | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Streams a JSON (or JavaScript-assigned JSON) entry through JsonScanner and hands the values
 * picked by path to `options.value`, yielding the records it makes once per chunk read, with
 * a progress record every ~64 KiB. Broken JSON ends the file with one rejection naming the line
 * and byte offset (records made before it stand); a value the handler cannot use becomes a
 * rejection too. Only an unreadable entry throws, as RapportError('import.unreadable').
 */
export async function* readJsonBatches(
  entry: SourceEntry,
  options: JsonReadOptions,
): AsyncGenerator<ImportRecord[], JsonReadEnd> {
  const { file } = options;
  let out: ImportRecord[] = [];
  const scanner = new JsonScanner(options.pick, (path, value) => {
    try {
      return options.value(path, value, out);
    } catch (error) {
      out.push({ type: 'rejected', file, reason: `unusable value at ${pathLabel(path)}: ${message(error)}` });
      return undefined;
    }
  });
  const json = new JsonText(options.assignment === true);
  let failure: Error | undefined;
  let reported = 0;
  try {
    const text = await openText(entry);
    for await (const chunk of text) {
      for (const piece of json.push(chunk)) {
        failure = step(() => scanner.push(piece));
        if (failure || scanner.stopped) break;
      }
      if (text.bytesRead - reported >= PROGRESS_BYTES) {
        reported = text.bytesRead;
        out.push({ type: 'progress', file, bytesRead: reported, bytesTotal: entry.size });
      }
      if (out.length > 0) {
        const batch = out;
        out = [];
        yield batch;
      }
      if (failure || scanner.stopped) break;
    }
  } catch (error) {
    throw unreadable(file, error);
  }
  if (scanner.stopped) {
    if (out.length > 0) yield out;
    return 'stopped';
  }
  if (!failure) for (const piece of json.end()) failure ??= step(() => scanner.push(piece));
  if (!failure && !scanner.stopped) failure = step(() => scanner.end());
  if (failure) out.push(await brokenJson(entry, options, json, failure));
  out.push({ type: 'progress', file, bytesRead: entry.size, bytesTotal: entry.size });
  yield out;
  return failure ? 'broken' : 'complete';
}

async function brokenJson(
  entry: SourceEntry,
  options: JsonReadOptions,
  json: JsonText,
  failure: Error,
): Promise<ImportRecord> {
  const { file } = options;
  if (!json.nonBlank) return { type: 'rejected', file, line: 1, reason: 'the file is empty' };
  const where = await locateJsonError(entry, options.assignment === true).catch(() => undefined);
  const what = (where?.reason ?? failure.message).replace(/^(Parser|Verifier)( cannot parse input:)?\s*/, '');
  const at = where ? `at byte ${where.byte} (line ${where.line})` : 'somewhere';
  return {
    type: 'rejected',
    file,
    line: where?.line,
    reason: `broken JSON ${at}: ${what}; the rest of the file was not read`,
  };
}

/** `messages[3].reactions[0]`, for rejections. */
export function pathLabel(path: JsonPath): string {
  let label = '';
  for (const part of path) label += typeof part === 'number' ? `[${part}]` : label === '' ? part : `.${part}`;
  return label === '' ? 'the top level' : label;
}

/** A string field, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A plain object (as parsed), or undefined. */
export function obj(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** An array, or an empty one. */
export function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
