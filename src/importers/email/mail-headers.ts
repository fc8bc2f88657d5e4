import { TextDecoder } from 'node:util';
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

/** Splits unfolded header text into fields; lines that are neither fields nor continuations are dropped. */
export function parseHeaderText(text: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  let name: string | undefined;
  let value = '';
  const flush = (): void => {
    if (name === undefined) return;
    const list = headers.get(name);
    if (list === undefined) headers.set(name, [value.trim()]);
    else if (list.length < 256) list.push(value.trim());
    name = undefined;
  };
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const first = line.charCodeAt(0);
    if (first === 32 || first === 9) {
      if (name !== undefined && value.length < 65536) value += ` ${line.trim()}`;
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > 76 || !/^[\x21-\x39\x3b-\x7e]+$/.test(line.slice(0, colon).trimEnd())) continue;
    name = line.slice(0, colon).trimEnd().toLowerCase();
    value = line.slice(colon + 1);
  }
  flush();
  return headers;
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

/** `type/subtype` in lower case and the parameters (lower-case names, unquoted values). */
export function parseParams(value: string | undefined): { type: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  if (value === undefined) return { type: '', params };
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
