import { emailKey, nameKey } from '../identity-keys.js';
import { plainText } from '../plain-text.js';
import { stableId } from '../stable-id.js';
import type { IdentityRef, ImportRecord } from '../types.js';
import type { ColumnMapping, MappedField } from './column-mapping.js';
import { type DayOrder, parseDate } from './mapped-dates.js';
import { channelOf, directionOf, isLive, networkOf } from './mapped-values.js';

/** A row's cells by mapped field ('' when the file has no such column or the cell is empty). */
export type Cells = (field: MappedField) => string;

/** What turning rows into interactions needs to know about the file. */
export interface RowContext {
  file: string;
  mapping: ColumnMapping;
  order: DayOrder;
}

const list = (cell: string): string[] =>
  cell
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** The people of a row: each email (named when names pair up with emails), else each name on the row's network. */
function participants(cells: Cells, network: IdentityRef['network']): IdentityRef[] {
  const names = list(cells('person'));
  const emails = list(cells('email'))
    .map(emailKey)
    .filter((e): e is string => e !== undefined);
  if (emails.length > 0)
    return emails.map((key, i) => ({
      network: 'email',
      key,
      displayName:
        names.length === emails.length
          ? names[i]
          : emails.length === 1 && names.length > 0
            ? names.join(', ')
            : undefined,
    }));
  return names.flatMap((name) => {
    const key = nameKey(name);
    return key === undefined ? [] : [{ network, key, displayName: name }];
  });
}

/** Minutes (live) or words (text): a number, `45 min`, or `1:30`; undefined when absent or unreadable. */
function lengthOf(cell: string): number | undefined {
  const hm = /^(\d+):(\d{2})$/.exec(cell.trim());
  if (hm !== null) return Number(hm[1]) * 60 + Number(hm[2]);
  const n = Number.parseFloat(cell);
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : undefined;
}

/**
 * One row → an interaction, or a rejection naming the column and value that could not be
 * used. Direction defaults to 'mutual' for live channels and 'out' for the rest (an activity
 * export lists what its owner did); network to the fixed one, else 'manual'.
 */
export function mapRow(cells: Cells, line: number, ctx: RowContext, out: ImportRecord[]): void {
  out.push(rowRecord(cells, line, ctx));
}

function rowRecord(cells: Cells, line: number, ctx: RowContext): ImportRecord {
  const { file, mapping } = ctx;
  const col = mapping.columns;
  const reject = (reason: string): ImportRecord => ({ type: 'rejected', file, line, reason });
  const shown = (field: MappedField) =>
    `${JSON.stringify(cells(field).slice(0, 60))} in column ${col[field]}`;
  const at = parseDate(cells('date'), ctx.order);
  if (at === undefined) return reject(`unreadable date ${shown('date')}`);
  const channel = col.channel === undefined ? mapping.fixed.channel : channelOf(cells('channel'));
  if (channel === undefined)
    return reject(
      `unknown channel ${shown('channel')} (use words like coffee, call, video, email, message, comment, like, post)`,
    );
  const network =
    col.network !== undefined && cells('network') !== ''
      ? networkOf(cells('network'))
      : (mapping.fixed.network ?? 'manual');
  if (network === undefined)
    return reject(`unknown network ${shown('network')} (leave it out, or fix one with network:=manual)`);
  const stated =
    col.direction !== undefined && cells('direction') !== '' ? directionOf(cells('direction')) : null;
  if (stated === undefined) return reject(`unknown direction ${shown('direction')} (use in, out or mutual)`);
  const direction = stated ?? mapping.fixed.direction ?? (isLive(channel) ? 'mutual' : 'out');
  const people = participants(cells, network);
  if (people.length === 0)
    return reject('row names no one (the person and email cells are empty or unreadable)');
  const text = cells('text');
  const { words, snippet } = plainText(text);
  const given = lengthOf(cells('length'));
  const id = cells('id');
  return {
    type: 'interaction',
    file,
    line,
    externalId:
      id !== ''
        ? stableId('csv', network, id)
        : stableId('csv', network, String(at), people.map((p) => p.key).join(','), channel, direction, text),
    at,
    channel,
    network,
    direction,
    audience: people.length === 1 ? 'one_to_one' : 'group',
    length: given ?? (isLive(channel) || text === '' ? null : words),
    snippet: snippet === '' ? undefined : snippet,
    participants: people,
  };
}
