import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RapportError } from '../errors.js';
import { buildCast, MIN_PEOPLE } from './cast.js';
import type { LifeContext, SourceFile } from './cast-types.js';
import { writeCrmCsv } from './crm-csv.writer.js';
import { type ExpectedPerson, expectedOwner, expectedPerson } from './expected-people.js';
import { writeFacebookExport } from './facebook-export.writer.js';
import { writeHangoutsExport } from './hangouts-export.writer.js';
import { writeCalendar } from './icalendar.writer.js';
import { writeInstagramExport } from './instagram-export.writer.js';
import { generateLinkedInExport } from './linkedin-export.generator.js';
import { writeMbox } from './mbox.writer.js';
import { sampleExportFileName } from './sample-paths.js';
import { writeSkypeExport } from './skype-export.writer.js';
import { writeTwitterArchive } from './twitter-archive.writer.js';
import { writeContacts } from './vcard.writer.js';
import { writeWhatsAppChats } from './whatsapp-chat.writer.js';

export type { IdentityField } from './cast-types.js';
export type { ExpectedPerson } from './expected-people.js';

export interface MultiSourceOptions {
  seed: number;
  /** Humans in the cast besides the owner (at least 24, so every kind of cross-link has someone). */
  people: number;
  /** Milliseconds: the moment of export; nothing in the files is later except one meeting still to come. */
  now: number;
  /** Multiplies message counts (default 1). */
  scale?: number;
}

export interface MultiSourceResult {
  dir: string;
  /**
   * Every file written, with the records an importer should read from it. The owner's own
   * records (profile files, their own card, a note to self) never count. Per source:
   *
   * | source    | file                                   | records                                                         |
   * |-----------|----------------------------------------|-----------------------------------------------------------------|
   * | linkedin  | Complete_LinkedInDataExport_….zip      | Connections.csv rows + messages.csv rows + Invitations.csv rows (coach chats in guide_messages.csv are skipped) |
   * | twitter   | twitter-….zip                          | follower + following items + tweets + `messageCreate`s in direct-messages.js and direct-messages-group.js (group joins and renames are not records) |
   * | facebook  | facebook-….zip                         | friends in your_friends.json + messages over every message_N.json page (calls and shares included) |
   * | instagram | instagram-….zip                        | followers + followings + messages (the "Liked a message" and "Reacted …" system texts included) |
   * | skype     | 8_live_…_export/messages.json          | every MessageList entry (call start and end notices, a missed call, an AddMember event included) |
   * | hangouts  | Takeout/Hangouts/Hangouts.json         | every event (START_HANGOUT and END_HANGOUT included)             |
   * | whatsapp  | WhatsApp Chat …txt / …/_chat.txt       | lines that start a message (system, call and media lines included; continuation lines not) |
   * | email     | Takeout/Mail/….mbox                    | messages (From_ lines), the mailing-list post, newsletter and broadcast included |
   * | calendar  | Takeout/Calendar/….ics                 | VEVENTs (a weekly series counts once; cancelled, declined, future and all-day events included) |
   * | vcard     | Takeout/Contacts/…/All Contacts.vcf    | VCARDs except the owner's                                        |
   * | csv       | crm-activities.csv                     | data rows except the owner's note to self                        |
   *
   * These are the items a generic parser sees. Rapport's importers read the same items, but the
   * Twitter, Facebook and Instagram ones add a record per reaction, the Twitter one reports plain
   * broadcast tweets as skipped, and the calendar one expands the weekly series into its eight
   * meetings; bulk mail, call starts, missed calls, system lines and unmet events come back as
   * rejected records, which an import report still counts as read.
   */
  files: SourceFile[];
  /** Every human but the owner, with every identity the files show for them. */
  cast: ExpectedPerson[];
  owner: ExpectedPerson;
}

function validate(o: MultiSourceOptions): void {
  const { seed, people, now, scale = 1 } = o;
  const ok =
    Number.isFinite(seed) &&
    Number.isFinite(now) &&
    Number.isSafeInteger(people) &&
    people >= MIN_PEOPLE &&
    Number.isFinite(scale) &&
    scale > 0;
  if (!ok)
    throw new RapportError(
      'input.invalid',
      `Multi-source sample options need a finite seed and now, at least ${MIN_PEOPLE} people, and a positive scale.`,
      { seed, people, now, scale },
    );
}

/**
 * Writes one fictional salesperson's whole digital life into `outDir`, deterministic from the
 * seed: LinkedIn, Twitter/X, Facebook and Instagram zips, a Skype export, Google Takeout
 * (Hangouts, Mail, Calendar, Contacts), WhatsApp chats and a CRM CSV, all about one cast.
 * The cast crosses sources through shared emails, phone numbers and a contact card's LinkedIn
 * URL (certain), and through equal names only (likely, listed in `nameOnly`).
 * Throws RapportError('input.invalid') on bad options.
 */
export async function generateMultiSourceExport(
  outDir: string,
  options: MultiSourceOptions,
): Promise<MultiSourceResult> {
  validate(options);
  const { seed, people, now, scale = 1 } = options;
  await mkdir(outDir, { recursive: true });
  const cast = buildCast(seed, people, now, scale);
  const ctx: LifeContext = { cast, seed, now, scale, dir: outDir };
  const linkedinPath = join(outDir, sampleExportFileName(now));
  const linkedin = await generateLinkedInExport(linkedinPath, {
    seed,
    connections: cast.connections,
    messages: cast.messages,
    now,
  });
  const files: SourceFile[] = [
    {
      source: 'linkedin',
      path: linkedinPath,
      records: linkedin.connections + linkedin.messages + linkedin.invitations,
    },
    await writeTwitterArchive(ctx),
    await writeFacebookExport(ctx),
    await writeInstagramExport(ctx),
    await writeSkypeExport(ctx),
    await writeHangoutsExport(ctx),
    ...(await writeWhatsAppChats(ctx)),
    await writeMbox(ctx),
    await writeCalendar(ctx),
    await writeContacts(ctx),
    await writeCrmCsv(ctx),
  ];
  return {
    dir: outDir,
    files,
    cast: cast.members.map(expectedPerson),
    owner: expectedOwner(cast.owner),
  };
}
