/**
 * RFC 5322 messages as Gmail Takeout writes them into an mbox: CRLF lines, RFC 2047 encoded
 * words for non-ASCII names and subjects, quoted-printable bodies, Gmail's From_ line, and
 * mboxrd `>From ` escaping.
 */
import { ctimeUtc } from './life-dates.js';

export const CRLF = '\r\n';

/** Room for the text of one encoded word, which RFC 2047 caps at 75 characters in all. */
const WORD_ROOM = 75 - '=?UTF-8?Q??='.length;
const Q_PLAIN = /[A-Za-z0-9!*+\-/]/;

function qChar(c: string): string {
  if (c === ' ') return '_';
  if (Q_PLAIN.test(c)) return c;
  return [...Buffer.from(c, 'utf8')].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** Encoded words for `text`, split between whole characters; ASCII text is returned as it is. */
export function encodeWords(text: string, encoding: 'Q' | 'B' = 'Q'): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  const size = (s: string) =>
    encoding === 'Q' ? [...s].map(qChar).join('').length : Math.ceil(Buffer.byteLength(s) / 3) * 4;
  for (const c of text) {
    if (chunk !== '' && size(chunk + c) > WORD_ROOM) {
      words.push(chunk);
      chunk = '';
    }
    chunk += c;
  }
  words.push(chunk);
  const encode = (s: string) =>
    encoding === 'Q' ? [...s].map(qChar).join('') : Buffer.from(s, 'utf8').toString('base64');
  // Encoded words are folded onto continuation lines; the space between them is not part of the text.
  return words.map((w) => `=?UTF-8?${encoding}?${encode(w)}?=`).join(`${CRLF} `);
}

/** `Name <address>`: the name as it is, quoted when it holds specials, or encoded when not ASCII. */
export function mailbox(name: string, address: string, encoding: 'Q' | 'B' = 'Q'): string {
  if (name === '') return address;
  if (!/^[\x20-\x7e]*$/.test(name)) return `${encodeWords(name, encoding)} <${address}>`;
  const safe = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]*$/.test(name);
  return `${safe ? name : `"${name.replace(/(["\\])/g, '\\$1')}"`} <${address}>`;
}

/** Quoted-printable (RFC 2045) of UTF-8 text, lines at most 76 characters with soft breaks. */
export function quotedPrintable(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let out = '';
      let width = 0;
      const bytes = [...Buffer.from(line, 'utf8')];
      bytes.forEach((b, i) => {
        const last = i === bytes.length - 1;
        const plain = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
        const piece = plain ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
        if (width + piece.length > 75) {
          out += `=${CRLF}`;
          width = 0;
        }
        out += piece;
        width += piece.length;
      });
      return out;
    })
    .join(CRLF);
}

/** mboxrd: a body line starting with `From ` (after any `>`s) gets one more `>`, so no line looks like a From_ line. */
export function escapeFromLines(body: string): string {
  return body.replace(/^(>*From )/gm, '>$1');
}

/** Gmail's From_ line: the message id, `@xxx`, and the date with the zone before the year. */
export function fromLine(gmailId: string, at: number): string {
  return `From ${gmailId}@xxx ${ctimeUtc(at)}`;
}

/** One mbox entry: From_ line, headers (undefined values left out), blank line, escaped body, blank line. */
export function mboxEntry(
  gmailId: string,
  at: number,
  headers: readonly (readonly [string, string | undefined])[],
  body: string,
): string {
  const lines = headers.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`);
  const text = escapeFromLines(body.replace(/\r?\n/g, CRLF));
  return `${fromLine(gmailId, at)}${CRLF}${lines.join(CRLF)}${CRLF}${CRLF}${text}${CRLF}${CRLF}`;
}

/** A Gmail label list: labels holding commas are quoted; non-ASCII ones become encoded words. */
export function gmailLabels(labels: readonly string[]): string {
  return labels
    .map((l) =>
      /[^\x20-\x7e]/.test(l) ? encodeWords(l).replace(/\r\n /g, '') : l.includes(',') ? `"${l}"` : l,
    )
    .join(',');
}
