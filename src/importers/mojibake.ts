/**
 * Meta's exports (Facebook, Instagram) write every string as its UTF-8 bytes, each byte as
 * one `\u00XX` character: "é" arrives as "Ã©". These helpers undo that, and only that.
 */
import { TextDecoder } from 'node:util';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text `s` was meant to be: when every code unit is ≤ 0xFF and, read as bytes, they are
 * valid UTF-8, the decoded text; otherwise `s` unchanged (ASCII, real Latin-1, already fixed).
 */
export function fixMojibake(s: string): string {
  let high = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return s;
    if (c > 0x7f) high = true;
  }
  if (!high) return s;
  try {
    return strictUtf8.decode(Buffer.from(s, 'latin1'));
  } catch {
    return s;
  }
}

/** A deep copy of a parsed JSON value with every string (keys included) passed through fixMojibake. */
export function fixMojibakeDeep(value: unknown): unknown {
  if (typeof value === 'string') return fixMojibake(value);
  if (Array.isArray(value)) return value.map(fixMojibakeDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, item] of Object.entries(value)) out[fixMojibake(key)] = fixMojibakeDeep(item);
    return out;
  }
  return value;
}
