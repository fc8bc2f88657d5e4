/** One message cut from an mbox (or a whole .eml), its bytes capped. */
export interface RawMessage {
  /** 1-based line of the message's first line (the From_ line in an mbox). */
  line: number;
  /** The From_ line (mbox only), whose date is the fallback when Date: is missing. */
  envelope: string | undefined;
  /**
   * The message's first bytes, at most the splitter's cap: a view into the chunk given to
   * `write` when the message lies within one chunk (no copy), so it holds that chunk alive
   * while it is kept. Read messages as they come rather than holding many.
   */
  bytes: Buffer;
  /** The message's whole size in bytes. */
  size: number;
}

/**
 * The From_ line that starts a message: `From <addr> <asctime>`, with the zone before the year
 * in Gmail's exports (`Thu Jun 16 22:26:51 +0000 2016`) or a zone name (`PST 2000`). Body lines
 * that merely start with "From " (unescaped by some writers) do not match.
 */
const FROM_LINE =
  /^From \S*\s+(?:[A-Za-z]{3},?\s+)?[A-Za-z]{3}\s+\d{1,2},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+[A-Za-z+\-0-9]{1,6})?\s+\d{4}\b/;

/** A From_ line is short; a longer line is never one, and is passed through without buffering. */
const MAX_FROM_LINE = 512;

const F = 0x46;
const R = 0x72;
const O = 0x6f;
const M = 0x6d;
const SPACE = 0x20;

function startsWithFrom(buf: Buffer, at: number): boolean {
  return (
    buf[at] === F && buf[at + 1] === R && buf[at + 2] === O && buf[at + 3] === M && buf[at + 4] === SPACE
  );
}

/** True when `line` (without its line break) is a full From_ line. */
export function isFromLine(line: string): boolean {
  return FROM_LINE.test(line);
}

/**
 * Cuts an mbox byte stream into messages at full From_ lines, line by line, keeping at most
 * `cap` bytes of each (headers and the start of the body are all Rapport reads), so memory is
 * bounded whatever the file or message size. In single mode (an .eml) the whole input is one
 * message. Bytes before the first From_ line are counted in `preamble`, not returned.
 */
export class MboxSplitter {
  /** Bytes before the first From_ line (an mbox should have none). */
  preamble = 0;
  private line = 1;
  private pending: Buffer | undefined; // the start of a line not yet ended, shorter than MAX_FROM_LINE
  private midLine = false; // inside a line longer than MAX_FROM_LINE
  private current:
    | { line: number; envelope: string | undefined; parts: Buffer[]; kept: number; size: number }
    | undefined;

  constructor(
    private readonly cap: number,
    private readonly single = false,
  ) {
    if (single) this.current = { line: 1, envelope: undefined, parts: [], kept: 0, size: 0 };
  }

  /** Feeds a chunk; appends the messages it completes to `out`. */
  write(input: Buffer, out: RawMessage[]): void {
    const chunk = this.pending === undefined ? input : Buffer.concat([this.pending, input]);
    this.pending = undefined;
    if (this.single) {
      this.append(chunk, 0, chunk.length);
      return;
    }
    let pos = 0;
    let segment = 0; // start of bytes not yet appended to the current message
    while (pos < chunk.length) {
      const nl = chunk.indexOf(10, pos);
      if (nl === -1) {
        const rest = chunk.length - pos;
        if (!this.midLine && rest < MAX_FROM_LINE) {
          this.append(chunk, segment, pos);
          this.pending = Buffer.from(chunk.subarray(pos));
          return;
        }
        this.midLine = true;
        break;
      }
      if (!this.midLine && nl - pos < MAX_FROM_LINE && startsWithFrom(chunk, pos)) {
        const text = chunk.toString('latin1', pos, nl).replace(/\r$/, '');
        if (isFromLine(text)) {
          this.append(chunk, segment, pos);
          this.finish(out);
          this.current = { line: this.line, envelope: text, parts: [], kept: 0, size: 0 };
          segment = nl + 1;
        }
      }
      this.midLine = false;
      this.line++;
      pos = nl + 1;
    }
    this.append(chunk, segment, chunk.length);
  }

  /** Ends the input; appends the last message to `out`. */
  end(out: RawMessage[]): void {
    if (this.pending !== undefined) this.append(this.pending, 0, this.pending.length);
    this.pending = undefined;
    this.finish(out);
  }

  private append(chunk: Buffer, from: number, to: number): void {
    if (to <= from) return;
    const message = this.current;
    if (message === undefined) {
      this.preamble += to - from;
      return;
    }
    message.size += to - from;
    const room = this.cap - message.kept;
    if (room <= 0) return;
    // A view, not a copy: the importer reads each message before the next chunk comes.
    const piece = chunk.subarray(from, Math.min(to, from + room));
    message.parts.push(piece);
    message.kept += piece.length;
  }

  private finish(out: RawMessage[]): void {
    const message = this.current;
    this.current = undefined;
    if (message === undefined) return;
    out.push({
      line: message.line,
      envelope: message.envelope,
      bytes: message.parts.length === 1 ? message.parts[0]! : Buffer.concat(message.parts),
      size: message.size,
    });
  }
}
