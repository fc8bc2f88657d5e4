import { readFile } from 'node:fs/promises';
import {
  CHANNELS,
  type Channel,
  DIRECTIONS,
  type Direction,
  NETWORKS,
  type Network,
} from '../../core/types.js';
import { RapportError } from '../../errors.js';
import { channelOf, directionOf, networkOf } from './mapped-values.js';

/** What a column can be mapped to. */
export const MAPPED_FIELDS = [
  'date',
  'person',
  'email',
  'channel',
  'direction',
  'network',
  'length',
  'text',
  'id',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** How the day and month of `01/02/2024` are ordered: decided by scanning the file, or given. */
export type DateOrder = 'auto' | 'dmy' | 'mdy';

/** Which column of a CSV or JSON-lines file holds what, and the values fixed for every row. */
export interface ColumnMapping {
  /** Field → column name (matched case-insensitively). */
  columns: Partial<Record<MappedField, string>>;
  /** Values for fields the file has no column for (`channel:=coffee`, `network:=linkedin`). */
  fixed: { channel?: Channel | undefined; direction?: Direction | undefined; network?: Network | undefined };
  dates: DateOrder;
}

const invalid = (message: string, part: string): RapportError =>
  new RapportError('input.invalid', `${message}. ${HELP}`, { part });
const HELP =
  'Write the mapping as field=Column pairs, e.g. --map date=Date,person=Name,channel=Type,direction=Direction ' +
  `(fields: ${MAPPED_FIELDS.join(', ')}; fixed values as channel:=coffee; dates=dmy|mdy|auto), or give a mapping JSON file`;

/** Splits on commas outside double quotes. */
function parts(spec: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const c of spec) {
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

/** A fixed value, read like a cell (`coffee` is in_person) or named exactly (`in_person`). */
function fixedValue(field: string, value: string, part: string): Partial<ColumnMapping['fixed']> {
  const v = value.trim().toLowerCase();
  const read: Record<string, [readonly string[], (s: string) => string | undefined]> = {
    channel: [CHANNELS, channelOf],
    direction: [DIRECTIONS, directionOf],
    network: [NETWORKS, networkOf],
  };
  const rule = read[field];
  if (rule === undefined)
    throw invalid(`"${part}": only channel, direction and network take a fixed value (:=)`, part);
  const [names, of] = rule;
  const known = names.includes(v) ? v : of(v);
  if (known === undefined) throw invalid(`"${part}": ${field} must be one of ${names.join(', ')}`, part);
  return { [field]: known };
}

/** Checks a mapping for what every row needs: a date, someone, and a channel. */
function complete(mapping: ColumnMapping, spec: string): ColumnMapping {
  const { columns, fixed } = mapping;
  if (columns.date === undefined) throw invalid('The mapping names no date column (date=…)', spec);
  if (columns.person === undefined && columns.email === undefined)
    throw invalid('The mapping names no person or email column (person=… or email=…)', spec);
  if (columns.channel === undefined && fixed.channel === undefined)
    throw invalid('The mapping names no channel column (channel=…) or fixed channel (channel:=coffee)', spec);
  return mapping;
}

/** A mapping saved as JSON: `{"columns":{"date":"Date",…},"fixed":{"network":"linkedin"},"dates":"dmy"}`. */
function fromJson(text: string): ColumnMapping {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalid(
      `The mapping JSON cannot be read (${error instanceof Error ? error.message : String(error)})`,
      text.slice(0, 80),
    );
  }
  const { columns = {}, fixed = {}, dates = 'auto' } = (data ?? {}) as Record<string, unknown>;
  const pieces: string[] = [];
  for (const [field, column] of Object.entries(columns as object))
    pieces.push(`${field}="${String(column)}"`);
  for (const [field, value] of Object.entries(fixed as object)) pieces.push(`${field}:=${String(value)}`);
  pieces.push(`dates=${String(dates)}`);
  return parseMapping(pieces.join(','));
}

/**
 * Parses `date=Date,person=Name,channel=Type,direction=Direction[,email=Email,network=…,
 * length=…,text=…,id=…]` (column names may be "quoted"; `field:=value` fixes a channel,
 * direction or network for every row; `dates=dmy|mdy|auto`), or the same as saved JSON.
 * Throws RapportError('input.invalid') naming the part that is wrong.
 */
export function parseMapping(spec: string): ColumnMapping {
  if (spec.trim().startsWith('{')) return fromJson(spec);
  const mapping: ColumnMapping = { columns: {}, fixed: {}, dates: 'auto' };
  for (const part of parts(spec)) {
    const m = /^([A-Za-z]+)\s*(:?=)\s*(.*)$/.exec(part);
    if (m === null) throw invalid(`"${part}" is not field=Column`, part);
    const field = m[1]!.toLowerCase();
    const value = m[3]!.trim().replace(/^"(.*)"$/, '$1');
    if (value === '') throw invalid(`"${part}" names no column`, part);
    if (m[2] === ':=') Object.assign(mapping.fixed, fixedValue(field, value, part));
    else if (field === 'dates') {
      if (!['auto', 'dmy', 'mdy'].includes(value.toLowerCase()))
        throw invalid(`"${part}": dates must be dmy, mdy or auto`, part);
      mapping.dates = value.toLowerCase() as DateOrder;
    } else if ((MAPPED_FIELDS as readonly string[]).includes(field)) {
      if (mapping.columns[field as MappedField] !== undefined)
        throw invalid(`"${part}": ${field} is mapped twice`, part);
      mapping.columns[field as MappedField] = value;
    } else throw invalid(`"${part}": unknown field ${JSON.stringify(field)}`, part);
  }
  return complete(mapping, spec);
}

/** Reads a saved mapping (JSON, or the --map text) from a file. */
export async function readMappingFile(path: string): Promise<ColumnMapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new RapportError(
      'input.invalid',
      `Cannot read the mapping file ${path}: ${(error as Error).message}.`,
      { path },
    );
  }
  return parseMapping(text);
}
