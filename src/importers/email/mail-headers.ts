import { isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { detach } from '../identity-keys.js';
import { decodeCharset } from './encoded-words.js';

/** A message's header fields by lower-case name (values unfolded, not yet decoded), and its body. */
export interface MailParts {
  headers: MailHeaders;
  /** Offset of the body in the message bytes, or -1 when there is no blank line after the headers. */
  bodyAt: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The header fields Rapport reads, in lower case. Others (Received, DKIM-Signature, ARC-…, which
 * fill most of a real message's header) are stepped over without being decoded or kept.
 */
const READ_FIELDS = [
  'from',
  'sender',
  'to',
  'cc',
  'bcc',
  'date',
  'subject',
  'message-id',
  'references',
  'in-reply-to',
  'x-gm-thrid',
  'x-gmail-labels',
  'delivered-to',
  'x-original-to',
  'envelope-to',
  'list-id',
  'list-unsubscribe',
  'precedence',
  'auto-submitted',
  'content-type',
  'content-transfer-encoding',
  'content-disposition',
] as const;

/** A header field Rapport reads: only these are kept, so only these may be asked for. */
export type ReadField = (typeof READ_FIELDS)[number];

/** A message's read header fields by lower-case name, each with its values in order. */
export type MailHeaders = Map<ReadField, string[]>;

/** The read field names by length: a field name is matched without making a string of it. */
const FIELDS_BY_LENGTH: ReadField[][] = [];
for (const name of READ_FIELDS) {
  const sameLength = FIELDS_BY_LENGTH[name.length] ?? [];
  sameLength.push(name);
  FIELDS_BY_LENGTH[name.length] = sameLength;
}

/** The read field named by text[from, to) in any case, or undefined. */
function readField(text: string, from: number, to: number): ReadField | undefined {
  const candidates = FIELDS_BY_LENGTH[to - from];
  if (candidates === undefined) return undefined;
  next: for (const field of candidates) {
    for (let i = from, j = 0; i < to; i++, j++) {
      const c = text.charCodeAt(i);
      // ASCII letters folded to lower case; field names hold no other character this changes.
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== field.charCodeAt(j)) continue next;
    }
    return field;
  }
  return undefined;
}

/** Space or tab: the whitespace that folds and pads header lines. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** text[from, to) is printable US-ASCII but the colon (RFC 5322 field names), at least one character. */
function isFieldName(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x21 || c > 0x7e || c === 0x3a) return false;
  }
  return true;
}

/** Offset just past the blank line ending the headers (CRLF or LF), or -1. */
export function headerEnd(bytes: Buffer, from = 0): number {
  if (bytes[from] === 10) return from + 1;
  if (bytes[from] === 13 && bytes[from + 1] === 10) return from + 2;
  let i = bytes.indexOf(10, from);
  while (i !== -1) {
    const next = bytes[i + 1];
    if (next === 10) return i + 2;
    if (next === 13 && bytes[i + 2] === 10) return i + 3;
    i = bytes.indexOf(10, i + 1);
  }
  return -1;
}

/** The header as read: its bytes, and the same bytes one character each (Latin-1). */
interface HeaderSource {
  bytes: Buffer;
  text: string;
  ascii: boolean;
}

/**
 * A field's text without its padding: ASCII as it is (non-ASCII text travels as encoded
 * words), else its bytes as UTF-8 (RFC 6532) when valid, else as Windows-1252 as old mailers wrote.
 */
function fieldText({ bytes, text, ascii }: HeaderSource, from: number, to: number): string {
  while (from < to && isBlank(text.charCodeAt(from))) from++;
  while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
  if (ascii) return text.slice(from, to);
  let plain = true;
  for (let i = from; i < to && plain; i++) plain = text.charCodeAt(i) < 0x80;
  if (plain) return text.slice(from, to);
  const part = bytes.subarray(from, to);
  try {
    return utf8.decode(part);
  } catch {
    return decodeCharset(part, 'windows-1252');
  }
}

/**
 * The read header fields of a message (or MIME part), unfolded, and where its body starts (just
 * past the blank line, or -1). The header is made text once, one character per byte, and cut
 * by offsets; lines that are neither fields nor continuations are dropped, and a field
 * repeats at most 256 times.
 */
export function parseHeaders(bytes: Buffer): MailParts {
  const bodyAt = headerEnd(bytes);
  const head = bodyAt === -1 ? bytes : bytes.subarray(0, bodyAt);
  const source: HeaderSource = { bytes, text: head.toString('latin1'), ascii: isAscii(head) };
  const text = source.text;
  const headers: MailHeaders = new Map();
  let name: ReadField | undefined; // the read field being unfolded
  let value = '';
  const flush = (): void => {
    if (name === undefined) return;
    // Padding is already cut; only a value begun by a continuation line can need a trim.
    const list = headers.get(name);
    if (list === undefined) headers.set(name, [value.trim()]);
    else if (list.length < 256) list.push(value.trim());
    name = undefined;
  };
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const cut = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const lineStart = start;
    start = end + 1;
    if (isBlank(text.charCodeAt(lineStart))) {
      if (name !== undefined && value.length < 65536) {
        const more = fieldText(source, lineStart, cut);
        value = value === '' ? more : `${value} ${more}`;
      }
      continue;
    }
    flush();
    // A field name is at most 76 characters: look no further for its colon.
    let colon = -1;
    for (let i = lineStart, limit = Math.min(cut, lineStart + 77); i < limit; i++)
      if (text.charCodeAt(i) === 58) {
        colon = i;
        break;
      }
    if (colon <= lineStart) continue;
    let fieldEnd = colon;
    while (fieldEnd > lineStart && isBlank(text.charCodeAt(fieldEnd - 1))) fieldEnd--;
    if (!isFieldName(text, lineStart, fieldEnd)) continue;
    name = readField(text, lineStart, fieldEnd);
    if (name !== undefined) value = fieldText(source, colon + 1, cut);
  }
  flush();
  return { headers, bodyAt };
}

/** The first value of a header field. */
export function header(parts: MailParts | MailHeaders, name: ReadField): string | undefined {
  const map = parts instanceof Map ? parts : parts.headers;
  return map.get(name)?.[0];
}

export interface ParamsValue {
  type: string;
  params: ReadonlyMap<string, string>;
}

/** Parsed Content-Type / Content-Disposition values: mail repeats the same few very often. */
const paramsCache = new Map<string, ParamsValue>();
const NO_PARAMS: ParamsValue = { type: '', params: new Map() };

/** `type/subtype` in lower case and the parameters (lower-case names, unquoted values). */
export function parseParams(value: string | undefined): ParamsValue {
  if (value === undefined) return NO_PARAMS;
  let parsed = paramsCache.get(value);
  if (parsed === undefined) {
    parsed = readParams(value);
    // Short values only, copied: a key must not keep a whole message's text alive.
    if (paramsCache.size < 1024 && value.length <= 200) paramsCache.set(detach(value), parsed);
  }
  return parsed;
}

function readParams(value: string): ParamsValue {
  const params = new Map<string, string>();
  const semi = value.indexOf(';');
  const type = (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
  const rest = semi === -1 ? '' : value.slice(semi + 1);
  for (const m of rest.matchAll(/([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g)) {
    const key = m[1]!.toLowerCase().replace(/\*$/, '');
    if (params.has(key)) continue;
    let param = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
    // RFC 2231: charset'language'percent-encoded
    if (m[1]!.endsWith('*'))
      param = param
        .replace(/^[^']*'[^']*'/, '')
        .replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    params.set(key, param);
  }
  return { type, params };
}
