import { arr, readJsonBatches, str } from '../json-reader.js';
import type { SourceEntry } from '../types.js';
import { numericId } from './twitter-people.js';

/** Fields of group events that name members: senders, joiners, the snapshot at joining, leavers. */
const MEMBER_FIELDS = new Set(['senderId', 'initiatingUserId', 'participantsSnapshot', 'userIds']);

export interface GroupConversation {
  id: string | undefined;
  members: Set<string>;
}

/**
 * A first pass over direct-messages-group.js: everyone who was ever in each conversation
 * (by its index in the file), from senders, `joinConversation.participantsSnapshot`,
 * `participantsJoin`/`participantsLeave.userIds` and initiators. Messages come newest first
 * and the joins last, so members must be known before any message is read. Only ids are
 * kept, never text: memory grows with the number of members, not messages.
 */
export async function groupMembers(entry: SourceEntry): Promise<Map<number, GroupConversation>> {
  const groups = new Map<number, GroupConversation>();
  const group = (index: number): GroupConversation => {
    let found = groups.get(index);
    if (found === undefined) {
      found = { id: undefined, members: new Set() };
      groups.set(index, found);
    }
    return found;
  };
  const records = readJsonBatches(entry, {
    file: entry.path,
    assignment: true,
    pick: (p) =>
      p[1] === 'dmConversation' &&
      ((p.length === 3 && p[2] === 'conversationId') ||
        (p.length === 6 && p[2] === 'messages' && MEMBER_FIELDS.has(String(p[5])))),
    value(path, value) {
      const conversation = group(path[0] as number);
      if (path.length === 3) {
        conversation.id = str(value);
        return undefined;
      }
      for (const raw of Array.isArray(value) ? arr(value) : [value]) {
        const id = numericId(raw);
        if (id !== undefined) conversation.members.add(id);
      }
      return undefined;
    },
  });
  // Broken JSON is reported by the second pass, which reads the same file.
  for await (const _ of records);
  return groups;
}
