import { DAY_MS } from './duration.js';
import { isStopword } from './stopwords.js';

/** A piece of text and when it was written (ms). */
export interface TextSample {
  text: string;
  at: number;
}

export interface KeywordOptions {
  /** The moment recency is measured from (ms). */
  now: number;
  /** At most this many keywords. */
  max: number;
  /** Names never to return (the person's and the owner's): each is split into words. */
  exclude?: readonly string[];
  /** A sample this old counts half as much as one written at `now`. */
  halfLifeDays?: number;
}

/** Recent threads matter most, but a month-old topic is still worth recalling before a meeting. */
export const KEYWORD_HALF_LIFE_DAYS = 30;

// Links, addresses and handles are not topics. Each whitespace-separated chunk holding one is
// replaced whole by a mark, which also breaks word pairs across it.
const LINK_START = /^\W*(?:www\.|javascript:|vbscript:|mailto:)/i;
const DOMAIN = /^\W*(?:[\p{L}\p{N}-]+\.)+(?:com|org|net|io|ai|co|de|fr|es|nl|uk|eu|dev|app)(?:\W|$)/iu;
const NOT_A_WORD_MARK = '|';

function isLinkOrAddress(chunk: string): boolean {
  return (
    chunk.includes('@') ||
    chunk.includes('://') ||
    LINK_START.test(chunk) ||
    (chunk.includes('.') && DOMAIN.test(chunk))
  );
}

