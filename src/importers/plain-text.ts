/**
 * Message text as plain words: HTML reduced to text, entities decoded, whitespace collapsed.
 * Input is untrusted; output is plain text that must still be escaped wherever it is shown.
 */

export const SNIPPET_CHARS = 200;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
};

function codePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff)
    ? String.fromCodePoint(n)
    : '\uFFFD';
}

/** Decodes HTML character references (`&amp;`, `&#39;`, `&#x2019;`); unknown ones stay as they are. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 35) {
      const hex = ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88;
      return codePoint(Number.parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10));
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const DROPPED_ELEMENTS = /<(script|style|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK_TAGS = /<\/?(?:br|p|div|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|pre|hr)\b[^>]*>/gi;
const ANY_TAG = /<\/?[a-zA-Z][^>]*>|<!--[\s\S]*?-->/g;

/** HTML (or plain text) to plain text: tags removed (blocks become spaces), entities decoded. */
export function htmlToText(content: string): string {
  let text = content;
  if (text.indexOf('<') !== -1) {
    text = text.replace(DROPPED_ELEMENTS, ' ').replace(BLOCK_TAGS, ' ').replace(ANY_TAG, '');
  }
  return decodeEntities(text);
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    (c >= 0x80 &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}

export interface PlainText {
  /** Words in the whole text. */
  words: number;
  /** The text with whitespace collapsed, cut to SNIPPET_CHARS. */
  snippet: string;
}

/** C0/C1 control characters other than whitespace: dropped from snippets (no terminal escapes). */
function isControl(c: number): boolean {
  return c < 32 || (c >= 127 && c < 0xa0);
}

/** Counts words and makes the snippet in one pass; rebuilds the text only when it needs tidying. */
export function plainText(content: string): PlainText {
  const text = content.indexOf('<') !== -1 || content.indexOf('&') !== -1 ? htmlToText(content) : content;
  let words = 0;
  let inWord = false;
  let tidy = true; // no leading, trailing, repeated or non-' ' whitespace, no control characters
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 127) {
      if (!inWord) {
        words++;
        inWord = true;
      }
    } else if (isSpace(c)) {
      if (c !== 32 || !inWord) tidy = false;
      inWord = false;
    } else if (isControl(c)) {
      tidy = false;
    } else if (!inWord) {
      words++;
      inWord = true;
    }
  }
  if (len > 0 && !inWord) tidy = false;
  let snippet = tidy ? text : collapse(text);
  if (snippet.length > SNIPPET_CHARS) {
    let cut = SNIPPET_CHARS;
    const last = snippet.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut--;
    snippet = snippet.slice(0, cut);
  }
  return { words, snippet };
}

/**
 * Whitespace runs to one space, control characters dropped, trimmed; stops past the snippet
 * length. The kept runs are joined once at the end: appended one by one with `+=`, they made a
 * tree of pieces that the first reader of the snippet had to walk and copy (packing a batch for
 * the import thread), which cost more than this whole scan.
 */
function collapse(text: string): string {
  const pieces: string[] = [];
  let length = 0;
  let segment = -1; // start of the current run of kept characters
  let space = false; // a space is owed before the next kept character
  for (let i = 0; i < text.length && length <= SNIPPET_CHARS; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII, most of any text, is kept: only the start of a run needs work.
    const blank = c > 32 && c < 127 ? false : isSpace(c);
    if (blank || (c < 33 || c > 126 ? isControl(c) : false)) {
      if (segment !== -1) {
        pieces.push(text.slice(segment, i));
        length += i - segment;
        segment = -1;
      }
      if (blank && length > 0) space = true;
      continue;
    }
    if (segment === -1) {
      if (space) {
        pieces.push(' ');
        length++;
      }
      space = false;
      segment = i;
    }
  }
  if (segment !== -1) pieces.push(text.slice(segment, Math.min(text.length, segment + SNIPPET_CHARS + 1)));
  return pieces.join('');
}
