/**
 * The JSON inside an export file as text pieces: an optional JavaScript assignment before it
 * (`window.YTD.tweets.part0 = [`, `window.__THAR_CONFIG = {`) and a final `;` are left out.
 */

/** How far into a file an assignment's `=` may be. */
const MAX_PREFIX = 4096;

const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

export class JsonText {
  /** The assignment left out before the JSON, for positions in the whole file. */
  prefix = '';
  /** The file has anything but blanks. */
  nonBlank = false;
  private head = '';
  private started: boolean;
  private held = '';

  constructor(private readonly assignment: boolean) {
    this.started = !assignment;
  }

  /** The pieces of JSON text a chunk of the file gives (none while the start is still unclear). */
  push(chunk: string): string[] {
    if (!this.nonBlank) this.nonBlank = /\S/.test(chunk);
    if (this.started) return this.emit(chunk);
    this.head += chunk;
    const first = this.head.search(/\S/);
    if (first === -1 && this.head.length < MAX_PREFIX) return [];
    const c = this.head[first];
    if (c !== '[' && c !== '{') {
      const eq = this.head.indexOf('=');
      if (eq === -1 && this.head.length < MAX_PREFIX) return [];
      if (eq !== -1) {
        this.prefix = this.head.slice(0, eq + 1);
        this.head = this.head.slice(eq + 1);
      }
    }
    this.started = true;
    const text = this.head;
    this.head = '';
    return this.emit(text);
  }

  /** The last pieces, at the end of the file. */
  end(): string[] {
    if (this.started) return [];
    this.started = true;
    const eq = this.head.indexOf('=');
    const text = eq === -1 ? this.head : this.head.slice(eq + 1);
    if (eq !== -1) this.prefix = this.head.slice(0, eq + 1);
    this.head = '';
    return this.emit(text);
  }

  /** Holds back a trailing `;` (and blanks after it) in case it is the file's last character. */
  private emit(text: string): string[] {
    let piece = this.held + text;
    this.held = '';
    if (!this.assignment) return piece === '' ? [] : [piece];
    let j = piece.length - 1;
    while (j >= 0 && isBlank(piece.charCodeAt(j))) j--;
    if (j >= 0 && piece.charCodeAt(j) === 59) {
      this.held = piece.slice(j);
      piece = piece.slice(0, j);
    }
    return piece === '' ? [] : [piece];
  }
}
