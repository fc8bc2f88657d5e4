/** RFC 2047 encoded words (`=?utf-8?Q?M=C3=BCller?=`) and the charsets mail uses. */
import { TextDecoder } from 'node:util';
import { detach } from '../identity-keys.js';
import { recentResults } from '../recent-results.js';

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;
/** Whitespace between two encoded words is not part of the text (RFC 2047 §6.2). */
const BETWEEN_WORDS = /(\?=)\s+(=\?)/g;

const decoders = new Map<string, TextDecoder | null>();

/** Charset parameters as written (`"UTF-8"`, `utf-8*en`) → their normalised labels; mail uses few. */
const labels = new Map<string, string>();

function charsetLabel(charset: string): string {
  let label = labels.get(charset);
  if (label === undefined) {
    label = charset.trim().toLowerCase().replace(/\*.*$/, '') || 'utf-8';
    // Short names only, copied: a key must not keep a whole message's text alive.
    if (labels.size < 256 && charset.length <= 64) labels.set(detach(charset), label);
  }
  return label;
}

/** Text of `bytes` in `charset`; unknown charsets are read as Windows-1252 (never throws). */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  const label = charset === undefined ? 'utf-8' : charsetLabel(charset);
  if (label === 'utf-8' || label === 'utf8' || label === 'us-ascii' || label === 'ascii')
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  let decoder = decoders.get(label);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = null;
    }
    if (decoders.size < 64) decoders.set(label, decoder);
  }
  return (decoder ?? new TextDecoder('windows-1252')).decode(bytes);
}

/** The value of one hex digit's character code, or -1 (NaN, past the end, included). */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Quoted-printable to bytes; `header` reads `_` as a space (the Q encoding of RFC 2047). */
export function decodeQuotedPrintable(text: string, header = false): Buffer {
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 61 /* = */) {
      const high = hexValue(text.charCodeAt(i + 1));
      const low = high === -1 ? -1 : hexValue(text.charCodeAt(i + 2));
      if (low !== -1) {
        out[n++] = high * 16 + low;
        i += 2;
        continue;
      }
      // A soft line break (`=` at the end of a line) joins lines.
      const soft = /^=[ \t]*\r?\n/.exec(text.slice(i, i + 80));
      if (soft) {
        i += soft[0].length - 1;
        continue;
      }
      out[n++] = c;
    } else if (header && c === 95 /* _ */) {
      out[n++] = 32;
    } else {
      out[n++] = c > 0xff ? 0x3f : c;
    }
  }
  return out.subarray(0, n);
}

/**
 * Quoted-printable body bytes to bytes: the same as decodeQuotedPrintable on their Latin-1
 * text, without making that text (a body is decoded per message, a million times an import).
 */
export function decodeQuotedPrintableBytes(bytes: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c !== 61 /* = */) {
      out[n++] = c;
      continue;
    }
    const high = hexValue(bytes[i + 1] ?? -1);
    const low = high === -1 ? -1 : hexValue(bytes[i + 2] ?? -1);
    if (low !== -1) {
      out[n++] = high * 16 + low;
      i += 2;
      continue;
    }
    // A soft line break: `=`, blanks, then CRLF or LF, within 80 characters.
    const limit = Math.min(bytes.length, i + 80);
    let j = i + 1;
    while (j < limit && (bytes[j] === 32 || bytes[j] === 9)) j++;
    if (j < limit && bytes[j] === 13) j++;
    if (j < limit && bytes[j] === 10) {
      i = j;
      continue;
    }
    out[n++] = c;
  }
  return out.subarray(0, n);
}

function wordBytes(encoding: string, text: string): Buffer {
  return encoding === 'b' || encoding === 'B'
    ? Buffer.from(text, 'base64')
    : decodeQuotedPrintable(text, true);
}

/**
 * Decodes the encoded words in a header value. Adjacent words in one charset are joined as
 * bytes before decoding, so a character split across two words survives.
 */
export function decodeWords(value: string): string {
  return value.indexOf('=?') === -1 ? value : decodeRecent(value);
}

function decodeEncodedWords(value: string): string {
  const joined = value.replace(BETWEEN_WORDS, '$1$2');
  let out = '';
  let last = 0;
  let run: { charset: string; bytes: Buffer[] } | undefined;
  const flush = (): void => {
    if (run !== undefined) out += decodeCharset(Buffer.concat(run.bytes), run.charset);
    run = undefined;
  };
  for (const match of joined.matchAll(ENCODED_WORD)) {
    const at = match.index;
    if (at > last) {
      flush();
      out += joined.slice(last, at);
    }
    const charset = match[1]!.toLowerCase();
    if (run !== undefined && run.charset !== charset) flush();
    run ??= { charset, bytes: [] };
    run.bytes.push(wordBytes(match[2]!, match[3]!));
    last = at + match[0].length;
  }
  flush();
  return out + joined.slice(last);
}

/** Names and subjects recur across a mailbox: each distinct value is decoded once while in use. */
const decodeRecent = recentResults((value) => detach(decodeEncodedWords(value)), 8192);
