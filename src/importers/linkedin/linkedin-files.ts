import type { SourceEntry } from '../types.js';

/** What a LinkedIn export file is for Rapport. */
export type LinkedInRole =
  | 'profile'
  | 'owner-emails'
  | 'owner-phones'
  | 'connections'
  | 'invitations'
  | 'messages'
  | 'coach';

/** The order files are read in: the owner first, so later files know who "me" is. */
export const ROLE_ORDER: readonly LinkedInRole[] = [
  'profile',
  'owner-emails',
  'owner-phones',
  'connections',
  'invitations',
  'messages',
];

const ROLES: Record<string, LinkedInRole> = {
  profile: 'profile',
  emailaddresses: 'owner-emails',
  phonenumbers: 'owner-phones',
  connections: 'connections',
  invitations: 'invitations',
  messages: 'messages',
  guidemessages: 'coach',
  learningroleplaymessages: 'coach',
};

/** The file names Rapport reads, for messages. */
export const LINKEDIN_FILES = [
  'Profile.csv',
  'Email Addresses.csv',
  'PhoneNumbers.csv',
  'Connections.csv',
  'Invitations.csv',
  'messages.csv',
] as const;

/**
 * The role of a file by its base name, whatever the case, spacing or a download copy suffix:
 * `Connections.csv`, `connections (1).csv`, `Learning_Role_Play_Messages.csv`.
 */
export function roleOf(path: string): LinkedInRole | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (!base.endsWith('.csv')) return undefined;
  const stem = base
    .slice(0, -4)
    .replace(/\s*\(\d+\)$/, '')
    .replace(/[^a-z0-9]/g, '');
  return ROLES[stem];
}

export interface ClassifiedEntries {
  byRole: Map<LinkedInRole, SourceEntry[]>;
  unused: SourceEntry[];
}

/** Sorts an export's files into roles (several files may share one, e.g. a split export). */
export function classify(entries: readonly SourceEntry[]): ClassifiedEntries {
  const byRole = new Map<LinkedInRole, SourceEntry[]>();
  const unused: SourceEntry[] = [];
  for (const entry of entries) {
    const role = roleOf(entry.path);
    if (role === undefined) {
      unused.push(entry);
      continue;
    }
    const list = byRole.get(role) ?? [];
    list.push(entry);
    byRole.set(role, list);
  }
  for (const list of byRole.values()) list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { byRole, unused };
}
