import { type ConversationPlan, conversationId } from './conversations.js';
import { DAY, HOUR } from './dates.js';
import type { History, Shape } from './histories.js';
import { allocateMessages, type Claim } from './message-budget.js';
import type { SamplePerson } from './people.js';
import { KEEP_ORDER } from './personas.js';
import type { Random } from './random.js';

/** About one group thread per 80 connections, among the people the owner talks to most. */
const GROUPS_PER_CONNECTION = 0.012;

interface Draft {
  contacts: SamplePerson[];
  /** Index of the person whose persona this conversation carries (groups: -1). */
  owner: number;
  shape: Shape;
  rank: number;
  title: string;
}

function groupDrafts(
  people: readonly SamplePerson[],
  histories: readonly History[],
  rng: Random,
  now: number,
): Draft[] {
  const pool = people.flatMap((p, i) =>
    p.persona === 'stuck_online' || p.persona === 'met_often' ? [i] : [],
  );
  if (people.length < 20 || pool.length < 2) return [];
  const count = Math.max(1, Math.round(people.length * GROUPS_PER_CONNECTION));
  const drafts: Draft[] = [];
  for (let g = 0; g < count; g++) {
    const size = rng.int(2, Math.min(4, pool.length));
    const members = rng.shuffle([...pool]).slice(0, size);
    const contacts = members.map((i) => people[i] as SamplePerson);
    const joined = Math.max(...members.map((i) => histories[i]?.connectedAt ?? 0));
    const from = Math.max(now - 150 * DAY, joined + HOUR);
    const to = now - rng.range(1, 40) * DAY;
    const lead = contacts[0] as SamplePerson;
    const title = rng.pick([`${lead.company || 'Pilot'} rollout`, 'SaaStr dinner crew', 'Q3 pilot', '', '']);
    const window = { from, to: Math.floor(to / 1000) * 1000, share: 1, inProb: 0.7, minCount: 0 };
    const shape: Shape = { base: 3, weight: rng.range(1, 3), windows: [window], folder: 'INBOX' };
    drafts.push({ contacts, owner: -1, shape, rank: KEEP_ORDER.length, title });
  }
  return drafts;
}

/**
 * Turns every history into a sized conversation plan so the sizes add up to exactly `messages`.
 * Returns the plans (newest conversation first, as LinkedIn lists them) and the indices of
 * people whose conversation did not fit the budget (they become quiet connections).
 */
export function planConversations(
  people: readonly SamplePerson[],
  histories: readonly History[],
  messages: number,
  rng: Random,
  seed: number,
  now: number,
): { plans: ConversationPlan[]; dropped: Set<number> } {
  const drafts: Draft[] = [];
  people.forEach((person, i) => {
    const shape = histories[i]?.shape;
    if (shape)
      drafts.push({
        contacts: [person],
        owner: i,
        shape,
        rank: KEEP_ORDER.indexOf(person.persona),
        title: '',
      });
  });
  drafts.push(...groupDrafts(people, histories, rng, now));
  const claims: Claim[] = drafts.map((d) => ({ base: d.shape.base, weight: d.shape.weight, rank: d.rank }));
  const counts = allocateMessages(claims, messages);

  const plans: ConversationPlan[] = [];
  const dropped = new Set<number>();
  let spammers = 0;
  drafts.forEach((d, k) => {
    const count = counts[k] ?? 0;
    if (count === 0) {
      if (d.owner >= 0) dropped.add(d.owner);
      return;
    }
    const lead = d.contacts[0] as SamplePerson;
    const group = d.contacts.length > 1;
    let style: ConversationPlan['style'] = group ? 'group' : 'contact';
    if (lead.persona === 'one_way' && !group) style = 'pitch';
    if (lead.persona === 'inbound_only' && !group)
      style = lead.flavor === 'spammer' ? 'spammer' : 'recruiter';
    let hostile: ConversationPlan['hostile'];
    if (style === 'spammer') {
      // The first two spam threads always carry hostile HTML, so the demo proves it is shown inert.
      hostile = spammers === 0 ? 'script' : spammers === 1 ? 'img' : rng.chance(0.03) ? 'script' : undefined;
      spammers++;
    }
    plans.push({
      id: conversationId(seed, k),
      title: d.title,
      folder: d.shape.folder,
      style,
      contacts: d.contacts,
      windows: d.shape.windows,
      count,
      salt: k,
      hostile,
    });
  });
  plans.sort((a, b) => (b.windows[0]?.to ?? 0) - (a.windows[0]?.to ?? 0) || a.salt - b.salt);
  return { plans, dropped };
}
