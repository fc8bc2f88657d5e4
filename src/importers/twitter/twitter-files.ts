import type { SourceEntry } from '../types.js';

/** What a Twitter archive file is for Rapport. */
export type TwitterRole =
  | 'account'
  | 'manifest'
  | 'user-details'
  | 'tweets'
  | 'follower'
  | 'following'
  | 'direct-messages'
  | 'group-messages';

/** The order files are read in: who "me" is, then tweets (they name people), then the rest. */
export const ROLE_ORDER: readonly TwitterRole[] = [
  'account',
  'manifest',
  'user-details',
  'tweets',
  'follower',
  'following',
  'direct-messages',
  'group-messages',
];

/** Base names without `.js` and `-partN`; both spellings each file has had since 2018. */
const ROLES: Record<string, TwitterRole> = {
  account: 'account',
  manifest: 'manifest',
  tweets: 'tweets',
  tweet: 'tweets',
  follower: 'follower',
  following: 'following',
  'direct-messages': 'direct-messages',
  'direct-message': 'direct-messages',
  'direct-messages-group': 'group-messages',
  'direct-message-group': 'group-messages',
};

/** The file names Rapport reads, for messages. */
export const TWITTER_FILES = [
  'account.js',
  'tweets.js',
  'follower.js',
  'following.js',
  'direct-messages.js',
  'direct-messages-group.js',
] as const;

/**
 * The role of a file by its name, whatever the case or era: `data/tweets-part2.js`,
 * `tweet.js` (2019, top level), `data/js/tweets/2013_07.js` and `data/js/user_details.js`
 * (the pre-2019 archive).
 */
export function roleOf(path: string): TwitterRole | undefined {
  const lower = path.toLowerCase();
  if (!lower.endsWith('.js')) return undefined;
  if (/(^|\/)data\/js\/tweets\/\d{4}_\d{2}\.js$/.test(lower)) return 'tweets';
  if (/(^|\/)data\/js\/user_details\.js$/.test(lower)) return 'user-details';
  const base = lower.slice(lower.lastIndexOf('/') + 1, -3).replace(/-part\d+$/, '');
  return ROLES[base];
}

/** `tweets.js` (part 0), then `tweets-part1.js`, `tweets-part2.js`, … `tweets-part10.js`. */
function partOrder(path: string): [string, number] {
  const match = /-part(\d+)\.js$/i.exec(path);
  return match ? [`${path.slice(0, match.index)}.js`, Number(match[1])] : [path, 0];
}

function byPath(a: SourceEntry, b: SourceEntry): number {
  const [pa, na] = partOrder(a.path);
  const [pb, nb] = partOrder(b.path);
  return pa < pb ? -1 : pa > pb ? 1 : na - nb;
}

/** Sorts an archive's files into roles; the rest are unused. */
export function classify(entries: readonly SourceEntry[]): {
  byRole: Map<TwitterRole, SourceEntry[]>;
  unused: SourceEntry[];
} {
  const byRole = new Map<TwitterRole, SourceEntry[]>();
  const unused: SourceEntry[] = [];
  for (const entry of entries) {
    const role = roleOf(entry.path);
    if (role === undefined) unused.push(entry);
    else {
      const list = byRole.get(role) ?? [];
      list.push(entry);
      byRole.set(role, list);
    }
  }
  for (const list of byRole.values()) list.sort(byPath);
  return { byRole, unused };
}
