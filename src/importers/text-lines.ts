import { RapportError } from '../errors.js';
import { openText } from './text-decode.js';
import type { SourceEntry } from './types.js';

/** One physical line of a text file, without its line break. */
export interface TextLine {
  text: string;
  /** 1-based line number. */
  line: number;
  /** The line was longer than the limit and was cut; the rest of it was dropped. */
  overlong?: boolean;
}

/** The lines decoded from one chunk of input, and the bytes read so far (for progress). */
export interface LineBatch {
  lines: TextLine[];
  bytesRead: number;
}

/** Longest line kept whole; anything longer is cut (no newline in 100 MB must not mean 100 MB held). */
export const MAX_LINE_CHARS = 1 << 20;

/**
 * Streams the physical lines of an entry in batches, one per decoded chunk. Breaks are LF,
 * CRLF or a lone CR (old Mac files; iPhone vCards end lines with CR CR LF, which gives an
 * empty line that callers skip). Encoding is sniffed as in text-decode.ts.
 */
export async function* readLines(
  entry: SourceEntry,
  maxLineChars = MAX_LINE_CHARS,
): AsyncGenerator<LineBatch> {
  const text = await openText(entry);
  let rest = '';
  let line = 1;
  let skipping = false;
  for await (const chunk of text) {
    const lines: TextLine[] = [];
    let s = rest + chunk;
    // A CR at the end may be the first half of CRLF: keep it for the next chunk.
    const holdCr = s.endsWith('\r');
    if (holdCr) s = s.slice(0, -1);
    let start = 0;
    // Next LF and CR, each searched again only once passed (a file without CR is scanned once).
    let lf = s.indexOf('\n');
    let cr = s.indexOf('\r');
    for (;;) {
      if (lf !== -1 && lf < start) lf = s.indexOf('\n', start);
      if (cr !== -1 && cr < start) cr = s.indexOf('\r', start);
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (end === -1) break;
      if (skipping) skipping = false;
      else lines.push({ text: s.slice(start, end), line });
      line++;
      start = end + (s.charCodeAt(end) === 13 && s.charCodeAt(end + 1) === 10 ? 2 : 1);
    }
    rest = s.slice(start) + (holdCr ? '\r' : '');
    if (!skipping && rest.length > maxLineChars) {
      lines.push({ text: rest.slice(0, maxLineChars), line, overlong: true });
      skipping = true;
    }
    if (skipping) rest = holdCr ? '\r' : '';
    if (lines.length > 0) yield { lines, bytesRead: text.bytesRead };
  }
  const last = rest.endsWith('\r') ? rest.slice(0, -1) : rest;
  const lines: TextLine[] = [];
  if (!skipping && last.length > 0) lines.push({ text: last, line });
  yield { lines, bytesRead: text.bytesRead };
}

/** The first `maxChars` characters of an entry (fewer for a short file), for content sniffing. */
export async function readHead(entry: SourceEntry, maxChars = 4096): Promise<string> {
  const text = await openText(entry);
  let head = '';
  for await (const chunk of text) {
    head += chunk;
    if (head.length >= maxChars) break;
  }
  return head.slice(0, maxChars);
}

/** RapportError('import.unreadable') for a file whose bytes could not be read (a damaged zip…). */
export function unreadableFile(file: string, error: unknown): RapportError {
  if (error instanceof RapportError) return error;
  return new RapportError(
    'import.unreadable',
    `Could not read ${file}: ${error instanceof Error ? error.message : String(error)}. ` +
      'The export may be damaged or incomplete; download it again and retry.',
    { file },
    { cause: error },
  );
}
