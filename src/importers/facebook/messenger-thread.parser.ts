import { foldName } from '../identity-keys.js';
import { arr, obj, pathLabel, readJsonBatches, str } from '../json-reader.js';
import { fixMojibake } from '../mojibake.js';
import type { IdentityRef, ImportRecord, SourceEntry } from '../types.js';
import { messageRecords, type ThreadContext } from './messenger-message.js';
import { isDeletedAccount, type MessengerOwner } from './messenger-owner.js';
import type { MessengerThread } from './meta-export.js';

/** How a network names the people of a thread. */
export interface ThreadPeople {
  network: ThreadContext['network'];
  /** The identities in a thread, from its participant names other than the owner's. */
  refs(
    thread: MessengerThread,
    others: readonly string[],
  ): { others: IdentityRef[]; refOf(name: string): IdentityRef | undefined };
}

const NO_OWNER =
  'Rapport cannot tell which participant is you: the export has no profile file and no name is in every conversation';

function participantNames(value: unknown): string[] {
  return arr(value)
    .map((p) => str(obj(p)?.name) ?? str(p))
    .filter((name): name is string => name !== undefined && name.trim() !== '')
    .map((name) => fixMojibake(name).trim());
}

/**
 * One page (`message_N.json`) of a Messenger thread → its messages and reactions. Messages
 * wait for `participants` (first in real files) to know who is in the conversation; without
 * it the senders stand in. More than one other participant makes it a group. Messages of
 * deleted accounts ("Facebook User", "Instagram User") are counted in a skipped record,
 * `<file>#deleted-accounts`, not imported.
 */
export async function* parseThreadPage(
  page: SourceEntry,
  thread: MessengerThread,
  owner: MessengerOwner,
  people: ThreadPeople,
): AsyncGenerator<ImportRecord[]> {
  const file = page.path;
  if (!owner.known) {
    yield [{ type: 'rejected', file, reason: NO_OWNER }];
    return;
  }
  let ctx: ThreadContext | undefined;
  let deletedNames = false;
  const pending: { where: string; raw: unknown }[] = [];
  const start = (names: readonly string[]): ThreadContext => {
    const folded = new Set<string>();
    const others: string[] = [];
    for (const name of names) {
      if (owner.is(name) || folded.has(foldName(name))) continue;
      folded.add(foldName(name));
      if (isDeletedAccount(name)) deletedNames = true;
      else others.push(name);
    }
    const refs = people.refs(thread, others);
    ctx = {
      file,
      network: people.network,
      threadId: `${thread.box}/${thread.name}`,
      group: folded.size > 1,
      owner,
      others: refs.others,
      refOf: refs.refOf,
      deleted: 0,
    };
    return ctx;
  };
  const end = yield* readJsonBatches(page, {
    file,
    pick: (p) => (p.length === 1 && p[0] === 'participants') || (p.length === 2 && p[0] === 'messages'),
    value(path, value, out) {
      if (path.length === 1) {
        const started = ctx ?? start(participantNames(value));
        for (const { where, raw } of pending.splice(0)) messageRecords(started, where, raw, out);
        return undefined;
      }
      if (ctx) messageRecords(ctx, pathLabel(path), value, out);
      else pending.push({ where: pathLabel(path), raw: value });
      return undefined;
    },
  });
  const out: ImportRecord[] = [];
  if (ctx === undefined) {
    const senders = pending.map(({ raw }) => str(obj(raw)?.sender_name)).filter((s) => s !== undefined);
    const started = start(senders.map(fixMojibake));
    for (const { where, raw } of pending.splice(0)) messageRecords(started, where, raw, out);
  }
  const done = ctx as ThreadContext | undefined;
  if (
    done !== undefined &&
    done.others.length === 0 &&
    !deletedNames &&
    done.deleted > 0 &&
    end !== 'broken'
  ) {
    out.push({ type: 'rejected', file, reason: 'no one but you in this conversation' });
  } else if (done !== undefined && done.deleted > 0) {
    const n = done.deleted;
    out.push({
      type: 'file',
      file: `${file}#deleted-accounts`,
      status: 'skipped',
      reason: `${n} message${n === 1 ? '' : 's'} with a deleted account, who cannot be told apart from others`,
    });
  }
  if (out.length > 0) yield out;
}

/** Every page of every thread, announced before its records. */
export async function* readThreads(
  threads: readonly MessengerThread[],
  owner: MessengerOwner,
  people: ThreadPeople,
): AsyncGenerator<ImportRecord[]> {
  for (const thread of threads) {
    for (const page of thread.pages) {
      yield [{ type: 'file', file: page.path, status: 'reading', bytes: page.size }];
      yield* parseThreadPage(page, thread, owner, people);
    }
  }
}
