/**
 * The line that starts a WhatsApp message, in any phone locale:
 * Android `23/06/2018, 01:55 p.m. - Luke: Hey!`, `13.6.2018 klo 21.25.15 - a: m`,
 * iOS `[2018/06/13, 21:25:15] a: m` (with U+200E marks), `13.06.18 21.25.15: a: m`.
 */

/** Bidirectional marks and the byte-order mark WhatsApp puts around names, numbers and system text. */
export const MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const HEADER =
  /^[\u200e\u200f\u202a-\u202e\ufeff]*(\[)?(\d{1,4})[-/.] ?(\d{1,4})[-/.] ?(\d{1,4})\.?,?\s\D{0,12}?(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?(?:\s?([aApP])\.?\s?[mM]\.?)?(\])?(?:\s-|:)?\s/;

/** The part after the header: `Name: text`, or a system line without a name. */
const AUTHOR = /^([^:\n]{1,100}?):(?:\s|$)/;

/** A message header line, taken apart. */
export interface ChatLine {
  /** The three numbers of the date as written, and how many digits each had. */
  parts: [number, number, number];
  digits: [number, number, number];
  hour: number;
  minute: number;
  second: number;
  /** 'a' or 'p' for 12-hour clocks. */
  half: 'a' | 'p' | undefined;
  /** The sender as shown (marks removed), or undefined for a system line. */
  author: string | undefined;
  /** The message text on this line (marks kept: a leading U+200E marks iOS system and media lines). */
  text: string;
}

/** The header of a message line, or undefined for a continuation line. */
export function parseChatLine(line: string): ChatLine | undefined {
  const m = HEADER.exec(line);
  if (!m) return undefined;
  if ((m[1] === undefined) !== (m[9] === undefined)) return undefined; // `[` without `]`, or the reverse
  const rest = line.slice(m[0].length);
  const a = AUTHOR.exec(rest);
  let author: string | undefined;
  let text = rest;
  if (a) {
    const name = a[1]!.replace(MARKS, '').trim();
    // A colon inside a quoted group subject is a system line, not a sender.
    if (name !== '' && !/["“”]/.test(name)) {
      author = name;
      text = rest.slice(a[0].length);
    }
  }
  const half = m[8]?.toLowerCase() as 'a' | 'p' | undefined;
  return {
    parts: [Number(m[2]), Number(m[3]), Number(m[4])],
    digits: [m[2]!.length, m[3]!.length, m[4]!.length],
    hour: Number(m[5]),
    minute: Number(m[6]),
    second: m[7] === undefined ? 0 : Number(m[7]),
    half,
    author,
    text,
  };
}

/**
 * The strict form used to recognise a chat file by its first line: a bracketed iOS header, or
 * an Android one with ` - ` (or `:`) before the text, so a log line with a date is not a chat.
 */
export function looksLikeChatLine(line: string): boolean {
  const m = HEADER.exec(line);
  if (!m || (m[1] === undefined) !== (m[9] === undefined)) return false;
  const sep = m[0].trimEnd();
  return m[1] !== undefined || sep.endsWith('-') || sep.endsWith(':');
}
