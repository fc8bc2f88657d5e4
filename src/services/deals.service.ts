import { RapportError } from '../errors.js';
import type { Executor } from '../store/bulk-writer.js';
import { type DealPatch, dealsRepository } from '../store/deals.repository.js';
import type { DealRow, PersonRow } from '../store/schema.js';
import type { AppContext } from './app-context.js';
import { refreshEvaluations } from './evaluation.service.js';
import { findPerson } from './person-lookup.js';

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
export type DealOutcome = Exclude<DealStatus, 'open'>;

/** A deal without its people, as a person's page lists it. */
export interface DealSummary {
  id: number;
  title: string;
  stage: string;
  status: DealStatus;
  value: number | null;
  currency: string | null;
  openedAt: number;
  closedAt: number | null;
  note: string | null;
}

export interface DealDetail extends DealSummary {
  people: { id: number; name: string }[];
}

export interface NewDealInput {
  title: string;
  /** Names or ids ("Ada", "#12"); at least one. */
  people: readonly string[];
  stage?: string | undefined;
  value?: number | null | undefined;
  currency?: string | null | undefined;
  /** When it opened (ms); defaults to now. */
  openedAt?: number | undefined;
  note?: string | undefined;
}

export interface DealChanges {
  title?: string | undefined;
  stage?: string | undefined;
  /** null removes the value. */
  value?: number | null | undefined;
  /** null removes the currency. */
  currency?: string | null | undefined;
  addPeople?: readonly string[] | undefined;
  removePeople?: readonly string[] | undefined;
  /** An empty note removes it. */
  note?: string | undefined;
}

export const DEFAULT_STAGE = 'lead';
// Bounds that catch a pasted paragraph or a mistyped value without limiting real use.
const MAX_TITLE = 200;
const MAX_STAGE = 40;
const MAX_VALUE = 1e15;

const invalid = (message: string, details: Record<string, unknown> = {}) =>
  new RapportError('input.invalid', message, details);

function summaryOf(row: DealRow): DealSummary {
  return {
    id: Number(row.id),
    title: row.title,
    stage: row.stage,
    status: row.status as DealStatus,
    value: row.value,
    currency: row.currency,
    openedAt: Number(row.opened_at),
    closedAt: row.closed_at === null ? null : Number(row.closed_at),
    note: row.note,
  };
}

