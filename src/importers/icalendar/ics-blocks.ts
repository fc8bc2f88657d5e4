import { readLines } from '../text-lines.js';
import type { SourceEntry } from '../types.js';

/** A logical (unfolded) line and the physical line it starts on. */
export interface IcsLine {
  text: string;
  line: number;
}

/** What the block reader finds at the top of a calendar. */
export type IcsBlock =
  | { kind: 'event' | 'timezone'; lines: IcsLine[]; line: number }
  | { kind: 'property'; text: string; line: number }
  | { kind: 'broken'; line: number; reason: string };

/** Most lines one component may have (a real event has tens; garbage must not grow without bound). */
export const MAX_BLOCK_LINES = 20_000;
/** Most characters one component may hold. */
export const MAX_BLOCK_CHARS = 8 << 20;

const begins = (text: string): string | undefined =>
  /^BEGIN:/i.test(text) ? text.slice(6).trim().toUpperCase() : undefined;
const ends = (text: string): string | undefined =>
  /^END:/i.test(text) ? text.slice(4).trim().toUpperCase() : undefined;

/** Splits a stream of logical lines into components; VEVENT and VTIMEZONE are collected whole. */
class BlockSplitter {
  out: IcsBlock[] = [];
  private open: { kind: 'event' | 'timezone'; name: string; lines: IcsLine[]; line: number } | undefined;
  private depth = 0;
  private chars = 0;
  private tooBig = false;

  take(l: IcsLine): void {
    const open = this.open;
    if (open === undefined) {
      const name = begins(l.text);
      if (name === 'VEVENT' || name === 'VTIMEZONE') {
        this.open = { kind: name === 'VEVENT' ? 'event' : 'timezone', name, lines: [l], line: l.line };
        this.depth = 0;
        this.chars = l.text.length;
        this.tooBig = false;
      } else if (name === undefined && ends(l.text) === undefined) {
        this.out.push({ kind: 'property', text: l.text, line: l.line });
      }
      return;
    }
    const inner = begins(l.text);
    const end = ends(l.text);
    if (inner === open.name && this.depth === 0) {
      this.out.push({ kind: 'broken', line: open.line, reason: `${open.name} without END:${open.name}` });
      this.open = undefined;
      this.take(l);
      return;
    }
    if (end === 'VCALENDAR') {
      this.cutOff();
      return;
    }
    if (inner !== undefined) this.depth++;
    if (!this.tooBig) {
      open.lines.push(l);
      this.chars += l.text.length;
      this.tooBig = open.lines.length > MAX_BLOCK_LINES || this.chars > MAX_BLOCK_CHARS;
    }
    if (end === undefined) return;
    if (this.depth > 0) {
      this.depth--;
      return;
    }
    if (end !== open.name) return;
    this.out.push(
      this.tooBig
        ? { kind: 'broken', line: open.line, reason: `${open.name} is too large to be a real one` }
        : { kind: open.kind, lines: open.lines, line: open.line },
    );
    this.open = undefined;
  }

  /** The input ended (or the calendar closed) inside a component. */
  cutOff(): void {
    if (this.open === undefined) return;
    const name = this.open.name;
    this.out.push({ kind: 'broken', line: this.open.line, reason: `${name} is cut off (no END:${name})` });
    this.open = undefined;
  }
}

/**
 * Streams an iCalendar entry as components, in batches per chunk: folded lines are joined
 * (a line starting with a space or tab continues the previous one; empty lines are ignored),
 * VEVENT and VTIMEZONE blocks are collected with their nested components (VALARM…), and
 * top-level properties (X-WR-CALNAME, METHOD…) come one by one.
 */
export async function* readIcsBlocks(
  entry: SourceEntry,
): AsyncGenerator<{ blocks: IcsBlock[]; bytesRead: number }> {
  const splitter = new BlockSplitter();
  let pending: IcsLine | undefined;
  let bytesRead = 0;
  for await (const batch of readLines(entry)) {
    bytesRead = batch.bytesRead;
    for (const { text, line } of batch.lines) {
      const c = text.charCodeAt(0);
      if (c === 32 || c === 9) {
        if (pending !== undefined && pending.text.length < MAX_BLOCK_CHARS) pending.text += text.slice(1);
        continue;
      }
      if (text === '') continue;
      if (pending !== undefined) splitter.take(pending);
      pending = { text, line };
    }
    const blocks = splitter.out;
    splitter.out = [];
    yield { blocks, bytesRead: batch.bytesRead };
  }
  if (pending !== undefined) splitter.take(pending);
  splitter.cutOff();
  yield { blocks: splitter.out, bytesRead };
}
