import { decodeCharset, decodeQuotedPrintableBytes } from './encoded-words.js';
import { header, type MailHeaders, parseHeaders, parseParams } from './mail-headers.js';

/** Decoded body text read per message, for its words and snippet. */
export const BODY_TEXT_BYTES = 64 * 1024;
/** MIME nesting followed, and parts looked at per multipart. */
const MAX_DEPTH = 5;
const MAX_PARTS = 32;

/** A body's text, and whether it is HTML (reduced to text later). */
export interface BodyText {
  text: string;
  html: boolean;
}

function transferDecoded(body: Buffer, encoding: string | undefined): Buffer {
  const cte = (encoding ?? '').trim().toLowerCase();
  if (cte === 'base64')
    return Buffer.from(body.subarray(0, BODY_TEXT_BYTES * 2).toString('latin1'), 'base64');
  if (cte === 'quoted-printable') return decodeQuotedPrintableBytes(body.subarray(0, BODY_TEXT_BYTES * 3));
  return body;
}

/** The parts of a multipart body, between `--boundary` lines (each at a line start). */
function splitParts(body: Buffer, boundary: string): Buffer[] {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const parts: Buffer[] = [];
  let open = -1; // where the current part's bytes start
  let at = body.indexOf(delimiter);
  while (at !== -1 && parts.length < MAX_PARTS) {
    const lineStart = at === 0 || body[at - 1] === 10;
    if (lineStart) {
      if (open !== -1) {
        let end = at - 1; // drop the line break that belongs to the delimiter
        if (end > open && body[end - 1] === 13) end--;
        parts.push(body.subarray(open, Math.max(open, end)));
      }
      const closing = body[at + delimiter.length] === 45 && body[at + delimiter.length + 1] === 45;
      if (closing) return parts;
      const nl = body.indexOf(10, at);
      if (nl === -1) return parts;
      open = nl + 1;
    }
    at = body.indexOf(delimiter, at + delimiter.length);
  }
  // A message cut at the size cap ends inside a part: keep what there is.
  if (open !== -1 && open < body.length && parts.length < MAX_PARTS) parts.push(body.subarray(open));
  return parts;
}

/**
 * The readable text of a message or MIME part: the first text/plain part (text/html when there
 * is none), transfer-decoded and read in its charset, at most BODY_TEXT_BYTES. Attachments,
 * forwarded messages and other types give nothing. Never throws on malformed MIME.
 */
export function bodyText(headers: MailHeaders, body: Buffer, depth = 0): BodyText | undefined {
  const disposition = header(headers, 'content-disposition');
  if (disposition !== undefined && /^\s*attachment/i.test(disposition)) return undefined;
  const { type, params } = parseParams(header(headers, 'content-type'));
  if (type.startsWith('multipart/')) {
    const boundary = params.get('boundary');
    if (boundary === undefined || boundary === '' || depth >= MAX_DEPTH) return undefined;
    let html: BodyText | undefined;
    for (const part of splitParts(body, boundary)) {
      const parsed = parseHeaders(part);
      if (parsed.bodyAt === -1) continue;
      const found = bodyText(parsed.headers, part.subarray(parsed.bodyAt), depth + 1);
      if (found === undefined) continue;
      if (!found.html) return found;
      html ??= found;
    }
    return html;
  }
  const isHtml = type === 'text/html';
  if (!isHtml && type !== 'text/plain' && type !== '' && type !== 'text') return undefined;
  const bytes = transferDecoded(body, header(headers, 'content-transfer-encoding'));
  const capped = bytes.length > BODY_TEXT_BYTES ? bytes.subarray(0, BODY_TEXT_BYTES) : bytes;
  return { text: decodeCharset(capped, params.get('charset')), html: isHtml };
}

/** Whether a `>` starts a line (after any break the `m` flag's `^` knows: LF, CR, U+2028, U+2029). */
function quoteAtLineStart(text: string): boolean {
  for (let i = text.indexOf('>'); i !== -1; i = text.indexOf('>', i + 1)) {
    if (i === 0) return true;
    const before = text.charCodeAt(i - 1);
    if (before === 10 || before === 13 || before === 0x2028 || before === 0x2029) return true;
  }
  return false;
}

/**
 * Plain text for words and the snippet: mboxo's `>From ` escapes undone, then quoted lines
 * (`> …`, the history a reply carries) left out so a reply is measured by what it adds.
 */
export function ownWords(body: BodyText): string {
  if (body.html) return body.text;
  const text = body.text;
  // Most messages quote nothing: then there is nothing to take out.
  if (!quoteAtLineStart(text)) return text;
  if (!otherLineBreaks(text)) return withoutQuotes(text);
  const lines = text.replace(/^>(>*From )/gm, '$1').split('\n');
  return lines.filter((line) => !line.startsWith('>')).join('\n');
}

/** Line breaks other than LF and CRLF, where the `m` flag's `^` also matches: a lone CR, U+2028, U+2029. */
function otherLineBreaks(text: string): boolean {
  if (text.indexOf('\u2028') !== -1 || text.indexOf('\u2029') !== -1) return true;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1))
    if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

/**
 * ownWords for text broken only by LF or CRLF, in one pass: `>From ` lines (mboxo's escape)
 * lose their `>`, every other line starting with `>` is left out.
 */
function withoutQuotes(text: string): string {
  let out = '';
  let first = true;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let from = start;
    let keep = true;
    if (text.charCodeAt(start) === 62 /* > */) {
      keep = text.startsWith('From ', start + 1);
      from = start + 1;
    }
    if (keep) {
      out += first ? text.slice(from, end) : `\n${text.slice(from, end)}`;
      first = false;
    }
    start = end + 1;
  }
  return out;
}
