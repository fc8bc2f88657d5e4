/** Where a value sits: keys and array indexes from the root. Reused between calls: copy to keep. */
export type JsonPath = readonly (string | number)[];

/** What a walked (not picked) container expects next. */
enum Expect {
  /** Right after `[`: a value or `]`. */
  FirstItem,
  /** After `,` in an array. */
  Item,
  /** Right after `{`: a key or `}`. */
  FirstKey,
  /** After `,` in an object. */
  Key,
  /** After a key. */
  Colon,
  /** After a key's colon. */
  Member,
  /** After a value: `,` or the closing bracket. */
  CommaOrClose,
}

interface Frame {
  array: boolean;
  next: number;
  expect: Expect;
}

const QUOTE = 34;
const BACKSLASH = 92;

const isBlank = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;
/** Characters that may end a number or a literal (besides the end of the input). */
const isDelimiter = (c: number): boolean => c === 44 || c === 93 || c === 125 || isBlank(c);

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** Longer than any number or literal a real export holds; anything longer is broken. */
const MAX_TOKEN = 4096;

/** Thrown inside the scanner for broken JSON; the reader locates it exactly afterwards. */
export class JsonSyntaxError extends Error {}

/**
 * A streaming JSON scanner for large exports: it walks the document's structure itself and
 * hands over, whole, the values `pick` asks for by path; each picked value's text is cut out and
 * read by JSON.parse (native, and fast). Nothing else is built, so memory stays bounded by the
 * largest picked value however large the file. The walked structure is checked as it is read
 * and picked values by JSON.parse, so broken JSON anywhere is noticed (as a JsonSyntaxError
 * from `push` or `end`). `value` returning true stops the scan (`stopped`).
 */
export class JsonScanner {
  /** Set when `value` asked to stop. */
  stopped = false;
  private buf = '';
  private pos = 0;
  private readonly path: (string | number)[] = [];
  private readonly frames: Frame[] = [];
  private rootDone = false;
  /** The pieces of a string or container longer than the buffer, while it is collected. */
  private capture: string[] | undefined;
  private captureState: TextState = { depth: 0, inString: false, escaped: false };

  constructor(
    private readonly pick: (path: JsonPath) => boolean,
    private readonly value: (path: JsonPath, value: unknown) => boolean | undefined,
  ) {}

  /** Feeds the next piece of text. Throws JsonSyntaxError for broken JSON. */
  push(text: string): void {
    if (this.stopped) return;
    if (this.capture !== undefined) {
      // Inside a long string or container: collect pieces until it ends, then read it whole.
      const end = textEnd(text, 0, this.captureState);
      this.capture.push(text);
      if (end === -1) return;
      this.buf = this.capture.join('');
      this.capture = undefined;
    } else this.buf = this.pos > 0 ? this.buf.slice(this.pos) + text : this.buf + text;
    this.pos = 0;
    this.run(false);
  }

  /** The input ended. Throws JsonSyntaxError when the document is incomplete or broken. */
  end(): void {
    if (this.stopped) return;
    if (this.capture !== undefined) throw new JsonSyntaxError('unexpected end of the input');
    this.run(true);
    if (!this.rootDone) throw new JsonSyntaxError('unexpected end of the input');
  }

  /**
   * Just past the string or container starting at `p`, or -1 when the input ends first: the
   * rest of the buffer is then collected with the pieces that follow until it ends (so a value
   * spanning many pieces is scanned once, not once per piece), and read again whole.
   */
  private endOf(p: number, final: boolean): number {
    const state: TextState = { depth: 0, inString: false, escaped: false };
    const end = textEnd(this.buf, p, state);
    if (end !== -1) return end;
    if (final) throw new JsonSyntaxError('unexpected end of the input');
    this.capture = [this.buf.slice(p)];
    this.captureState = state;
    this.buf = '';
    this.pos = 0;
    return -1;
  }

