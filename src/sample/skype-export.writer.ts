import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hexId } from './cast-identities.js';
import type { LifeContext, SourceFile } from './cast-types.js';
import { DAY, MINUTE } from './dates.js';
import { conversationTimes, daysAgo } from './life-dates.js';
import { chatLine } from './life-text.js';
import { Random } from './random.js';

const SALT = 0x5c4e;

/** A party as Skype names it: its MRI (`8:live:ada`, `4:+4930…`) and display name. */
interface Party {
  mri: string;
  name: string;
  me?: boolean;
}

const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const bare = (mri: string) => mri.replace(/^8:/, '');

function part(p: Party, seconds?: number): string {
  const duration = seconds === undefined ? '' : `<duration>${seconds}</duration>`;
  return `<part identity="${html(bare(p.mri))}"><name>${html(p.name)}</name>${duration}</part>`;
}

/** The `<partlist>` of a call notice: who was in it and, once it ended, for how long. */
function partlist(type: 'started' | 'ended' | 'missed', parties: Party[], seconds?: number): string {
  return `<partlist type="${type}" alt="">${parties.map((p) => part(p, seconds)).join('')}</partlist>`;
}

/** One MessageList entry; the export names the sender of others' messages only. */
function entry(conversation: string, from: Party, at: number, messagetype: string, content: string) {
  return {
    id: String(at),
    displayName: from.me ? null : from.name,
    originalarrivaltime: new Date(at).toISOString(),
    messagetype,
    version: at,
    content,
    conversationid: conversation,
    from: from.mri,
    properties: null,
    amsreferences: null,
  };
}

type Entry = ReturnType<typeof entry>;

/** A call as Skype logs it: a start notice and an end notice with every party's duration. */
function call(id: string, caller: Party, parties: Party[], at: number, seconds: number): Entry[] {
  return [
    entry(id, caller, at + seconds * 1000, 'Event/Call', partlist('ended', parties, seconds)),
    entry(
      id,
      caller,
      at,
      'Event/Call',
      partlist(
        'started',
        parties.filter((p) => p !== caller),
      ),
    ),
  ];
}

function conversation(id: string, displayName: string, list: Entry[]) {
  const MessageList = list.sort((a, b) => b.version - a.version);
  const last = MessageList[0]?.originalarrivaltime ?? null;
  return {
    id,
    displayName,
    version: MessageList[0]?.version ?? 0,
    properties: { lastimreceivedtime: last },
    threadProperties: null,
    MessageList,
  };
}

/**
 * Writes the owner's Skype export (`messages.json`, as unpacked from the export tar): chats from
 * the Skype years with calls (started, ended with `<duration>`, one missed), a SkypeOut call to
 * a client's phone number, and a group chat with a member added.
 */
export async function writeSkypeExport(ctx: LifeContext): Promise<SourceFile> {
  const { cast, now, scale } = ctx;
  const rng = Random.fork(ctx.seed, SALT);
  const me: Party = { mri: `8:${cast.owner.skype}`, name: cast.owner.name, me: true };
  const people = cast.members.filter((m) => m.skype !== undefined);
  const parties = people.map((m): Party => ({ mri: `8:${m.skype}`, name: m.person.name }));
  const conversations = parties.map((p, i) => {
    const count = Math.max(3, Math.round(rng.int(6, 16) * scale));
    const from = now - 3200 * DAY;
    const times = conversationTimes(rng, count, from, daysAgo(rng, now, 1500, 2600));
    const list = times.map((at) => {
      const sender = rng.chance(0.5) ? me : p;
      return entry(
        p.mri,
        sender,
        at,
        'RichText',
        html(chatLine(rng, 'work', p.name.split(' ')[0] ?? p.name)),
      );
    });
    const at = (times[times.length - 1] ?? from) + DAY;
    list.push(...call(p.mri, me, [p, me], at, rng.int(120, 3600)));
    if (i === 0) list.push(entry(p.mri, p, at + 2 * DAY, 'Event/Call', partlist('missed', [p])));
    return conversation(p.mri, p.name, list);
  });
  const phoned = cast.members.find((m) => m.phone !== undefined);
  if (phoned?.phone) {
    const number: Party = { mri: `4:${phoned.phone.e164}`, name: phoned.phone.international };
    const at = daysAgo(rng, now, 1500, 2000);
    conversations.push(
      conversation(number.mri, number.name, call(number.mri, me, [number, me], at, rng.int(300, 1500))),
    );
  }
  const members = parties.slice(0, 3);
  if (members.length > 0) {
    const id = `19:${hexId(ctx.seed, SALT, 4)}@thread.skype`;
    const start = daysAgo(rng, now, 2000, 2400);
    const added = `<addmember><eventtime>${start}</eventtime><initiator>${me.mri}</initiator><target>${members[0]!.mri}</target></addmember>`;
    const list = [entry(id, me, start, 'ThreadActivity/AddMember', added)];
    const times = conversationTimes(
      rng,
      Math.max(3, Math.round(8 * scale)),
      start + MINUTE,
      start + 30 * DAY,
    );
    for (const at of times)
      list.push(entry(id, rng.pick([me, ...members]), at, 'RichText', html(chatLine(rng, 'work', 'all'))));
    conversations.push(conversation(id, 'Q3 pilot team', list));
  }
  const records = conversations.reduce((sum, c) => sum + c.MessageList.length, 0);
  const exportDate = new Date(now).toISOString().slice(0, 16);
  const dir = join(ctx.dir, `8_${cast.owner.skype.replace(/:/g, '_')}_export`);
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'messages.json');
  // Skype writes the whole export as one line of JSON.
  await writeFile(path, JSON.stringify({ userId: cast.owner.skype, exportDate, conversations }));
  return { source: 'skype', path, records };
}
