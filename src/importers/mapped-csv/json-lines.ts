import { readLines } from '../text-lines.js';
import type { SourceEntry } from '../types.js';

/** One line of a JSON-lines file: its values by lower-cased key, or why it could not be read. */
export type JsonRow = { line: number; values: Map<string, string> } | { line: number; error: string };

/** A JSON value as cell text: strings as they are, numbers and booleans written out, anything else empty. */
function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Parses one line; blank lines give undefined. */
export function jsonRow(text: string, line: number, overlong = false): JsonRow | undefined {
  if (text.trim() === '') return undefined;
  if (overlong) return { line, error: 'line is too long to be one record' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { line, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { line, error: 'not a JSON object' };
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(data)) {
    const name = key.trim().toLowerCase();
    if (!values.has(name)) values.set(name, cellText(value));
  }
  return { line, values };
}

/** Streams a JSON-lines (NDJSON) entry, one object per line, in batches per chunk read. */
export async function* readJsonRows(
  entry: SourceEntry,
): AsyncGenerator<{ rows: JsonRow[]; bytesRead: number }> {
  for await (const batch of readLines(entry)) {
    const rows: JsonRow[] = [];
    for (const l of batch.lines) {
      const row = jsonRow(l.text.replace(/^\uFEFF/, ''), l.line, l.overlong);
      if (row !== undefined) rows.push(row);
    }
    yield { rows, bytesRead: batch.bytesRead };
  }
}