/** "#3" or "3" → 3; throws input.invalid. */
export function parseDealId(value: string | number): number {
  const id = typeof value === 'number' ? value : Number(/^#?(\d+)$/.exec(value.trim())?.[1] ?? Number.NaN);
  if (!Number.isSafeInteger(id) || id < 1)
    throw invalid(`"${value}" is not a deal id; use the number from rapport deal list, e.g. 3 or #3.`, {
      value,
    });
  return id;
}

function checkTitle(title: string): string {
  const text = title.trim();
  if (!text) throw invalid('Give the deal a title, e.g. "Pilot at Analytical Engines".');
  if (text.length > MAX_TITLE) throw invalid(`A deal title is at most ${MAX_TITLE} characters.`);
  return text;
}

function checkStage(stage: string): string {
  const text = stage.trim();
  if (!text || text.length > MAX_STAGE)
    throw invalid(
      `A stage is a word or two of at most ${MAX_STAGE} characters, e.g. lead, proposal, negotiation.`,
    );
  return text;
}

function checkValue(value: number | null): number | null {
  if (value === null) return null;
  if (!Number.isFinite(value) || value < 0 || value > MAX_VALUE)
    throw invalid(`A deal value is a number from 0 up (got ${value}); give the currency with --currency.`, {
      value,
    });
  return value;
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 code in any case → upper case; throws input.invalid. */
function checkCurrency(currency: string | null): string | null {
  if (currency === null) return null;
  const code = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !CURRENCIES.has(code))
    throw invalid(
      `"${currency}" is not an ISO 4217 currency code; use three letters such as EUR, USD or GBP.`,
      {
        currency,
      },
    );
  return code;
}

function checkTime(at: number, now: number, what: string): number {
  if (!Number.isFinite(at)) throw invalid(`The ${what} date is not a valid date; use e.g. 2026-11-28.`);
  if (at > now) throw invalid(`The ${what} date is in the future; deals are recorded once they happen.`);
  return at;
}

const note = (text: string | undefined) => text?.trim() || null;

/** The people named, each once, by id. */
async function lookUpPeople(db: Executor, names: readonly string[]): Promise<Map<number, PersonRow>> {
  const people = new Map<number, PersonRow>();
  for (const name of names) {
    const person = await findPerson(db, name);
    people.set(Number(person.id), person);
  }
  return people;
}

async function dealRow(db: Executor, id: number): Promise<DealRow> {
  const row = await dealsRepository.get(db, id);
  if (!row)
    throw new RapportError(
      'deal.not_found',
      `There is no deal #${id}. List deals with: rapport deal list --all`,
      {
        id,
      },
    );
  return row;
}

async function memberIds(db: Executor, dealId: number): Promise<number[]> {
  return (await dealsRepository.members(db, [dealId])).map((m) => Number(m.person_id));
}

async function details(db: Executor, rows: readonly DealRow[]): Promise<DealDetail[]> {
  const members = await dealsRepository.members(
    db,
    rows.map((r) => Number(r.id)),
  );
  const byDeal = new Map<number, { id: number; name: string }[]>();
  for (const m of members) {
    const list = byDeal.get(Number(m.deal_id)) ?? [];
    list.push({ id: Number(m.person_id), name: m.display_name });
    byDeal.set(Number(m.deal_id), list);
  }
  return rows.map((row) => ({ ...summaryOf(row), people: byDeal.get(Number(row.id)) ?? [] }));
}

/** One deal with its people. Throws input.invalid, deal.not_found. */
export async function getDeal(ctx: AppContext, id: string | number): Promise<DealDetail> {
  const row = await dealRow(ctx.store.db, parseDealId(id));
  return (await details(ctx.store.db, [row]))[0]!;
}

/**
 * Opens a deal with one or more people; they rank first in Today while it is open. Throws
 * input.invalid (title, stage, value, currency, date, no people), person.not_found, person.ambiguous.
 */
export async function addDeal(ctx: AppContext, input: NewDealInput): Promise<DealDetail> {
  const now = ctx.clock();
  const title = checkTitle(input.title);
  const stage = checkStage(input.stage ?? DEFAULT_STAGE);
  const value = checkValue(input.value ?? null);
  const currency = checkCurrency(input.currency ?? null);
  const openedAt = checkTime(input.openedAt ?? now, now, 'opening');
  if (input.people.length === 0)
    throw invalid('Name who the deal is with: --with "Ada Lovelace" (repeat --with for more people).');
  const id = await ctx.store.db.transaction().execute(async (trx) => {
    const people = [...(await lookUpPeople(trx, input.people)).keys()];
    const id = await dealsRepository.insert(trx, {
      title,
      stage,
      status: 'open',
      value,
      currency,
      opened_at: openedAt,
      closed_at: null,
      note: note(input.note),
      created_at: now,
      updated_at: now,
    });
    await dealsRepository.addPeople(trx, id, people);
    await refreshEvaluations(ctx, trx, people, now);
    return id;
  });
  return getDeal(ctx, id);
}

/**
 * Changes a deal's title, stage, value, currency, note or people (open or closed). Throws
 * input.invalid (nothing to change, a bad value, removing someone not in it or its last person),
 * deal.not_found, person.not_found, person.ambiguous.
 */
export async function updateDeal(
  ctx: AppContext,
  id: string | number,
  changes: DealChanges,
): Promise<DealDetail> {
  const dealId = parseDealId(id);
  const patch: DealPatch = {};
  if (changes.title !== undefined) patch.title = checkTitle(changes.title);
  if (changes.stage !== undefined) patch.stage = checkStage(changes.stage);
  if (changes.value !== undefined) patch.value = checkValue(changes.value);
  if (changes.currency !== undefined) patch.currency = checkCurrency(changes.currency);
  if (changes.note !== undefined) patch.note = note(changes.note);
  const adding = changes.addPeople ?? [];
  const removing = changes.removePeople ?? [];
  if (Object.keys(patch).length === 0 && adding.length === 0 && removing.length === 0)
    throw invalid(
      'Say what to change: --title, --stage, --value, --currency, --note, --add NAME or --remove NAME.',
    );
  const now = ctx.clock();
  await ctx.store.db.transaction().execute(async (trx) => {
    const row = await dealRow(trx, dealId);
    const before = new Set(await memberIds(trx, dealId));
    const added = [...(await lookUpPeople(trx, adding)).keys()].filter((p) => !before.has(p));
    const toRemove = await lookUpPeople(trx, removing);
    const stranger = [...toRemove.values()].find((p) => !before.has(Number(p.id)));
    if (stranger !== undefined)
      throw invalid(
        `${stranger.display_name} (#${stranger.id}) is not in deal #${dealId}; see who is: rapport deal list --all`,
        { person: Number(stranger.id) },
      );
    const removed = [...toRemove.keys()];
    const after = new Set([...before, ...added].filter((p) => !removed.includes(p)));
    if (after.size === 0)
      throw invalid(
        `A deal needs at least one person; add someone to deal #${dealId} before removing the last.`,
      );
    await dealsRepository.update(trx, dealId, patch, now);
    await dealsRepository.removePeople(trx, dealId, removed);
    await dealsRepository.addPeople(trx, dealId, added);
    // Only an open deal's membership changes who has an open deal.
    const changed = [...added, ...removed];
    if (row.status === 'open' && changed.length > 0) await refreshEvaluations(ctx, trx, changed, now);
  });
  return getDeal(ctx, dealId);
}

/** Open deals (or every deal), open first, then the most recently opened, each with its people. */
export async function listDeals(
  ctx: AppContext,
  options: { all?: boolean } = {},
): Promise<{ deals: DealDetail[] }> {
  const rows = await dealsRepository.list(ctx.store.db, { openOnly: !options.all });
  return { deals: await details(ctx.store.db, rows) };
}

/**
 * Closes an open deal as won or lost, at `at` (default now; not before it opened, not in the
 * future). Throws input.invalid, deal.not_found, deal.already_closed.
 */
export async function closeDeal(
  ctx: AppContext,
  id: string | number,
  input: { outcome: string; at?: number | undefined },
): Promise<DealDetail> {
  const dealId = parseDealId(id);
  const outcome = input.outcome.toLowerCase();
  if (outcome !== 'won' && outcome !== 'lost')
    throw invalid(`A deal closes as won or lost (got "${input.outcome}"): use --won or --lost.`);
  const now = ctx.clock();
  const at = checkTime(input.at ?? now, now, 'closing');
  await ctx.store.db.transaction().execute(async (trx) => {
    const row = await dealRow(trx, dealId);
    if (row.status !== 'open')
      throw new RapportError(
        'deal.already_closed',
        `Deal #${dealId} was already closed as ${row.status}; reopen it first with: rapport deal reopen ${dealId}`,
        { id: dealId, status: row.status },
      );
    if (at < Number(row.opened_at))
      throw invalid(
        `Deal #${dealId} cannot close before it opened; give a closing date on or after it opened.`,
        {
          openedAt: Number(row.opened_at),
        },
      );
    await dealsRepository.update(trx, dealId, { status: outcome, closed_at: at }, now);
    await refreshEvaluations(ctx, trx, await memberIds(trx, dealId), now);
  });
  return getDeal(ctx, dealId);
}

/** Opens a closed deal again (a lost deal revived, a win closed by mistake). Throws input.invalid, deal.not_found, deal.not_closed. */
export async function reopenDeal(ctx: AppContext, id: string | number): Promise<DealDetail> {
  const dealId = parseDealId(id);
  const now = ctx.clock();
  await ctx.store.db.transaction().execute(async (trx) => {
    const row = await dealRow(trx, dealId);
    if (row.status === 'open')
      throw new RapportError('deal.not_closed', `Deal #${dealId} is open already.`, { id: dealId });
    await dealsRepository.update(trx, dealId, { status: 'open', closed_at: null }, now);
    await refreshEvaluations(ctx, trx, await memberIds(trx, dealId), now);
  });
  return getDeal(ctx, dealId);
}

/** The deals a person is in, open first. */
export async function dealsOfPerson(db: Executor, personId: number): Promise<DealSummary[]> {
  return (await dealsRepository.forPerson(db, personId)).map(summaryOf);
}
