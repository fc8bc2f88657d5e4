import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LifeContext, SourceFile } from './cast-types.js';
import { csvRow } from './csv-writer.js';
import { DAY, HOUR, MINUTE } from './dates.js';
import { daysAgo, fieldsAt, padNumber as p } from './life-dates.js';
import { TOPICS } from './names.js';
import { Random } from './random.js';

const SALT = 0xc5a1;
/** The CRM export's columns, in its order. */
export const CRM_HEADER = ['Date', 'Contact', 'Email', 'Type', 'Direction', 'Notes'] as const;
const TYPES = { Call: 3, Meeting: 2, Email: 3, Note: 1 } as const;

/** `2025-11-03 14:30`, in the owner's wall-clock time as a CRM shows it. */
function crmDate(at: number): string {
  const f = fieldsAt(at, -360);
  return `${f.y}-${p(f.mo)}-${p(f.d)} ${p(f.h)}:${p(f.mi)}`;
}

function note(rng: Random, type: keyof typeof TYPES, inbound: boolean, first: string): string {
  const topic = rng.pick(TOPICS);
  switch (type) {
    case 'Call':
      return `${inbound ? `${first} called` : `Called ${first}`} about ${topic}, ${rng.int(10, 40)} min. Next: send pricing.`;
    case 'Meeting':
      return `Met ${first} in person.\nAgreed: pilot scope, "Enterprise" tier, decision by month end.`;
    case 'Email':
      return inbound ? `${first} asked about ${topic}` : `Sent recap on ${topic}`;
    default:
      return `${first} mentioned budget freeze until Q2; keep warm`;
  }
}

/** A weekday-agnostic moment in Austin business hours, `lo`–`hi` days ago. */
function workTime(rng: Random, now: number, lo: number, hi: number): number {
  return Math.floor(daysAgo(rng, now, lo, hi) / DAY) * DAY + rng.int(14, 22) * HOUR + rng.int(0, 59) * MINUTE;
}

/**
 * Writes a CRM activity export for the mapped-CSV importer (`Date,Contact,Email,Type,Direction,
 * Notes`), newest first: calls, meetings, emails and notes with clients and other contacts known
 * by email, and one note-to-self naming the owner.
 */
export async function writeCrmCsv(ctx: LifeContext): Promise<SourceFile> {
  const rng = Random.fork(ctx.seed, SALT);
  const { cast, now, scale } = ctx;
  const rows: { at: number; fields: string[] }[] = [];
  for (const m of cast.members) {
    if (m.email === undefined || m.card === undefined) continue;
    const count = m.kind === 'client' ? Math.max(3, Math.round(rng.int(3, 6) * scale)) : 1;
    for (let i = 0; i < count; i++) {
      const type = rng.weighted(TYPES);
      const direction = type === 'Note' ? '' : rng.chance(0.7) ? 'Outbound' : 'Inbound';
      const at = workTime(rng, now, 2, 365);
      const text = note(rng, type, direction === 'Inbound', m.person.firstName);
      rows.push({ at, fields: [crmDate(at), m.person.name, m.email, type, direction, text] });
    }
  }
  const { owner } = cast;
  const selfAt = workTime(rng, now, 2, 30);
  const self = [
    crmDate(selfAt),
    owner.name,
    owner.email,
    'Note',
    '',
    'Reminder to self: update the forecast sheet, Monday',
  ];
  rows.push({ at: selfAt, fields: self });
  rows.sort((a, b) => b.at - a.at);
  const path = join(ctx.dir, 'crm-activities.csv');
  await writeFile(path, csvRow(CRM_HEADER) + rows.map((r) => csvRow(r.fields)).join(''));
  return { source: 'csv', path, records: rows.length - 1 };
}
