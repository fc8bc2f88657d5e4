import { arr, obj, pathLabel, readJsonBatches, str } from '../json-reader.js';
import { plainText } from '../plain-text.js';
import { stableId } from '../stable-id.js';
import type { ImportRecord, InteractionRecord, SourceEntry } from '../types.js';
import { type GroupConversation, groupMembers } from './group-members.js';
import { parseIsoDate } from './twitter-dates.js';
import { numericId, type TwitterPeople } from './twitter-people.js';

const NO_OWNER =
  'Rapport cannot tell which side of these messages is you: account.js (or manifest.js) is missing from the archive';

interface Conversation {
  index: number;
  id: string | undefined;
  /** Group conversations: everyone ever in it. */
  group: GroupConversation | undefined;
}

/** The other id of a one-to-one conversation id `<id>-<id>`. */
function otherSide(conversationId: string | undefined, id: string | undefined): string | undefined {
  const parts = conversationId?.split('-');
  if (parts?.length !== 2) return undefined;
  return numericId(parts[0] === id ? parts[1] : parts[1] === id ? parts[0] : undefined);
}

/**
 * direct-messages.js (one-to-one) or direct-messages-group.js → messages, and the reactions
 * inside them. `messageCreate` events only; joins, leaves and renames are not touches. A
 * message is 'out' when the owner sent it. Group messages include everyone else ever in the
 * conversation (read in a first pass). A reaction is a touch only between the reactor and the
 * message's sender when one of them is the owner.
 */
export async function* parseDirectMessages(
  entry: SourceEntry,
  people: TwitterPeople,
  isGroup: boolean,
): AsyncGenerator<ImportRecord[]> {
  const file = entry.path;
  if (people.ownerId === undefined) {
    yield [{ type: 'rejected', file, reason: NO_OWNER }];
    return;
  }
  const groups = isGroup ? await groupMembers(entry) : undefined;
  let current: Conversation = { index: -1, id: undefined, group: undefined };

  const message = (path: readonly (string | number)[], event: unknown, out: ImportRecord[]): void => {
    const create = obj(obj(event)?.messageCreate);
    if (create === undefined) return;
    const sender = numericId(create.senderId);
    const at = parseIsoDate(create.createdAt);
    if (sender === undefined || at === undefined) {
      const what = sender === undefined ? 'no senderId' : 'unreadable createdAt';
      out.push({ type: 'rejected', file, reason: `${pathLabel(path)}: ${what}` });
      return;
    }
    const outgoing = people.isOwner(sender);
    let others: string[];
    if (current.group !== undefined) {
      others = [...new Set([sender, ...current.group.members])].filter((id) => !people.isOwner(id));
    } else {
      const recipient = numericId(create.recipientId) ?? otherSide(current.id, sender);
      if (!outgoing && recipient !== undefined && !people.isOwner(recipient)) {
        out.push({
          type: 'rejected',
          file,
          reason: `${pathLabel(path)}: neither the sender nor the recipient is you`,
        });
        return;
      }
      others = outgoing ? (recipient === undefined ? [] : [recipient]) : [sender];
    }
    if (others.length === 0) {
      out.push({ type: 'rejected', file, reason: `${pathLabel(path)}: no one but you in this conversation` });
      return;
    }
    const id = str(create.id);
    const text = str(create.text) ?? '';
    const { words, snippet } = plainText(text);
    // Written out in full rather than spread from shared fields: a million of these are made,
    // and literals of one shape are much cheaper to make and to read.
    const audience = isGroup ? 'group' : 'one_to_one';
    out.push({
      type: 'interaction',
      file,
      network: 'twitter',
      audience,
      threadId: current.id,
      externalId: id ? stableId('twdm', id) : stableId('twdm', current.id ?? '', sender, String(at), text),
      at,
      channel: 'message',
      direction: outgoing ? 'out' : 'in',
      length: words,
      snippet: snippet === '' ? undefined : snippet,
      participants: others.map((other) => people.ref(other)),
    });
    for (const raw of arr(create.reactions)) {
      const reaction = obj(raw);
      const reactor = numericId(reaction?.senderId);
      if (reactor === undefined || people.isOwner(reactor) === outgoing) continue;
      const record: InteractionRecord = {
        type: 'interaction',
        file,
        network: 'twitter',
        audience,
        threadId: current.id,
        externalId: stableId('twdmr', id ?? `${sender}:${at}`, reactor),
        at: parseIsoDate(reaction?.createdAt) ?? at,
        channel: 'reaction',
        direction: outgoing ? 'in' : 'out',
        length: null,
        snippet: plainText(str(reaction?.reactionKey) ?? '').snippet || undefined,
        participants: [people.ref(outgoing ? reactor : sender)],
      };
      out.push(record);
    }
  };

  yield* readJsonBatches(entry, {
    file,
    assignment: true,
    pick: (p) =>
      p[1] === 'dmConversation' &&
      ((p.length === 3 && p[2] === 'conversationId') || (p.length === 4 && p[2] === 'messages')),
    value(path, value, out) {
      const index = path[0] as number;
      if (index !== current.index) {
        const group = groups?.get(index);
        current = {
          index,
          id: group?.id,
          group: isGroup ? (group ?? { id: undefined, members: new Set() }) : undefined,
        };
      }
      if (path.length === 3) current.id = str(value);
      else message(path, value, out);
      return undefined;
    },
  });
}
