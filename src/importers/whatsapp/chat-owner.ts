import type { ChatStats } from './chat-scan.js';

/** The owner as a sender key and the name the export shows. */
export interface ChatOwner {
  key: string;
  shown: string;
}

/**
 * Who "me" is, since a WhatsApp export never says. The rule, in order:
 * 1. Several chats in one export, each with two or more senders: the one sender common to all.
 * 2. A one-to-one chat named after the other person (`WhatsApp Chat with Bob.txt`, two senders,
 *    one of them Bob): the other sender. Several such chats vote; a tie decides nothing.
 * 3. Otherwise unknown: every message is read as received from its sender; if an earlier import
 *    already taught Rapport the owner's WhatsApp name, the import drops the owner's own lines.
 */
export function chooseOwner(chats: readonly ChatStats[]): ChatOwner | undefined {
  const talks = chats.filter((chat) => chat.senders.size >= 2);
  if (talks.length >= 2) {
    let common = new Set(talks[0]!.senders.keys());
    for (const chat of talks.slice(1)) common = new Set([...common].filter((key) => chat.senders.has(key)));
    if (common.size === 1) {
      const key = [...common][0]!;
      return { key, shown: talks[0]!.senders.get(key)! };
    }
  }
  const votes = new Map<string, { shown: string; count: number }>();
  for (const chat of talks) {
    if (chat.senders.size !== 2 || chat.titleKey === undefined || !chat.senders.has(chat.titleKey)) continue;
    for (const [key, shown] of chat.senders) {
      if (key === chat.titleKey) continue;
      const vote = votes.get(key) ?? { shown, count: 0 };
      vote.count++;
      votes.set(key, vote);
    }
  }
  let best: ChatOwner | undefined;
  let bestCount = 0;
  let tie = false;
  for (const [key, { shown, count }] of votes) {
    if (count > bestCount) {
      best = { key, shown };
      bestCount = count;
      tie = false;
    } else if (count === bestCount) tie = true;
  }
  return tie ? undefined : best;
}
