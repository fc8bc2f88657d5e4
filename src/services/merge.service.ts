import { RapportError } from '../errors.js';
import { type DuplicateSuggestion, suggestDuplicates } from '../identity/duplicate-suggestions.js';
import type { Executor } from '../store/bulk-writer.js';
import { evaluationsRepository } from '../store/evaluations.repository.js';
import { identitiesRepository } from '../store/identities.repository.js';
import { type MovedWork, mergeMovesRepository, type Participation } from '../store/merge-moves.repository.js';
import { mergesRepository } from '../store/merges.repository.js';
import { colleaguesAt, type PersonPatch, peopleRepository } from '../store/people.repository.js';
import type { PersonRow } from '../store/schema.js';
import type { AppContext } from './app-context.js';
import { refreshEvaluations } from './evaluation.service.js';

export interface MergeOptions {
  reason: string;
  confidence?: number | null;
  importId?: number | null;
  now: number;
}

const FILLABLE = ['first_name', 'last_name', 'company', 'title', 'location'] as const;

/** What the kept person lacks and the merged one knows; an earlier connection date wins. */
function factsToFill(keep: PersonRow, merged: PersonRow): PersonPatch {
  const patch: PersonPatch = {};
  for (const field of FILLABLE) if (!keep[field] && merged[field]) patch[field] = merged[field];
  if (
    merged.connected_at !== null &&
    (keep.connected_at === null || merged.connected_at < keep.connected_at)
  ) {
    patch.connected_at = merged.connected_at;
  }
  return patch;
}

async function contact(db: Executor, id: number, role: string): Promise<PersonRow> {
  const person = await peopleRepository.get(db, id);
  if (!person) throw new RapportError('person.not_found', `There is no person #${id} (${role}).`, { id });
  if (person.is_owner)
    throw new RapportError('merge.invalid', `#${id} is you, not a contact; you cannot be merged.`, { id });
  return person;
}

/**
 * Merges `mergeId` into `keepId` within `db` (a transaction): identities, participations and
 * hand-logged interactions move over, missing facts are filled in, and a merge record keeps
 * what an exact unmerge needs. Returns the merge id. Throws person.not_found, merge.invalid.
 */
export async function mergeWithin(
  ctx: AppContext,
  db: Executor,
  keepId: number,
  mergeId: number,
  options: MergeOptions,
): Promise<number> {
  if (keepId === mergeId)
    throw new RapportError('merge.invalid', `#${keepId} and #${mergeId} are the same person.`);
  const [keep, merged] = [await contact(db, keepId, 'to keep'), await contact(db, mergeId, 'to merge')];
  const [identities, theirs, ours] = await Promise.all([
    identitiesRepository.listForPerson(db, mergeId),
    mergeMovesRepository.participations(db, mergeId),
    mergeMovesRepository.participations(db, keepId),
  ]);
  const shared = new Set(ours.map((p) => p.interaction_id));
  const collisions: Participation[] = theirs.filter((p) => shared.has(p.interaction_id));
  const manual = theirs
    .filter((p) => p.identity_id === null && !shared.has(p.interaction_id))
    .map((p) => p.interaction_id);
  const filled = factsToFill(keep, merged);
  await mergeMovesRepository.moveAll(
    db,
    mergeId,
    keepId,
    collisions.map((c) => c.interaction_id),
  );
  const work = await mergeMovesRepository.moveWork(db, mergeId, keepId);
  await peopleRepository.update(db, keepId, filled, options.now);
  const id = await mergesRepository.insert(db, {
    kept_person_id: keepId,
    merged_person_id: mergeId,
    merged_person: JSON.stringify(merged),
    identity_ids: JSON.stringify(identities.map((i) => i.id)),
    manual_interaction_ids: JSON.stringify(manual),
    plan_ids: JSON.stringify(work.planIds),
    deal_ids: JSON.stringify(work.deals),
    collisions: JSON.stringify(collisions),
    filled_facts: JSON.stringify({
      patch: filled,
      previous: Object.fromEntries(Object.keys(filled).map((f) => [f, keep[f as keyof PersonPatch]])),
    }),
    reason: options.reason,
    confidence: options.confidence ?? null,
    import_id: options.importId ?? null,
    created_at: options.now,
  });
  await peopleRepository.deleteMany(db, [mergeId]);
  await refreshEvaluations(ctx, db, [keepId], options.now);
  await evaluationsRepository.invalidate(
    db,
    await colleaguesAt(
      db,
      [keep.company, merged.company].flatMap((c) => (c ? [c.toLowerCase()] : [])),
    ),
  );
  return id;
}

/**
 * Undoes one merge exactly, within `db`: the merged person returns with their id, their
 * identities and every participation through them (later imports' included), their hand-logged
 * interactions, and the kept person loses the facts the merge filled in (where still unchanged).
 * Throws merge.not_found, merge.already_undone.
 */
