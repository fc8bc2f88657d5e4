import { oneByOne } from '../one-by-one.js';
import type { ExportSource, Importer, ImportRecord, SourceEntry } from '../types.js';
import { parseConnections } from './connections.parser.js';
import { parseInvitations } from './invitations.parser.js';
import { classify, LINKEDIN_FILES, type LinkedInRole, ROLE_ORDER, roleOf } from './linkedin-files.js';
import { LinkedInOwner, LinkedInPeople } from './linkedin-people.js';
import { parseMessages } from './messages.parser.js';
import { parseOwnerContacts } from './owner-contacts.parser.js';
import { parseProfile } from './profile.parser.js';

const COACH_REASON = "LinkedIn's AI coach chat, not a conversation with a person";

function parseFile(role: LinkedInRole, entry: SourceEntry, owner: LinkedInOwner, people: LinkedInPeople) {
  switch (role) {
    case 'profile':
      return parseProfile(entry, owner);
    case 'owner-emails':
      return parseOwnerContacts(entry, 'emails', owner);
    case 'owner-phones':
      return parseOwnerContacts(entry, 'phones', owner);
    case 'connections':
      return parseConnections(entry);
    case 'invitations':
      return parseInvitations(entry, owner, people);
    default:
      return parseMessages(entry, owner, people);
  }
}

/**
 * Reads a LinkedIn export, any era: Profile.csv first (who "me" is), then the owner's own
 * Email Addresses.csv and PhoneNumbers.csv, then Connections.csv,
 * Invitations.csv and messages.csv, whatever their order in the zip. Every other file is
 * reported as skipped. Records come in per-chunk batches.
 */
async function* linkedinBatches(source: ExportSource): AsyncGenerator<ImportRecord[]> {
  const { byRole, unused } = classify(source.entries);
  if (unused.length > 0) {
    yield unused.map((entry) => ({
      type: 'file',
      file: entry.path,
      status: 'skipped',
      reason: 'not used by Rapport',
      bytes: entry.size,
    }));
  }
  const people = new LinkedInPeople();
  const owner = new LinkedInOwner(people);
  for (const role of ROLE_ORDER) {
    for (const entry of byRole.get(role) ?? []) {
      yield [{ type: 'file', file: entry.path, status: 'reading', bytes: entry.size }];
      yield* parseFile(role, entry, owner, people);
    }
  }
  const coach = byRole.get('coach') ?? [];
  if (coach.length > 0) {
    yield coach.map((entry) => ({
      type: 'file',
      file: entry.path,
      status: 'skipped',
      reason: COACH_REASON,
      bytes: entry.size,
    }));
  }
}

export const linkedinImporter: Importer = {
  source: 'linkedin',
  displayName: 'LinkedIn',
  recognisedFiles: LINKEDIN_FILES,
  detect(source: ExportSource): boolean {
    return source.entries.some((entry) => {
      const role = roleOf(entry.path);
      // The owner's own addresses alone do not make an export worth reading.
      return role !== undefined && role !== 'coach' && role !== 'owner-emails' && role !== 'owner-phones';
    });
  },
  parse: oneByOne(linkedinBatches),
  parseBatches: linkedinBatches,
};
