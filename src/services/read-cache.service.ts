import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { evaluationsRepository } from '../store/evaluations.repository.js';
import type { AppContext } from './app-context.js';

/**
 * What a cached answer depends on besides the book:
 * - 'book': only stored evaluations, which stay exact until the earliest recheck time (the
 *   People list: a pure function of the stored rows once the due ones are redone);
 * - 'today': also the clock. Today is served within the whole minute its computation began in
 *   (its `now`, strengths and reasons are at most that old), and never past the moment any Today
 *   person's whole days of urgency grow, so who is shown and in what order is exactly what a
 *   fresh request would give.
 */
export type ReadKind = 'book' | 'today';

/** Answers kept at once: the routes' few distinct URLs, plus room for searches and pages. */
export const READ_CACHE_CAPACITY = 256;

/**
 * Larger answers are served but not kept: a whole-book page (limit 0) of a large book runs to
 * tens of MB, and a few of them would hold more memory than every other answer together.
 */
export const READ_CACHE_MAX_ANSWER_BYTES = 1024 * 1024;

const MINUTE_MS = 60_000;

const gzipAsync = promisify(gzip);

/** One answer as sent: JSON in UTF-8, and gzipped on demand. */
export interface CachedAnswer {
  /** UTF-8, encoded once: sending bytes skips encoding and measuring the text on every request. */
  readonly body: Buffer;
  /** The body gzipped, compressed the first time it is asked for and kept with the answer. */
  gzipped(): Promise<Buffer>;
}

interface Entry {
  version: string;
  /** Served from this clock reading (when it was made) up to, not including, `until`. */
  from: number;
  until: number;
  answer: CachedAnswer;
}

function cachedAnswer(body: Buffer): CachedAnswer {
  let gzipped: Promise<Buffer> | undefined;
  return {
    body,
    gzipped: () => {
      gzipped ??= gzipAsync(body);
      return gzipped;
    },
  };
}

/** Serialised answers of read routes, each served again while it is exactly what would be computed. */
export interface ReadCache {
  /**
   * The answer for `key`: the kept one while the book is unchanged (Store.version, any process)
   * and the clock is inside its window (ReadKind), else `produce()`'s, which is then kept.
   */
  read(key: string, kind: ReadKind, produce: () => Promise<string>): Promise<CachedAnswer>;
}

/** A read cache over `ctx`'s book and clock, holding at most `capacity` answers (least recently used go). */
export function createReadCache(ctx: AppContext, capacity = READ_CACHE_CAPACITY): ReadCache {
  const entries = new Map<string, Entry>();
  // Requests arriving while an answer is being made wait for it rather than each making it.
  const pending = new Map<string, Promise<Entry>>();

  const usable = (entry: Entry | undefined, version: string, now: number): entry is Entry =>
    entry !== undefined && entry.version === version && now >= entry.from && now < entry.until;

  async function make(kind: ReadKind, version: string, produce: () => Promise<string>): Promise<Entry> {
    // The version is read before the answer is made: a write landing meanwhile leaves the kept
    // answer under the older version, so the next request makes it again.
    const started = ctx.clock();
    const body = Buffer.from(await produce());
    const db = ctx.store.db;
    const [recheckAt, nextDay] = await Promise.all([
      evaluationsRepository.earliestRecheck(db),
      kind === 'today' ? evaluationsRepository.nextUrgencyDay(db, started) : null,
    ]);
    let until = recheckAt ?? Number.POSITIVE_INFINITY;
    if (kind === 'today') {
      until = Math.min(until, Math.floor(started / MINUTE_MS) * MINUTE_MS + MINUTE_MS);
      if (nextDay !== null) until = Math.min(until, nextDay);
    }
    return { version, from: ctx.clock(), until, answer: cachedAnswer(body) };
  }

  function keep(key: string, entry: Entry): void {
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > capacity) entries.delete(entries.keys().next().value!);
  }

  return {
    async read(key, kind, produce) {
      const version = await ctx.store.version();
      const kept = entries.get(key);
      if (usable(kept, version, ctx.clock())) {
        keep(key, kept);
        return kept.answer;
      }
      const waiting = pending.get(key);
      if (waiting) {
        const entry = await waiting.catch(() => undefined);
        if (usable(entry, version, ctx.clock())) return entry.answer;
      }
      const making = make(kind, version, produce);
      pending.set(key, making);
      try {
        const entry = await making;
        if (entry.answer.body.length <= READ_CACHE_MAX_ANSWER_BYTES) keep(key, entry);
        return entry.answer;
      } finally {
        if (pending.get(key) === making) pending.delete(key);
      }
    },
  };
}
