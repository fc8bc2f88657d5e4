import type { CountryCode } from 'libphonenumber-js';
import { hasColumns, sniffCsvRecords } from '../csv-header.js';
import { PROGRESS_BYTES } from '../csv-reader.js';
import { oneByOne } from '../one-by-one.js';
import { readHead, unreadableFile } from '../text-lines.js';
import type { ExportSource, Importer, ImportRecord, SourceEntry } from '../types.js';
import { GOOGLE_CSV, GOOGLE_CSV_OLD, parseGoogleCsv } from './google-csv.parser.js';
import { OUTLOOK_CSV, parseOutlookCsv } from './outlook-csv.parser.js';
import { parseCard } from './vcard.parser.js';
import { readCardBlocks } from './vcard-blocks.js';

export interface ContactsOptions {
  /** Region (ISO 3166 code, `DE`) for phone numbers written without a country code. */
  defaultRegion?: CountryCode | undefined;
}

/** What an address-book file is, by its contents. */
export type ContactsKind = 'vcard' | 'google-csv' | 'google-csv-old' | 'outlook-csv';

const CANDIDATE = /(\.(vcf|vcard|csv|txt)|\/[^./]+|^[^./]+)$/i;

/** The kind of an entry by its first bytes and header, or undefined when it is not an address book. */
export async function contactsKind(entry: SourceEntry): Promise<ContactsKind | undefined> {
  if (!CANDIDATE.test(entry.path)) return undefined;
  if (/^\s*BEGIN:VCARD/i.test(await readHead(entry, 1024))) return 'vcard';
  const [header] = await sniffCsvRecords(entry);
  if (header === undefined) return undefined;
  if (hasColumns(header, GOOGLE_CSV)) return 'google-csv';
  if (hasColumns(header, GOOGLE_CSV_OLD)) return 'google-csv-old';
  if (hasColumns(header, OUTLOOK_CSV)) return 'outlook-csv';
  return undefined;
}

async function* vcardBatches(
  entry: SourceEntry,
  region: CountryCode | undefined,
): AsyncGenerator<ImportRecord[]> {
  const file = entry.path;
  let reported = 0;
  let bytes = 0;
  const blocks = readCardBlocks(entry)[Symbol.asyncIterator]();
  for (;;) {
    const next = await blocks.next().catch((error: unknown) => {
      throw unreadableFile(file, error);
    });
    if (next.done) break;
    const { cards, bytesRead } = next.value;
    bytes = bytesRead;
    const out: ImportRecord[] = [];
    for (const card of cards) {
      if ('broken' in card) out.push({ type: 'rejected', file, line: card.line, reason: card.broken });
      else parseCard(card.lines, card.line, file, region, out);
    }
    if (bytes - reported >= PROGRESS_BYTES) {
      reported = bytes;
      out.push({ type: 'progress', file, bytesRead: bytes, bytesTotal: entry.size });
    }
    if (out.length > 0) yield out;
  }
  yield [{ type: 'progress', file, bytesRead: bytes, bytesTotal: entry.size }];
}

/**
 * Reads address books: vCard files (2.1, 3.0, 4.0; several cards per file) and Google or
 * Outlook CSV exports, each file recognised by its contents. Every card or row becomes a
 * contact known by its emails, E.164 phones and LinkedIn/Twitter profiles; files of other
 * kinds are listed as skipped. Address books do not say whose they are: there is no owner.
 */
async function* contactsBatches(
  source: ExportSource,
  options: ContactsOptions = {},
): AsyncGenerator<ImportRecord[]> {
  const kinds: [SourceEntry, ContactsKind][] = [];
  const skipped: ImportRecord[] = [];
  for (const entry of source.entries) {
    const kind = await contactsKind(entry).catch((error: unknown) => {
      throw unreadableFile(entry.path, error);
    });
    if (kind === undefined)
      skipped.push({
        type: 'file',
        file: entry.path,
        status: 'skipped',
        reason: 'not a vCard or contacts CSV',
        bytes: entry.size,
      });
    else kinds.push([entry, kind]);
  }
  if (skipped.length > 0) yield skipped;
  const region = options.defaultRegion;
  for (const [entry, kind] of kinds) {
    yield [{ type: 'file', file: entry.path, status: 'reading', bytes: entry.size }];
    if (kind === 'vcard') yield* vcardBatches(entry, region);
    else if (kind === 'outlook-csv') yield* parseOutlookCsv(entry, region);
    else yield* parseGoogleCsv(entry, kind === 'google-csv-old', region);
  }
}

/** Content check: whether any file of the export is a vCard or a Google/Outlook contacts CSV. */
export async function sniffContacts(source: ExportSource): Promise<boolean> {
  for (const entry of source.entries) if ((await contactsKind(entry)) !== undefined) return true;
  return false;
}

export const contactsImporter: Importer & {
  parse(source: ExportSource, options?: ContactsOptions): AsyncIterable<ImportRecord>;
  parseBatches(source: ExportSource, options?: ContactsOptions): AsyncIterable<ImportRecord[]>;
} = {
  source: 'contacts',
  displayName: 'Contacts (vCard, Google or Outlook CSV)',
  recognisedFiles: ['*.vcf', 'contacts.csv'],
  /**
   * Importer.detect is synchronous, so it sees names only: a .vcf/.vcard file, or a CSV named
   * like an address book (`contacts.csv`, Google's and Outlook's default). parse() decides by
   * contents and lists other files as skipped; sniffContacts checks contents.
   */
  detect: (source) =>
    source.entries.some((e) => /\.(vcf|vcard)$/i.test(e.path) || /contact[^/]*\.csv$/i.test(e.path)),
  sniff: (source) => sniffContacts(source),
  parse: oneByOne(contactsBatches),
  parseBatches: contactsBatches,
};
