import { isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { detach } from '../identity-keys.js';
import { decodeCharset } from './encoded-words.js';

/** A message's header fields by lower-case name (values unfolded, not yet decoded), and its body. */
export interface MailParts {
  headers: Map<string, string[]>;
  /** Offset of the body in the message bytes, or -1 when there is no blank line after the headers. */
  bodyAt: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Header bytes as text: UTF-8 (RFC 6532) when valid, else Windows-1252 as old mailers wrote. */
function headerText(bytes: Buffer): string {
  // Most header blocks are plain ASCII (non-ASCII text travels as encoded words): read as
  // Latin-1 they give the same text, and much faster than the validating decoder.
  if (isAscii(bytes)) return bytes.toString('latin1');
  try {
    return utf8.decode(bytes);
  } catch {
    return decodeCharset(bytes, 'windows-1252');
  }
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

/** Space or tab: the whitespace that folds and pads header lines. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Splits unfolded header text into fields; lines that are neither fields nor continuations are
 * dropped. Works on offsets into the text: each field costs its name and its value, no more.
 */
export function parseHeaderText(text: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  let name: string | undefined;
  let value = '';
  const flush = (): void => {
    if (name === undefined) return;
    // Values are cut without their padding; only a value begun by a continuation needs trimming.
    const list = headers.get(name);
    if (list === undefined) headers.set(name, [value.trim()]);
    else if (list.length < 256) list.push(value.trim());
    name = undefined;
  };
  // Line by line as split('\n') would cut them, without building the lines.
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const cut = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const lineStart = start;
    start = end + 1;
    if (isBlank(text.charCodeAt(lineStart))) {
      if (name !== undefined && value.length < 65536) value += ` ${text.slice(lineStart, cut).trim()}`;
      continue;
    }
    flush();
    // A field name is at most 76 characters: look no further (a line without a colon must not
    // send the search on through the rest of a large header).
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
    name = text.slice(lineStart, fieldEnd).toLowerCase();
    let from = colon + 1;
    while (from < cut && isBlank(text.charCodeAt(from))) from++;
    let to = cut;
    while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
    value = text.slice(from, to);
  }
  flush();
  return headers;
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

/** The header fields of a message (or MIME part) and where its body starts. */
export function parseHeaders(bytes: Buffer): MailParts {
  const end = headerEnd(bytes);
  const text = headerText(end === -1 ? bytes : bytes.subarray(0, end));
  return { headers: parseHeaderText(text), bodyAt: end };
}

/** The first value of a header field. */
export function header(parts: MailParts | Map<string, string[]>, name: string): string | undefined {
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
