import { RapportError } from '../../errors.js';
import type { ExportSource, SourceEntry } from '../types.js';

/**
 * Paths of Meta's "Download your information" exports (Facebook and Instagram share the
 * Messenger layout), and which of the two an export is. Both importers use this, so exactly
 * one of them claims an export.
 */

const THREAD_PAGE =
  /(?:^|\/)messages\/(inbox|archived_threads|filtered_threads|message_requests|legacy_threads|e2ee_cutover)\/([^/]+)\/message(?:_(\d+))?\.json$/i;
const HTML_PAGE = /(?:^|\/)messages\/[^/]+\/[^/]+\/message(?:_\d+)?\.html$/i;

/** One conversation: its folder and its pages (`message_1.json` newest, then 2, 3…; 2018: `message.json`). */
export interface MessengerThread {
  /** The folder path, `…/messages/inbox/adalovelace_1234`. */
  folder: string;
  /** `inbox`, `message_requests`, `archived_threads`… */
  box: string;
  /** The folder's own name, `adalovelace_1234`. */
  name: string;
  pages: SourceEntry[];
}

/** Groups Messenger pages into threads, pages in number order; other entries are returned apart. */
export function messengerThreads(entries: readonly SourceEntry[]): {
  threads: MessengerThread[];
  rest: SourceEntry[];
} {
  const byFolder = new Map<string, MessengerThread & { numbers: Map<SourceEntry, number> }>();
  const rest: SourceEntry[] = [];
  for (const entry of entries) {
    const match = THREAD_PAGE.exec(entry.path);
    if (!match) {
      rest.push(entry);
      continue;
    }
    const folder = entry.path.slice(0, entry.path.lastIndexOf('/'));
    let thread = byFolder.get(folder);
    if (thread === undefined) {
      thread = { folder, box: match[1]!.toLowerCase(), name: match[2]!, pages: [], numbers: new Map() };
      byFolder.set(folder, thread);
    }
    thread.pages.push(entry);
    thread.numbers.set(entry, Number(match[3] ?? 1));
  }
  const threads = [...byFolder.values()].sort((a, b) =>
    a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0,
  );
  return {
    threads: threads.map(({ numbers, ...thread }) => ({
      ...thread,
      pages: thread.pages.sort((a, b) => numbers.get(a)! - numbers.get(b)!),
    })),
    rest,
  };
}

const base = (path: string): string => path.slice(path.lastIndexOf('/') + 1).toLowerCase();

/** Files only Instagram exports hold. */
export function isInstagramPath(path: string): boolean {
  const lower = path.toLowerCase();
  const name = base(lower);
  return (
    /(^|\/)(your_instagram_activity|followers_and_following)\//.test(lower) ||
    name === 'personal_information.json' ||
    /^followers_\d+\.json$/.test(name)
  );
}

/** Files only Facebook exports hold. */
export function isFacebookPath(path: string): boolean {
  const lower = path.toLowerCase();
  const name = base(lower);
  return (
    /(^|\/)(your_facebook_activity|your_activity_across_facebook)\//.test(lower) ||
    name === 'profile_information.json' ||
    name === 'your_friends.json' ||
    /(^|\/)(friends|friends_and_followers)\/friends\.json$/.test(lower)
  );
}

export const isThreadPage = (path: string): boolean => THREAD_PAGE.test(path);
export const isHtmlThreadPage = (path: string): boolean => HTML_PAGE.test(path);

/**
 * Which Meta export this is, from its paths: the one whose own files it holds (the larger
 * count if both); with only Messenger pages, Instagram when the export's name says so, else
 * Facebook. Undefined when it is neither.
 */
export function metaExportKind(source: ExportSource): 'facebook' | 'instagram' | undefined {
  let facebook = 0;
  let instagram = 0;
  let messenger = 0;
  for (const { path } of source.entries) {
    if (isInstagramPath(path)) instagram++;
    else if (isFacebookPath(path)) facebook++;
    if (isThreadPage(path) || isHtmlThreadPage(path)) messenger++;
  }
  if (instagram > facebook) return 'instagram';
  if (facebook > 0) return 'facebook';
  if (messenger === 0) return undefined;
  return /instagram/i.test(source.label) ? 'instagram' : 'facebook';
}

/** Throws a clear error for an export downloaded as HTML, which Rapport cannot read. */
export function refuseHtml(source: ExportSource, readable: number, network: string): void {
  if (readable > 0 || !source.entries.some((entry) => isHtmlThreadPage(entry.path))) return;
  throw new RapportError(
    'import.unreadable',
    `${source.label} is the HTML version of your ${network} data, which Rapport cannot read. Download your information again and choose the JSON format.`,
    { label: source.label },
  );
}
