import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CastMember, LifeContext, SourceFile } from './cast-types.js';
import { DAY } from './dates.js';
import { daysAgo, rfc5322 } from './life-dates.js';
import { CRLF, encodeWords, gmailLabels, mailbox, mboxEntry, quotedPrintable } from './mail-format.js';
import { gmailId, type MailPerson, type ThreadPlan, threadEntries } from './mail-thread.js';
import { TOPICS } from './names.js';
import { Random } from './random.js';

const SALT = 0x3b0c;
/** UTC offsets (minutes) of the correspondents' Date headers, dealt in turn. */
const OFFSETS = [60, 0, -300, 120, 330, 540, -180, 60] as const;
/** Recipients of the broadcast: more than the five a conversation can have. */
const BROADCAST_TO = 7;

/** Bulk mail no relationship comes from: a mailing-list post and a newsletter from a noreply@ sender. */
export function bulkEntries(rng: Random, now: number, owner: MailPerson, seq: () => number): string[] {
  const listAt = daysAgo(rng, now, 20, 90);
  const listId = gmailId(listAt, seq());
  const list = mboxEntry(
    listId,
    listAt,
    [
      ['X-GM-THRID', listId],
      ['X-Gmail-Labels', gmailLabels(['Inbox', 'Category Forums'])],
      ['Delivered-To', owner.address],
      ['MIME-Version', '1.0'],
      ['Date', rfc5322(listAt, -300)],
      ['Message-ID', `<${listId}@groups.example.com>`],
      ['Subject', '[revops-leaders] Forecast accuracy benchmarks?'],
      ['From', mailbox('Dana Whitfield', 'dana.whitfield@revopsguild.example')],
      ['To', mailbox('RevOps Leaders', 'revops-leaders@groups.example.com')],
      ['List-Id', 'RevOps Leaders <revops-leaders.groups.example.com>'],
      ['List-Unsubscribe', '<mailto:revops-leaders+unsubscribe@groups.example.com>'],
      ['Precedence', 'list'],
      ['Content-Type', 'text/plain; charset="UTF-8"'],
    ],
    'Hi all,\nwhat forecast accuracy do your teams hit at 30 days out?\n\nFrom the last survey: 74% on average.\n',
  );
  const newsAt = daysAgo(rng, now, 2, 30);
  const newsId = gmailId(newsAt, seq());
  const news = mboxEntry(
    newsId,
    newsAt,
    [
      ['X-GM-THRID', newsId],
      ['X-Gmail-Labels', gmailLabels(['Inbox', 'Category Promotions'])],
      ['Delivered-To', owner.address],
      ['MIME-Version', '1.0'],
      ['Date', rfc5322(newsAt, 0)],
      ['Message-ID', `<${newsId}@news.saasweekly.example>`],
      ['Subject', encodeWords('SaaS Weekly #212 – pricing pages that convert 📈')],
      ['From', mailbox('SaaS Weekly', 'noreply@news.saasweekly.example')],
      ['To', owner.address],
      ['List-Unsubscribe', '<https://news.saasweekly.example/unsubscribe?u=8c1f>'],
      ['Content-Type', 'text/plain; charset="UTF-8"'],
      ['Content-Transfer-Encoding', 'quoted-printable'],
    ],
    quotedPrintable('This week: pricing pages, churn math, and a café-sized guide to PLG.\n'),
  );
  return [list, news];
}

/** The owner's season's greetings to many at once: a broadcast, not a conversation. */
function broadcast(
  rng: Random,
  ctx: LifeContext,
  owner: MailPerson,
  to: MailPerson[],
  seq: () => number,
): string {
  const at = daysAgo(rng, ctx.now, 25, 60);
  const id = gmailId(at, seq());
  return mboxEntry(
    id,
    at,
    [
      ['X-GM-THRID', id],
      ['X-Gmail-Labels', 'Sent'],
      ['MIME-Version', '1.0'],
      ['Date', rfc5322(at, owner.offset)],
      ['Message-ID', `<${BigInt(id).toString(36)}@example.com>`],
      ['Subject', encodeWords('Happy holidays from Brightwave 🎄')],
      ['From', mailbox(owner.name, owner.address)],
      ['To', to.map((p) => mailbox(p.name, p.address)).join(`,${CRLF} `)],
      ['Content-Type', 'text/plain; charset="UTF-8"'],
      ['Content-Transfer-Encoding', 'quoted-printable'],
    ],
    quotedPrintable('Thank you for a great year – see you in the next one!\n\nMorgan\n'),
  );
}

/**
 * Writes a Gmail Takeout mbox: threads with every cast member who has an address (one copied
 * to a second client, labels with commas and encoded words), a broadcast to many, a
 * mailing-list post and a noreply@ newsletter.
 */
export async function writeMbox(ctx: LifeContext): Promise<SourceFile> {
  const { cast, now, scale } = ctx;
  const rng = Random.fork(ctx.seed, SALT);
  let n = 0;
  const seq = () => n++;
  const owner: MailPerson = { name: cast.owner.name, address: cast.owner.email, offset: -360 };
  const writers = cast.members.filter((m): m is CastMember & { email: string } => m.email !== undefined);
  const people = writers.map(
    (m, i): MailPerson => ({
      name: m.person.name,
      address: m.email,
      offset: OFFSETS[i % OFFSETS.length] as number,
    }),
  );
  const entries: string[] = [];
  const clients = writers.flatMap((m, i) => (m.kind === 'client' ? [people[i] as MailPerson] : []));
  writers.forEach((m, i) => {
    const client = m.kind === 'client';
    const rank = clients.indexOf(people[i] as MailPerson);
    const threads = client && rank < 2 ? 2 : 1;
    for (let t = 0; t < threads; t++) {
      const plan: ThreadPlan = {
        owner,
        other: people[i] as MailPerson,
        // The first client's first thread copies the second client: a small group email.
        cc: rank === 0 && t === 0 ? clients.slice(1, 2) : undefined,
        count: Math.max(m.kind === 'linkedin-email' ? 1 : 2, Math.round(rng.int(2, 5) * scale)),
        from: now - 400 * DAY,
        to: daysAgo(rng, now, 1, 30),
        topic: rng.pick(TOPICS),
        labels: client
          ? ['Inbox', 'Important', 'Opened', 'Clients, EMEA']
          : ['Inbox', 'Opened', 'Café meetings'],
      };
      entries.push(...threadEntries(rng, plan, seq));
    }
  });
  if (people.length > 5) entries.push(broadcast(rng, ctx, owner, people.slice(0, BROADCAST_TO + 1), seq));
  entries.push(...bulkEntries(rng, now, owner, seq));
  const dir = join(ctx.dir, 'Takeout', 'Mail');
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'All mail Including Spam and Trash.mbox');
  await writeFile(path, entries.join(''));
  return { source: 'email', path, records: entries.length };
}