  /** Reads as far as the input allows; `final` when no more will come. */
  private run(final: boolean): void {
    const buf = this.buf;
    for (;;) {
      let p = this.pos;
      while (p < buf.length && isBlank(buf.charCodeAt(p))) p++;
      this.pos = p;
      if (p >= buf.length) return;
      const c = buf.charCodeAt(p);
      const frame = this.frames[this.frames.length - 1];
      if (frame === undefined) {
        if (this.rootDone) throw new JsonSyntaxError('unexpected text after the JSON value');
        if (!this.valueAt(p, final, false)) return;
        if (this.stopped) return;
        continue;
      }
      switch (frame.expect) {
        case Expect.FirstItem:
        case Expect.Item:
          if (c === 93 /* ] */ && frame.expect === Expect.FirstItem) {
            this.close(p);
            break;
          }
          this.path.push(frame.next);
          if (!this.valueAt(p, final, true)) {
            this.path.pop();
            return;
          }
          break;
        case Expect.FirstKey:
        case Expect.Key: {
          if (c === 125 /* } */ && frame.expect === Expect.FirstKey) {
            this.close(p);
            break;
          }
          if (c !== QUOTE) throw new JsonSyntaxError('expected a key');
          const end = this.endOf(p, final);
          if (end === -1) return;
          this.path.push(parse(buf.slice(p, end)) as string);
          frame.expect = Expect.Colon;
          this.pos = end;
          break;
        }
        case Expect.Colon:
          if (c !== 58 /* : */) throw new JsonSyntaxError('expected a colon');
          frame.expect = Expect.Member;
          this.pos = p + 1;
          break;
        case Expect.Member:
          if (!this.valueAt(p, final, true)) return;
          break;
        case Expect.CommaOrClose:
          if (c === 44 /* , */) {
            frame.expect = frame.array ? Expect.Item : Expect.Key;
            this.pos = p + 1;
          } else if (c === (frame.array ? 93 : 125)) this.close(p);
          else throw new JsonSyntaxError('expected a comma or a closing bracket');
          break;
      }
      if (this.stopped) return;
    }
  }

  /**
   * Reads the value starting at `p`, whose path is pushed (unless it is the root). False when
   * the input ends inside it (more is needed). A walked container stays open with its path.
   */
  private valueAt(p: number, final: boolean, nested: boolean): boolean {
    const buf = this.buf;
    const c = buf.charCodeAt(p);
    const container = c === 123 /* { */ || c === 91; /* [ */
    if (!this.pick(this.path)) {
      if (container) {
        this.frames.push({ array: c === 91, next: 0, expect: c === 91 ? Expect.FirstItem : Expect.FirstKey });
        this.pos = p + 1;
        return true;
      }
      const end = c === QUOTE ? this.endOf(p, final) : this.tokenEnd(p, final);
      if (end === -1) return false;
      // A string nobody asked for is still checked.
      if (c === QUOTE) parse(buf.slice(p, end));
      this.afterValue(end, nested);
      return true;
    }
    const end = container || c === QUOTE ? this.endOf(p, final) : this.tokenEnd(p, final);
    if (end === -1) return false;
    const parsed = parse(buf.slice(p, end));
    if (this.value(this.path, parsed) === true) this.stopped = true;
    this.afterValue(end, nested);
    return true;
  }

  /** A value ended at `end`: its container now expects a comma or its end. */
  private afterValue(end: number, nested: boolean): void {
    this.pos = end;
    if (!nested) {
      this.rootDone = true;
      return;
    }
    const frame = this.frames[this.frames.length - 1]!;
    if (frame.array) frame.next++;
    frame.expect = Expect.CommaOrClose;
    this.path.pop();
  }

  private close(p: number): void {
    this.frames.pop();
    this.pos = p + 1;
    if (this.frames.length === 0) {
      this.rootDone = true;
      return;
    }
    const frame = this.frames[this.frames.length - 1]!;
    if (frame.array) frame.next++;
    frame.expect = Expect.CommaOrClose;
    this.path.pop();
  }

  /** Just past the number or literal at `p`, checked, or -1 when more input is needed. */
  private tokenEnd(p: number, final: boolean): number {
    const buf = this.buf;
    let end = p;
    while (end < buf.length && !isDelimiter(buf.charCodeAt(end))) end++;
    if (end - p > MAX_TOKEN) throw new JsonSyntaxError('a number or literal too long to be one');
    if (end === buf.length && !final) return -1;
    const token = buf.slice(p, end);
    if (token === 'true' || token === 'false' || token === 'null') return end;
    NUMBER.lastIndex = p;
    if (NUMBER.test(buf) && NUMBER.lastIndex === end) return end;
    throw new JsonSyntaxError(`unexpected ${JSON.stringify(token.slice(0, 20))}`);
  }
}

/** JSON.parse, its errors as JsonSyntaxError. */
function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new JsonSyntaxError(error instanceof Error ? error.message : String(error));
  }
}

/** Where a search for the end of a string or container stands. */
interface TextState {
  depth: number;
  inString: boolean;
  escaped: boolean;
}

/**
 * Just past the end of the string or container whose text starts at or before `from`, scanning
 * `text` from `from` with `state` (updated, so a search can go on in the next piece), or -1.
 * Only quotes, escapes and brackets are looked at: JSON.parse checks the rest.
 */
function textEnd(text: string, from: number, state: TextState): number {
  let { depth, inString, escaped } = state;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) {
        inString = false;
        if (depth === 0) return i + 1;
      }
    } else if (c === QUOTE) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if ((c === 125 || c === 93) && --depth <= 0) return i + 1;
  }
  state.depth = depth;
  state.inString = inString;
  state.escaped = escaped;
  return -1;
}