export async function unmergeWithin(
  ctx: AppContext,
  db: Executor,
  mergeId: number,
  now: number,
): Promise<{ keptId: number; restoredId: number }> {
  const merge = await mergesRepository.get(db, mergeId);
  if (!merge)
    throw new RapportError(
      'merge.not_found',
      `There is no merge #${mergeId}; list them with: rapport merges.`,
      { mergeId },
    );
  if (merge.undone_at !== null)
    throw new RapportError('merge.already_undone', `Merge #${mergeId} was already undone.`, { mergeId });
  const keep = await peopleRepository.get(db, merge.kept_person_id);
  if (!keep) {
    throw new RapportError(
      'merge.invalid',
      `Merge #${mergeId} cannot be undone: the person it kept (#${merge.kept_person_id}) no longer exists.`,
      { mergeId },
    );
  }
  const person = JSON.parse(merge.merged_person) as PersonRow;
  await mergeMovesRepository.restorePerson(db, person);
  await mergeMovesRepository.moveBack(
    db,
    keep.id,
    person.id,
    JSON.parse(merge.identity_ids) as number[],
    JSON.parse(merge.manual_interaction_ids) as number[],
  );
  await mergeMovesRepository.restoreParticipations(
    db,
    person.id,
    JSON.parse(merge.collisions) as Participation[],
  );
  await mergeMovesRepository.moveWorkBack(db, keep.id, person.id, {
    planIds: JSON.parse(merge.plan_ids) as number[],
    // Merges recorded before plans and deals existed hold '[]'.
    deals: { moved: [], shared: [], ...(JSON.parse(merge.deal_ids) as Partial<MovedWork['deals']>) },
  });
  const filled = JSON.parse(merge.filled_facts) as { patch: PersonPatch; previous: PersonPatch };
  const revert: PersonPatch = {};
  for (const field of Object.keys(filled.patch) as (keyof PersonPatch)[]) {
    // Only what still holds the value the merge wrote: the user may have changed it since.
    if (keep[field] === filled.patch[field])
      Object.assign(revert, { [field]: filled.previous[field] ?? null });
  }
  await peopleRepository.update(db, keep.id, revert, now);
  await mergesRepository.markUndone(db, mergeId, now);
  await refreshEvaluations(ctx, db, [keep.id, person.id], now);
  return { keptId: keep.id, restoredId: person.id };
}

/** Merges two people in one transaction. */
export async function mergePeople(
  ctx: AppContext,
  keepId: number,
  mergeId: number,
  reason = 'merged by hand',
): Promise<number> {
  return ctx.store.db
    .transaction()
    .execute((trx) => mergeWithin(ctx, trx, keepId, mergeId, { reason, now: ctx.clock() }));
}

/** Undoes one merge in one transaction. */
export async function unmerge(
  ctx: AppContext,
  mergeId: number,
): Promise<{ keptId: number; restoredId: number }> {
  return ctx.store.db.transaction().execute((trx) => unmergeWithin(ctx, trx, mergeId, ctx.clock()));
}

export interface SuggestionView extends DuplicateSuggestion {
  keepName: string;
  mergeName: string;
}

/** Likely duplicates in the book, surest first; pairs a user has unmerged before are left out. */
export async function duplicateSuggestions(ctx: AppContext, minConfidence = 0): Promise<SuggestionView[]> {
  const db = ctx.store.db;
  const [people, identities, merges] = await Promise.all([
    peopleRepository.listContacts(db),
    db.selectFrom('identities').select(['person_id', 'network', 'key']).execute(),
    mergesRepository.list(db),
  ]);
  const byPerson = new Map<number, { network: string; key: string }[]>();
  for (const i of identities) {
    const list = byPerson.get(i.person_id);
    if (list) list.push(i);
    else byPerson.set(i.person_id, [i]);
  }
  const undone = new Set(
    merges.filter((m) => m.undone_at !== null).map((m) => pairKey(m.kept_person_id, m.merged_person_id)),
  );
  const names = new Map(people.map((p) => [p.id, p.display_name]));
  return suggestDuplicates(
    people.map((p) => ({
      id: p.id,
      displayName: p.display_name,
      company: p.company,
      identities: byPerson.get(p.id) ?? [],
    })),
  )
    .filter((s) => s.confidence >= minConfidence && !undone.has(pairKey(s.keepId, s.mergeId)))
    .map((s) => ({ ...s, keepName: names.get(s.keepId) ?? '', mergeName: names.get(s.mergeId) ?? '' }));
}

const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

export interface MergeView {
  id: number;
  keptId: number;
  mergedId: number;
  mergedName: string;
  reason: string;
  confidence: number | null;
  importId: number | null;
  createdAt: number;
  undoneAt: number | null;
}

/** Every merge, newest first. */
export async function listMerges(ctx: AppContext): Promise<MergeView[]> {
  return (await mergesRepository.list(ctx.store.db)).map((m) => ({
    id: m.id,
    keptId: m.kept_person_id,
    mergedId: m.merged_person_id,
    mergedName: (JSON.parse(m.merged_person) as PersonRow).display_name,
    reason: m.reason,
    confidence: m.confidence,
    importId: m.import_id,
    createdAt: m.created_at,
    undoneAt: m.undone_at,
  }));
}
