import { plainText } from '../plain-text.js';

/** A call notice's state and length: `<partlist type="ended"><part><duration>125</duration>…`. */
export interface SkypeCall {
  state: string;
  /** The longest part's duration, in seconds; undefined when none is stated. */
  seconds: number | undefined;
}

/** Reads an Event/Call message's `<partlist>`; undefined when there is none. */
export function parseCall(content: string): SkypeCall | undefined {
  const list = /<partlist\b([^>]*)>/i.exec(content);
  if (!list) return undefined;
  const state = /\btype\s*=\s*"([^"]*)"/i.exec(list[1]!)?.[1]?.toLowerCase() ?? '';
  let seconds: number | undefined;
  for (const m of content.matchAll(/<duration>\s*([\d.]+)\s*<\/duration>/gi)) {
    const n = Number(m[1]);
    if (Number.isFinite(n) && n >= 0) seconds = Math.max(seconds ?? 0, n);
  }
  return { state, seconds };
}

/**
 * A chat message's own words: quoted earlier messages (`<quote>…</quote>`) and edit markers
 * (`<e_m …/>`) left out, the rest reduced from Skype's HTML-ish markup to plain text.
 */
export function messageText(content: string): { words: number; snippet: string } {
  const own = content
    .replace(/<quote\b[\s\S]*?<\/quote>/gi, ' ')
    .replace(/<e_m\b[^>]*>(?:[\s\S]*?<\/e_m>)?/gi, ' ')
    .replace(/<legacyquote\b[\s\S]*?<\/legacyquote>/gi, ' ');
  return plainText(own);
}
