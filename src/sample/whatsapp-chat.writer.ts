import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CastMember, LifeContext, SourceFile } from './cast-types.js';
import { DAY, HOUR } from './dates.js';
import { conversationTimes, fieldsAt, padNumber as p } from './life-dates.js';
import { chatLine, multiLineText, type Tone } from './life-text.js';
import { Random } from './random.js';

const SALT = 0x3a75;
/** The owner's phone shows Austin time (no DST: a phone's export has no zone, only wall-clock times). */
const OFFSET = -360;
const LRM = '\u200e';
const E2E =
  'Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.';

interface Line {
  at: number;
  /** Undefined for Android's system lines, which name no one. */
  author?: string | undefined;
  text: string;
  /** iOS marks notices, calls and attachments with U+200E. */
  mark?: boolean;
}

function android(l: Line): string {
  const f = fieldsAt(l.at, OFFSET);
  const head = `${p(f.d)}/${p(f.mo)}/${f.y}, ${p(f.h)}:${p(f.mi)} - `;
  return `${head}${l.author === undefined ? '' : `${l.author}: `}${l.text}\n`;
}

function ios(l: Line): string {
  const f = fieldsAt(l.at, OFFSET);
  const mark = l.mark ? LRM : '';
  const text = l.text.replace(/\n/g, '\r\n');
  return `${mark}[${f.y}-${p(f.mo)}-${p(f.d)}, ${p(f.h)}:${p(f.mi)}:${p(f.s)}] ${l.author}: ${mark}${text}\r\n`;
}

/** A chat's first moment: the 20th of a month, so day-before-month order is plain from the dates. */
function chatStart(now: number, daysBack: number): number {
  const d = new Date(now - daysBack * DAY);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 20, 15, 4, 9);
}

/** Someone in a chat: as the export shows them, and the first name people call them by. */
interface Speaker {
  shown: string;
  first: string;
}

/** Messages between `people` (the owner first), oldest first; one of them spans several lines. */
function talk(
  rng: Random,
  ctx: LifeContext,
  people: Speaker[],
  tone: Tone,
  start: number,
  count: number,
): Line[] {
  const times = conversationTimes(rng, count, start + HOUR, ctx.now - rng.range(1, 20) * DAY).reverse();
  const [me, ...others] = people as [Speaker, ...Speaker[]];
  return times.map((at, i) => {
    const author = rng.chance(0.45) ? me : rng.pick(others);
    const them = author === me ? (others.length > 1 ? 'all' : (others[0]?.first ?? '')) : me.first;
    return { at, author: author.shown, text: i === 2 ? multiLineText(rng, them) : chatLine(rng, tone, them) };
  });
}

/** Replaces the text of the message at `index` (by its place in the chat) with a notice. */
function notice(lines: Line[], index: number, author: string, text: string, mark = true): void {
  const line = lines[Math.min(index, lines.length - 1)];
  if (line) Object.assign(line, { author, text, mark });
}

function write(dir: string, name: string, lines: Line[], format: (l: Line) => string) {
  const path = join(dir, name);
  return mkdir(dirname(path), { recursive: true })
    .then(() => writeFile(path, lines.map(format).join('')))
    .then((): SourceFile => ({ source: 'whatsapp', path, records: lines.length }));
}

/**
 * Writes three WhatsApp chat exports: an Android one-to-one chat (`dd/mm/yyyy, HH:MM - `), an
 * iOS one-to-one chat with calls, and an iOS group (`[yyyy-mm-dd, hh:mm:ss] `, U+200E marks).
 * Contacts not saved in the phone show as `+49 30 …`; the saved friend shows by name.
 */
export async function writeWhatsAppChats(ctx: LifeContext): Promise<SourceFile[]> {
  const rng = Random.fork(ctx.seed, SALT);
  const { cast, now, scale } = ctx;
  const me = cast.owner.name;
  const phones = cast.members.filter((m) => m.whatsapp === 'phone');
  const friend = cast.members.find((m) => m.whatsapp === 'name') as CastMember;
  const speaker = (m: CastMember | undefined): Speaker => ({
    shown: m?.phone?.international ?? m?.person.name ?? '',
    first: m?.person.firstName ?? '',
  });
  const owner = { shown: me, first: cast.owner.firstName };
  const [sa, sb, sc] = phones.map(speaker) as [Speaker, Speaker, Speaker];
  const [a, b, c] = [sa.shown, sb.shown, sc.shown];
  const size = (lo: number, hi: number) => Math.max(6, Math.round(rng.int(lo, hi) * scale));

  const startA = chatStart(now, 200);
  const first = talk(rng, ctx, [owner, sa], 'work', startA, size(10, 20));
  notice(first, 4, a, '<Media omitted>', false);
  notice(first, 6, a, 'This message was deleted', false);
  const androidChat = [{ at: startA, text: `${E2E} Tap to learn more.` }, ...first];

  const startB = chatStart(now, 150);
  const second = talk(rng, ctx, [owner, sb], 'work', startB, size(10, 18));
  notice(second, 3, b, 'Missed voice call');
  notice(second, 5, me, `Video call, ${LRM}12 min`);
  notice(second, 7, b, '<attached: 00000012-PHOTO-2025-06-20-15-04-09.jpg>');
  const iosChat = [{ at: startB, author: b, text: E2E, mark: true }, ...second];

  const group = 'Berlin crew 🍻';
  const startG = chatStart(now, 120);
  const members = [owner, sc, speaker(friend), sb];
  const groupLines = [
    { at: startG, author: group, text: E2E, mark: true },
    { at: startG + 1000, author: group, text: `You created group “${group}”`, mark: true },
    { at: startG + 2000, author: group, text: `You added ${c}, ${friend.person.name} and ${b}`, mark: true },
    ...talk(rng, ctx, members, 'friend', startG, size(8, 16)),
  ];

  const dir = ctx.dir;
  return Promise.all([
    write(dir, `WhatsApp Chat with ${a}.txt`, androidChat, android),
    write(dir, `WhatsApp Chat - ${b}/_chat.txt`, iosChat, ios),
    write(dir, `WhatsApp Chat - ${group}/_chat.txt`, groupLines, ios),
  ]);
}
