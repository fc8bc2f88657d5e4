import Verifier from 'stream-json/utils/Verifier.js';
import { JsonText } from './json-text.js';
import { openText } from './text-decode.js';
import type { SourceEntry } from './types.js';

/** Where a file's JSON breaks: byte offset from the file's start and 1-based line. */
export interface JsonErrorPlace {
  byte: number;
  line: number;
  reason: string;
}

interface Piece {
  chars: number;
  bytes: number;
  text: string;
}

/** Pieces kept to turn the verifier's character offset into bytes: its buffer spans at most a few. */
const KEPT = 4;

const newlines = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * Reads a file whose JSON did not parse a second time, through stream-json's Verifier, which
 * knows exact positions. Only broken files pay for this. Undefined when the verifier finds
 * nothing wrong. Offsets assume UTF-8 (what every JSON export uses).
 */
export async function locateJsonError(
  entry: SourceEntry,
  assignment: boolean,
): Promise<JsonErrorPlace | undefined> {
  const verifier = new Verifier();
  let failure: (Error & { offset?: number; line?: number }) | undefined;
  verifier.on('error', (error: Error) => {
    failure ??= error;
  });
  const json = new JsonText(assignment);
  const kept: Piece[] = [];
  let chars = 0;
  let bytes = 0;
  const feed = (text: string): Promise<void> => {
    kept.push({ chars, bytes, text });
    if (kept.length > KEPT) kept.shift();
    chars += text.length;
    bytes += Buffer.byteLength(text);
    return new Promise((resolve) => verifier.write(text, () => resolve()));
  };
  for await (const chunk of await openText(entry)) {
    for (const piece of json.push(chunk)) if (!failure) await feed(piece);
    if (failure) break;
  }
  if (!failure) for (const piece of json.end()) await feed(piece);
  if (!failure) await new Promise<void>((resolve) => verifier.end(() => resolve()));
  if (!failure || failure.offset === undefined) return undefined;
  const offset = failure.offset;
  const piece = kept.findLast((p) => p.chars <= offset) ?? kept[0];
  const byte =
    piece === undefined || offset < piece.chars
      ? bytes
      : piece.bytes + Buffer.byteLength(piece.text.slice(0, offset - piece.chars));
  const reason = failure.message.replace(/^ERROR at \d+ \(\d+, \d+\): /, '');
  return {
    byte: Buffer.byteLength(json.prefix) + byte,
    line: newlines(json.prefix) + (failure.line ?? 1),
    reason,
  };
}
