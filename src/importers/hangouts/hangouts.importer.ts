import { type SniffingImporter, sniffedEntryBatches, someEntryLooksLike } from '../entry-head.js';
import { type JsonPath, obj, readJsonBatches } from '../json-reader.js';
import { oneByOne } from '../one-by-one.js';
import type { ExportSource, ImportRecord, SourceEntry } from '../types.js';
import { gaiaId, type HangoutsConversation, hangoutsRecord, readConversation } from './hangouts-event.js';

/** Events held while the owner is not yet known (every real dump states it in the first conversation). */
const OWNER_HOLD = 5000;

/** True when a file's first bytes are a Takeout Hangouts.json (new or old dump). */
export function sniffHangouts(head: Buffer): boolean {
  const text = head
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimStart();
  return (
    text.startsWith('{') &&
    (text.includes('"conversations"') || text.includes('"conversation_state"')) &&
    (text.includes('"conversation_id"') ||
      text.includes('"participant_data"') ||
      text.includes('"self_conversation_state"'))
  );
}

/** Where a path points: conversation metadata, an event, or neither (new and old dump layouts). */
function roleOf(path: JsonPath): 'conversation' | 'event' | undefined {
  if (path[0] === 'conversations') {
    if (path.length === 3 && path[2] === 'conversation') return 'conversation';
    if (path.length === 4 && path[2] === 'events') return 'event';
  } else if (path[0] === 'conversation_state' && path[2] === 'conversation_state') {
    if (path.length === 4 && path[3] === 'conversation') return 'conversation';
    if (path.length === 5 && path[3] === 'event') return 'event';
  }
  return undefined;
}

/**
 * The owner, in order: the conversation's `self_read_state` participant, an event's
 * `self_event_state.user_id`; in a dump stating neither, the one participant in every
 * conversation seen. Held events wait for it.
 */
class HangoutsOwner {
  key: string | undefined;
  private named = false;
  private common: Set<string> | undefined;
  held: { event: Record<string, unknown>; conv: HangoutsConversation }[] = [];

  /** Learns the owner; pushes an owner record when new (or when its name becomes known). */
  learn(key: string | undefined, conv: HangoutsConversation, file: string, out: ImportRecord[]): void {
    if (key === undefined || (this.key !== undefined && this.key !== key)) return;
    const name = conv.people.get(key)?.displayName;
    if (this.key === key && (this.named || name === undefined)) return;
    this.key = key;
    this.named = name !== undefined;
    out.push({
      type: 'owner',
      file,
      identities: [{ network: 'google', key, displayName: name }],
      person: { displayName: name ?? key },
    });
  }

  see(conv: HangoutsConversation): void {
    const keys = new Set(conv.people.keys());
    this.common = this.common === undefined ? keys : new Set([...this.common].filter((k) => keys.has(k)));
  }

  /** The fallback: the one participant common to every conversation. */
  fallback(): string | undefined {
    return this.common?.size === 1 ? [...this.common][0] : undefined;
  }
}

async function* readHangoutsFile(entry: SourceEntry): AsyncGenerator<ImportRecord[]> {
  const file = entry.path;
  const owner = new HangoutsOwner();
  let conv: HangoutsConversation = { id: '', group: false, people: new Map(), self: undefined };
  let convIndex: unknown;
  const release = (out: ImportRecord[]): void => {
    for (const h of owner.held) out.push(hangoutsRecord(h.event, h.conv, owner.key, file));
    owner.held = [];
  };
  yield* readJsonBatches(entry, {
    file,
    pick: (path) => roleOf(path) !== undefined,
    value: (path, value, out) => {
      if (path[1] !== convIndex) {
        convIndex = path[1];
        conv = { id: '', group: false, people: new Map(), self: undefined };
      }
      if (roleOf(path) === 'conversation') {
        conv = readConversation(value);
        owner.see(conv);
        owner.learn(conv.self, conv, file, out);
        if (owner.key !== undefined) release(out);
        return undefined;
      }
      const event = obj(value);
      if (event === undefined) {
        out.push({ type: 'rejected', file, reason: `not an event object at ${path.join('.')}` });
        return undefined;
      }
      owner.learn(gaiaId(obj(event.self_event_state)?.user_id), conv, file, out);
      if (owner.key !== undefined) {
        release(out);
        out.push(hangoutsRecord(event, conv, owner.key, file));
      } else {
        owner.held.push({ event, conv });
        if (owner.held.length >= OWNER_HOLD) {
          owner.learn(owner.fallback(), conv, file, out);
          release(out);
        }
      }
      return undefined;
    },
  });
  if (owner.held.length > 0) {
    const out: ImportRecord[] = [];
    owner.learn(owner.fallback(), conv, file, out);
    release(out);
    yield out;
  }
}

/** Reads Google Takeout's Hangouts.json (recognised by its first bytes), one conversation and event at a time. */
async function* hangoutsBatches(source: ExportSource): AsyncGenerator<ImportRecord[]> {
  yield* sniffedEntryBatches(source, sniffHangouts, 'not a Hangouts.json', readHangoutsFile);
}

/** Google Takeout's Hangouts.json, current and old layouts. */
export const hangoutsImporter: SniffingImporter = {
  source: 'hangouts',
  displayName: 'Google Hangouts',
  recognisedFiles: ['Hangouts.json'],
  detect(source: ExportSource): boolean {
    return source.entries.some((entry) => /(^|\/)hangouts\.json$/i.test(entry.path));
  },
  sniff(source: ExportSource): Promise<boolean> {
    return someEntryLooksLike(source, sniffHangouts);
  },
  parse: oneByOne(hangoutsBatches),
  parseBatches: hangoutsBatches,
};