// Letters and digits, joined by inner hyphens and apostrophes: "Series-A", "Q3", "O'Neil".
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu;
const WHITESPACE = /\s/u;
const NUMBER_LIKE = /^[\p{N}'’-]+$/u;
// Times, ordinals and amounts ("10am", "2nd", "5k") are numbers too.
const NUMBER_WITH_UNIT = /^\p{N}+(?:am|pm|h|min|st|nd|rd|th|k|x)$/iu;
const HAS_LETTER = /\p{L}/u;
const POSSESSIVE = /^(.{2,})['’]s$/su;
// French elision: "l'équipe" is about "équipe".
const ELISION = /^(?:l|d|j|c|m|n|s|t|qu)['’](.{3,})$/isu;
/** Longer runs are hashes, ids or pasted garbage, not words. */
const MAX_WORD_LENGTH = 30;
/** A pair of words must come up this often to be a phrase ("machine learning"). */
const MIN_PAIR_COUNT = 2;

interface Word {
  key: string;
  surface: string;
  /** Only whitespace separates it from the previous kept word. */
  followsWord: boolean;
}

interface Tally {
  key: string;
  score: number;
  count: number;
  surfaces: Map<string, number>;
  phrase: boolean;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the range is "anything beyond ASCII"
const NON_ASCII = /[^\u0000-\u007f]/;

/** The comparable form of a word: lower case, one apostrophe, composed accents. */
function keyOf(surface: string): string {
  // Only text beyond ASCII can need composing or hold a typographic apostrophe.
  if (!NON_ASCII.test(surface)) return surface.toLowerCase();
  return surface.normalize('NFC').toLowerCase().replace(/’/g, "'");
}

/** The word a token stands for, or null when it is no topic (stopword, number, name, noise). */
function wordOf(token: string, excluded: ReadonlySet<string>): { key: string; surface: string } | null {
  let surface = token;
  if (surface.includes("'") || surface.includes('’')) {
    surface = POSSESSIVE.exec(surface)?.[1] ?? surface;
    surface = ELISION.exec(surface)?.[1] ?? surface;
  }
  const key = keyOf(surface);
  if (key.length < 2 || (key.length === 2 && [...key].length < 2) || surface.length > MAX_WORD_LENGTH)
    return null;
  if (NUMBER_LIKE.test(key) || NUMBER_WITH_UNIT.test(key) || !HAS_LETTER.test(key)) return null;
  if (isStopword(key) || excluded.has(key)) return null;
  return { key, surface };
}

/** True when only whitespace lies between `from` and `to` (a non-empty gap). */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) if (!WHITESPACE.test(text[i]!)) return false;
  return true;
}

/** The topic words of one text in order, each marked when it directly follows the previous one. */
function wordsOf(text: string, excluded: ReadonlySet<string>): Word[] {
  const cleaned = text.replace(/\S+/g, (chunk) => (isLinkOrAddress(chunk) ? NOT_A_WORD_MARK : chunk));
  const words: Word[] = [];
  let previousEnd = -1;
  let previousKept = false;
  for (const match of cleaned.matchAll(TOKEN)) {
    const start = match.index;
    const word = wordOf(match[0], excluded);
    if (word) {
      const followsWord = previousKept && onlySpaceBetween(cleaned, previousEnd, start);
      words.push({ key: word.key, surface: word.surface, followsWord });
    }
    previousKept = word !== null;
    previousEnd = start + match[0].length;
  }
  return words;
}

function namesToExclude(names: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names) {
    for (const match of name.matchAll(TOKEN)) {
      keys.add(keyOf(match[0]));
      for (const part of match[0].split(/['’-]/)) keys.add(keyOf(part));
    }
  }
  return keys;
}

function add(tallies: Map<string, Tally>, key: string, surface: string, weight: number, phrase: boolean) {
  const tally = tallies.get(key) ?? { key, score: 0, count: 0, surfaces: new Map(), phrase };
  tally.score += weight;
  tally.count += 1;
  tally.surfaces.set(surface, (tally.surfaces.get(surface) ?? 0) + 1);
  tallies.set(key, tally);
}

const capitals = (text: string) => text.replace(/[^\p{Lu}]/gu, '').length;

/**
 * The spelling used most. On a tie the one with fewer capitals ("pilot" over a sentence's
 * "Pilot"), then the first in code-unit order, so the result never depends on input order.
 */
function spelling(tally: Tally): string {
  let best = '';
  let bestCount = 0;
  for (const [surface, count] of tally.surfaces) {
    const tie = count === bestCount;
    if (
      count > bestCount ||
      (tie && capitals(surface) < capitals(best)) ||
      (tie && capitals(surface) === capitals(best) && surface < best)
    ) {
      best = surface;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The topics of a few texts: single words and repeated word pairs, ranked by how often they
 * occur weighted by how recent each text is (a text `halfLifeDays` old counts half). Stopwords
 * in English, German, French and Spanish, chat filler, links, e-mail addresses, handles, numbers
 * and the excluded names never come out; every keyword is spelled as in the input. At most
 * `max` keywords, best first; deterministic for the same input; never throws.
 */
export function topKeywords(samples: readonly TextSample[], options: KeywordOptions): string[] {
  const max = Math.floor(options.max);
  if (!(max > 0)) return [];
  const halfLife = (options.halfLifeDays ?? KEYWORD_HALF_LIFE_DAYS) * DAY_MS;
  const excluded = namesToExclude(options.exclude ?? []);
  // Summing in one fixed order keeps scores, and so ties, independent of the input order.
  const ordered = [...samples].sort(
    (a, b) => a.at - b.at || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  );
  const singles = new Map<string, Tally>();
  const pairs = new Map<string, Tally>();
  for (const sample of ordered) {
    const age = Math.max(0, options.now - sample.at);
    const weight = halfLife > 0 ? 2 ** (-age / halfLife) : 1;
    const words = wordsOf(sample.text, excluded);
    words.forEach((word, i) => {
      add(singles, word.key, word.surface, weight, false);
      const previous = words[i - 1];
      if (previous && word.followsWord && previous.key !== word.key) {
        add(pairs, `${previous.key} ${word.key}`, `${previous.surface} ${word.surface}`, weight, true);
      }
    });
  }
  const phrases = [...pairs.values()].filter((p) => p.count >= MIN_PAIR_COUNT);
  // A word inside a phrase is already said by the phrase; only its other occurrences still count.
  for (const phrase of phrases) {
    for (const key of phrase.key.split(' ')) {
      const single = singles.get(key);
      if (!single) continue;
      single.score -= phrase.score;
      single.count -= phrase.count;
    }
  }
  const candidates = [...phrases, ...[...singles.values()].filter((s) => s.count > 0 && s.score > 1e-9)];
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      b.count - a.count ||
      Number(b.phrase) - Number(a.phrase) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return candidates.slice(0, max).map(spelling);
}
