import { type SniffingImporter, sniffedEntryBatches, someEntryLooksLike } from '../entry-head.js';
import { type JsonPath, obj, readJsonBatches, str } from '../json-reader.js';
import { oneByOne } from '../one-by-one.js';
import type { ExportSource, ImportRecord, OwnerRecord, SourceEntry } from '../types.js';
import { type SkypeConversation, skypeRecord, threadMembers } from './skype-message.js';
import { isGroupThread, skypeKey } from './skype-people.js';

/** Messages held while the owner (userId) is not yet known; real exports state it first. */
const OWNER_HOLD = 5000;

/** True when a file's first bytes are a Skype export's messages.json. */
export function sniffSkype(head: Buffer): boolean {
  const text = head
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .trimStart();
  return (
    text.startsWith('{') &&
    text.includes('"conversations"') &&
    (text.includes('"userId"') || text.includes('"MessageList"'))
  );
}

const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/**
 * By name only (detect cannot read): a `messages.json` whose folder holds no other JSON but
 * Skype's `endpoints.json`; Instagram's pre-2020 export also has a messages.json, beside
 * profile.json, likes.json and others.
 */
function isSkypeName(path: string, entries: readonly SourceEntry[]): boolean {
  if (!/(^|\/)messages\.json$/i.test(path)) return false;
  const folder = folderOf(path);
  return !entries.some(
    (e) =>
      folderOf(e.path) === folder &&
      /\.json$/i.test(e.path) &&
      !/(^|\/)(messages|endpoints)\.json$/i.test(e.path),
  );
}

/** Owner of a file without userId: the sender other than the partner in one-to-one conversations, if one stands out. */
function guessOwner(
  held: readonly { msg: Record<string, unknown>; conv: SkypeConversation }[],
): string | undefined {
  const votes = new Map<string, number>();
  for (const { msg, conv } of held) {
    const from = skypeKey(str(msg.from) ?? '');
    if (from === '' || isGroupThread(conv.id) || from === skypeKey(conv.id)) continue;
    votes.set(from, (votes.get(from) ?? 0) + 1);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  return ranked[0] !== undefined && (ranked[1] === undefined || ranked[1][1] < ranked[0][1])
    ? ranked[0][0]
    : undefined;
}

/** Streams one messages.json: userId, then each conversation's MessageList one message at a time. */
async function* readSkypeFile(entry: SourceEntry): AsyncGenerator<ImportRecord[]> {
  const file = entry.path;
  let owner: string | undefined;
  let settled = false;
  let named = false;
  let held: { msg: Record<string, unknown>; conv: SkypeConversation }[] = [];
  let conv: SkypeConversation = { id: '', displayName: undefined, members: [], senders: new Map() };
  let convIndex = -1;
  const ownerRecord = (name: string | undefined): OwnerRecord => ({
    type: 'owner',
    file,
    identities: [{ network: 'skype', key: owner!, handle: owner, displayName: name }],
    person: { displayName: name ?? owner! },
  });
  const emit = (msg: Record<string, unknown>, c: SkypeConversation, out: ImportRecord[]): void => {
    const name = str(msg.displayName)?.trim();
    if (!named && owner !== undefined && name && skypeKey(str(msg.from) ?? '') === owner) {
      named = true;
      out.push(ownerRecord(name));
    }
    out.push(skypeRecord(msg, c, owner, file));
  };
  const settle = (out: ImportRecord[]): void => {
    settled = true;
    owner ??= guessOwner(held);
    if (owner !== undefined) out.push(ownerRecord(undefined));
    for (const h of held) emit(h.msg, h.conv, out);
    held = [];
  };
  yield* readJsonBatches(entry, {
    file,
    pick: (path: JsonPath) =>
      (path.length === 1 && path[0] === 'userId') ||
      (path[0] === 'conversations' &&
        ((path.length === 3 &&
          (path[2] === 'id' || path[2] === 'displayName' || path[2] === 'threadProperties')) ||
          (path.length === 4 && path[2] === 'MessageList'))),
    value: (path, value, out) => {
      if (path.length === 1) {
        const id = skypeKey(str(value) ?? '');
        if (!settled && id !== '') {
          owner = id;
          settle(out);
        }
        return undefined;
      }
      if (path[1] !== convIndex) {
        convIndex = path[1] as number;
        conv = { id: '', displayName: undefined, members: [], senders: new Map() };
      }
      if (path[2] === 'id') conv.id = str(value) ?? '';
      else if (path[2] === 'displayName') conv.displayName = str(value);
      else if (path[2] === 'threadProperties') conv.members = threadMembers(value);
      else {
        const msg = obj(value);
        if (msg === undefined) {
          out.push({
            type: 'rejected',
            file,
            reason: `not a message object at conversations[${path[1]}].MessageList[${path[3]}]`,
          });
          return undefined;
        }
        if (conv.id === '') conv.id = str(msg.conversationid) ?? '';
        if (settled) emit(msg, conv, out);
        else {
          held.push({ msg, conv });
          if (held.length >= OWNER_HOLD) settle(out);
        }
      }
      return undefined;
    },
  });
  if (!settled) {
    const out: ImportRecord[] = [];
    settle(out);
    if (out.length > 0) yield out;
  }
}

/**
 * Reads a Skype export's messages.json (recognised by its first bytes, streamed whatever its
 * size). The owner is `userId`; one-to-one chats are `8:…` conversations, groups `19:…` threads.
 */
async function* skypeBatches(source: ExportSource): AsyncGenerator<ImportRecord[]> {
  yield* sniffedEntryBatches(source, sniffSkype, 'not a Skype messages.json', readSkypeFile);
}

/** Skype's export messages.json. */
export const skypeImporter: SniffingImporter = {
  source: 'skype',
  displayName: 'Skype',
  recognisedFiles: ['messages.json'],
  detect(source: ExportSource): boolean {
    return source.entries.some((entry) => isSkypeName(entry.path, source.entries));
  },
  sniff(source: ExportSource): Promise<boolean> {
    return someEntryLooksLike(source, sniffSkype);
  },
  parse: oneByOne(skypeBatches),
  parseBatches: skypeBatches,
};
