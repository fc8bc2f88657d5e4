import { foldName } from '../identity-keys.js';
import { arr, obj, readJsonBatches, str } from '../json-reader.js';
import { fixMojibake } from '../mojibake.js';
import type { MessengerThread } from './meta-export.js';

/** Names Meta shows for deleted or deactivated accounts: no one can be identified by them. */
const DELETED = new Set(['facebook user', 'instagram user']);

export const isDeletedAccount = (name: string): boolean => DELETED.has(foldName(name));

/** Letters and digits only, as Meta names thread folders after people (`Zoë Ång` → `zoeang`). */
export const slugOf = (name: string): string => foldName(name).replace(/[^\p{L}\p{N}]/gu, '');

/** The thread folder's name without its id suffix (`adalovelace_10158` → `adalovelace`). */
export const folderStem = (folder: string): string => folder.replace(/_(\d+|[A-Za-z0-9]{10})$/, '');

/** Who "me" is in Messenger threads: the names the owner goes by, compared folded. */
export class MessengerOwner {
  private readonly names = new Set<string>();
  displayName: string | undefined;

  add(name: string): void {
    const folded = foldName(name);
    if (folded === '') return;
    this.names.add(folded);
    this.displayName ??= name.trim();
  }

  get known(): boolean {
    return this.names.size > 0;
  }

  is(name: string): boolean {
    return this.names.has(foldName(name));
  }
}

/** The participant names of a thread page, mojibake repaired; reads only as far as `participants`. */
export async function peekParticipants(page: MessengerThread['pages'][number]): Promise<string[]> {
  let names: string[] = [];
  const records = readJsonBatches(page, {
    file: page.path,
    pick: (path) => path.length === 1 && path[0] === 'participants',
    value(_path, value) {
      names = arr(value)
        .map((p) => str(obj(p)?.name) ?? str(p))
        .filter((name): name is string => name !== undefined)
        .map(fixMojibake);
      return true;
    },
  });
  for await (const _ of records);
  return names;
}

/**
 * The owner when the export has no profile file: the participant in the most threads (all of
 * them, normally), ties broken by dropping anyone a one-to-one thread's folder is named after
 * (Meta names it after the other person). Undefined when that still leaves no single name.
 */
export async function guessOwner(threads: readonly MessengerThread[]): Promise<string | undefined> {
  const counts = new Map<string, { name: string; threads: number }>();
  const others = new Set<string>();
  for (const thread of threads) {
    const first = thread.pages[0];
    if (first === undefined) continue;
    const names = [...new Set(await peekParticipants(first))].filter((n) => !isDeletedAccount(n));
    const stem = slugOf(folderStem(thread.name));
    for (const name of names) {
      const folded = foldName(name);
      const seen = counts.get(folded) ?? { name, threads: 0 };
      seen.threads++;
      counts.set(folded, seen);
      if (names.length === 2 && slugOf(name) === stem) others.add(folded);
    }
  }
  const most = Math.max(0, ...[...counts.values()].map((c) => c.threads));
  let candidates = [...counts.entries()].filter(([, c]) => c.threads === most);
  if (candidates.length > 1) candidates = candidates.filter(([folded]) => !others.has(folded));
  return candidates.length === 1 ? candidates[0]![1].name : undefined;
}
