import type { Touch } from '../core/types.js';
import { factsPatch, fallbackDisplayName } from '../identity/person-facts.js';
import type {
  ContactRecord,
  IdentityRef,
  InteractionRecord,
  OwnerRecord,
  PersonFacts,
} from '../importers/types.js';
import type { Executor, ParticipantInsert } from '../store/bulk-writer.js';
import { identitiesRepository } from '../store/identities.repository.js';
import { type PersonPatch, peopleRepository } from '../store/people.repository.js';
import type { NewInteraction } from '../store/schema.js';
import type { AppContext } from './app-context.js';
import type { FileReport, ReportBuilder } from './import-report.js';
import { mergeWithin } from './merge.service.js';
import { TouchLog } from './touch-log.js';

interface KnownIdentity {
  identityId: number;
  personId: number;
  /** Whether the stored identity has a display name; a later record may bring one. */
  named: boolean;
}

interface Pending {
  row: NewInteraction;
  file: FileReport;
  participants: KnownIdentity[];
}

// Interactions go to the database in batches: large enough to amortise each round trip,
// small enough to keep memory flat on exports with millions of messages. A writer with no
// round trips to amortise (SQLite) asks for smaller ones: rows held briefly die young, and the
// garbage collector then keeps the heap small.
const BATCH_SIZE = 1000;

/**
 * Values by network, then by account key. Looked up for every participant of every record: a
 * map per network spares building a combined key string (and hashing it afresh) each time.
 */
class ByIdentity<V> {
  private readonly networks = new Map<string, Map<string, V>>();

  get(network: string, key: string): V | undefined {
    return this.networks.get(network)?.get(key);
  }

  has(network: string, key: string): boolean {
    return this.networks.get(network)?.has(key) ?? false;
  }

  set(network: string, key: string, value: V): void {
    let keys = this.networks.get(network);
    if (keys === undefined) {
      keys = new Map();
      this.networks.set(network, keys);
    }
    keys.set(key, value);
  }

  /** Replaces every value `change` returns a new one for. */
  update(change: (value: V) => V | undefined): void {
    for (const keys of this.networks.values())
      for (const [key, value] of keys) {
        const changed = change(value);
        if (changed !== undefined) keys.set(key, changed);
      }
  }
}

/**
 * One import inside one transaction: resolves identities to people (creating what is new),
 * writes interactions in batches, and counts every record into the report.
 */
export class ImportSession {
  private readonly known = new ByIdentity<KnownIdentity>();
  private readonly loadedNetworks = new Set<string>();
  private readonly ownerKeys = new ByIdentity<true>();
  private ownerPersonId: number | null = null;
  private ownerCounted = false;
  private pending: Pending[] = [];
  /** People whose interactions changed, to re-evaluate at the end. */
  readonly touchedPeople = new Set<number>();
  /** Every touch of the people this import created: all they have, so no read-back is needed. */
  readonly newPeopleTouches = new TouchLog();
  /** Companies of contacts this import added or changed: their colleagues' structure term moves. */
  readonly companies = new Set<string>();
  /** Merges this import made by certain matches. */
  readonly merges: number[] = [];
  /** The owner's location changed: whether each contact is in the same city may have too. */
  ownerMoved = false;
  readonly sighted = new Set<number>();
  /** Contacts and interactions found, duplicates included: zero means the import found nothing. */
  recordsFound = 0;

  constructor(
    private readonly ctx: AppContext,
    private readonly db: Executor,
    private readonly importId: number,
    private readonly source: string,
    private readonly report: ReportBuilder,
    private readonly now: number,
  ) {}

  async start(): Promise<void> {
    const owner = await peopleRepository.owner(this.db);
    if (!owner) return;
    this.ownerPersonId = owner.id;
    for (const identity of await identitiesRepository.listForPerson(this.db, owner.id)) {
      this.ownerKeys.set(identity.network, identity.key, true);
    }
  }

  async owner(record: OwnerRecord): Promise<void> {
    // The first owner record says who the owner is; later ones (e.g. a profile URL learned
    // from the messages) only add identities and are not records of their own in the report.
    const counted = this.ownerCounted;
    this.ownerCounted = true;
    const file = this.report.file(record.file);
    if (!counted) file.read++;
    if (this.ownerPersonId === null) {
      this.ownerPersonId = await this.createPerson(record.person, true);
      if (!counted) file.imported++;
    } else {
      if (!counted) file.duplicates++;
      const stored = await peopleRepository.get(this.db, this.ownerPersonId);
      if (stored) {
        const patch = factsPatch(stored, record.person);
        if (patch.location !== undefined) this.ownerMoved = true;
        await peopleRepository.update(this.db, stored.id, patch, this.now);
      }
    }
    await this.addOwnerIdentities(record.identities);
  }

  /** Records the owner's accounts; returns whether any was new. */
  private async addOwnerIdentities(refs: readonly IdentityRef[]): Promise<boolean> {
    let added = false;
    for (const ref of refs) {
      this.ownerKeys.set(ref.network, ref.key, true);
      const existing = await this.lookup(ref);
      // An identity already filed under a contact stays there; it is still recognised as "me".
      if (!existing && this.ownerPersonId !== null) {
        await this.addIdentity(ref, this.ownerPersonId);
        added = true;
      }
    }
    return added;
  }

  async contact(record: ContactRecord): Promise<void> {
    const file = this.report.file(record.file);
    file.read++;
    this.recordsFound++;
    if (record.identities.some((ref) => this.isOwner(ref))) {
      // A card or row that names one of your own accounts is you: its other accounts are yours too.
      const added = await this.addOwnerIdentities(record.identities);
      if (added) file.imported++;
      else file.duplicates++;
      return;
    }
    const refs = record.identities;
    const found = await Promise.all(refs.map((ref) => this.lookup(ref)));
    let personId = found.find((f) => f !== undefined)?.personId;
    let added = false;
    if (personId !== undefined) await this.mergeCertainMatches(personId, refs, found, record.file);
    if (personId === undefined) {
      personId = await this.createPerson(record.person, false, record.connectedAt);
      added = true;
      if (record.person.company) this.companies.add(record.person.company.toLowerCase());
    } else {
      await this.refreshFacts(personId, record.person, record.connectedAt);
    }
    for (const [i, ref] of refs.entries()) {
      if (found[i] === undefined) {
        await this.addIdentity(ref, personId);
        added = true;
      }
    }
    if (added) file.imported++;
    else file.duplicates++;
  }

  /**
   * Takes one interaction. Returns a promise only when it must wait (a new person or account to
   * store, a batch to write): most records of a large export name people already known, and
   * costing them no async step each keeps a million-message import's overhead small.
   */
  interaction(record: InteractionRecord): Promise<void> | undefined {
    const participants: KnownIdentity[] = [];
    for (const ref of record.participants) {
      if (this.isOwner(ref)) continue;
      const known = this.knownNow(ref);
      if (known === undefined) return this.interactionResolving(record);
      participants.push(known);
    }
    return this.take(record, participants);
  }

  /** The slow path of `interaction`: some participant must be looked up or created first. */
  private async interactionResolving(record: InteractionRecord): Promise<void> {
    const participants: KnownIdentity[] = [];
    for (const ref of record.participants) {
      if (this.isOwner(ref)) continue;
      participants.push((await this.lookup(ref)) ?? (await this.createFromRef(ref)));
    }
    await this.take(record, participants);
  }

  private take(record: InteractionRecord, participants: KnownIdentity[]): Promise<void> | undefined {
    const file = this.report.file(record.file);
    this.recordsFound++;
    if (participants.length === 0) {
      this.report.reject(record.file, record.line, 'no one but you took part');
      return undefined;
    }
    file.read++;
    const length = record.length ?? null;
    this.pending.push({
      file,
      participants,
      row: {
        source: this.source,
        external_id: record.externalId,
        import_id: this.importId,
        occurred_at: record.at,
        channel: record.channel,
        network: record.network,
        direction: record.direction,
        audience: record.audience,
        length,
        thread_id: record.threadId ?? null,
        snippet: record.snippet ?? null,
        activity: null,
        note: null,
        created_at: this.now,
      },
    });
    return this.pending.length >= (this.ctx.store.bulk.batchRows ?? BATCH_SIZE) ? this.flush() : undefined;
  }

  /**
   * One record naming identities that belong to different people is a certain match (an
   * export's own cross-link, like a contact card with a LinkedIn URL and an email): merge them.
   */
  private async mergeCertainMatches(
    keepId: number,
    refs: readonly IdentityRef[],
    found: readonly (KnownIdentity | undefined)[],
    file: string,
  ): Promise<void> {
    const others = [...new Set(found.flatMap((f) => (f && f.personId !== keepId ? [f.personId] : [])))];
    if (others.length === 0) return;
    await this.flush();
    for (const other of others) {
      const via = refs.filter((_, i) => found[i]?.personId === other).map((r) => `${r.network} ${r.key}`);
      const mergeId = await mergeWithin(this.ctx, this.db, keepId, other, {
        reason: `certain match: ${file} names ${via.join(', ')} for the same person`,
        confidence: 1,
        importId: this.importId,
        now: this.now,
      });
      this.merges.push(mergeId);
      this.known.update((known) => (known.personId === other ? { ...known, personId: keepId } : undefined));
      this.touchedPeople.delete(other);
      this.touchedPeople.add(keepId);
      this.newPeopleTouches.forget(other);
      this.newPeopleTouches.forget(keepId);
    }
  }

  /** Writes the buffered interactions; call before reading them back and at the end. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const ids = await this.ctx.store.bulk.insertInteractions(
      this.db,
      batch.map((p) => p.row),
    );
    const participants: ParticipantInsert[] = [];
    for (const [i, item] of batch.entries()) {
      const id = ids[i];
      if (id === null || id === undefined) {
        item.file.duplicates++;
        continue;
      }
      item.file.imported++;
      const row = item.row;
      // Made here rather than held with the row: short-lived objects are the cheap ones.
      const touch: Touch = {
        at: row.occurred_at,
        channel: row.channel as Touch['channel'],
        network: row.network as Touch['network'],
        direction: row.direction as Touch['direction'],
        audience: row.audience as Touch['audience'],
        length: row.length ?? null,
      };
      if (row.audience === 'group') this.newPeopleTouches.addGroup(item.participants.map((p) => p.personId));
      for (const p of item.participants) {
        participants.push({
          interaction_id: id,
          person_id: p.personId,
          identity_id: p.identityId,
          occurred_at: item.row.occurred_at,
        });
        this.touchedPeople.add(p.personId);
        this.newPeopleTouches.add(p.personId, touch);
      }
    }
    await this.ctx.store.bulk.insertParticipants(this.db, participants);
  }

  private isOwner(ref: IdentityRef): boolean {
    return this.ownerKeys.has(ref.network, ref.key);
  }

  /**
   * The identity when it is known and nothing needs storing about it (its network's accounts
   * are loaded, and it needs no name it could learn from `ref`); undefined otherwise.
   */
  private knownNow(ref: IdentityRef): KnownIdentity | undefined {
    if (!this.loadedNetworks.has(ref.network)) return undefined;
    const found = this.known.get(ref.network, ref.key);
    if (found === undefined || (!found.named && ref.displayName)) return undefined;
    this.sighted.add(found.identityId);
    return found;
  }

  private async lookup(ref: IdentityRef): Promise<KnownIdentity | undefined> {
    if (!this.loadedNetworks.has(ref.network)) {
      this.loadedNetworks.add(ref.network);
      for (const row of await identitiesRepository.listByNetworks(this.db, [ref.network])) {
        this.known.set(row.network, row.key, {
          identityId: row.id,
          personId: row.person_id,
          named: row.display_name !== null,
        });
      }
    }
    const found = this.known.get(ref.network, ref.key);
    if (found) {
      this.sighted.add(found.identityId);
      if (!found.named && ref.displayName) await this.learnName(found, ref);
    }
    return found;
  }

  /**
   * An account first seen without a name (a follower known by id) gets the name a later record
   * brings, and so does its person when that account is all they are known by.
   */
  private async learnName(found: KnownIdentity, ref: IdentityRef): Promise<void> {
    found.named = true;
    const name = ref.displayName!;
    await identitiesRepository.setNames(this.db, found.identityId, name, ref.handle);
    // A person known only through this nameless account carries a placeholder name.
    const identities = await identitiesRepository.listForPerson(this.db, found.personId);
    if (identities.length === 1) {
      await peopleRepository.update(this.db, found.personId, { display_name: name }, this.now);
    }
  }

  private async createFromRef(ref: IdentityRef): Promise<KnownIdentity> {
    const personId = await this.createPerson(
      { displayName: fallbackDisplayName(ref.key, ref.displayName) },
      false,
    );
    return this.addIdentity(ref, personId);
  }

  private async createPerson(facts: PersonFacts, isOwner: boolean, connectedAt?: number): Promise<number> {
    const id = await this.ctx.store.bulk.insertPerson(this.db, {
      display_name: facts.displayName,
      first_name: facts.firstName ?? null,
      last_name: facts.lastName ?? null,
      company: facts.company ?? null,
      title: facts.title ?? null,
      location: facts.location ?? null,
      connected_at: connectedAt ?? null,
      is_owner: isOwner ? 1 : 0,
      import_id: this.importId,
      created_at: this.now,
      updated_at: this.now,
    });
    if (!isOwner) {
      this.report.peopleCreated++;
      this.touchedPeople.add(id);
      this.newPeopleTouches.open(id);
    }
    return id;
  }

  private async addIdentity(ref: IdentityRef, personId: number): Promise<KnownIdentity> {
    const identityId = await this.ctx.store.bulk.insertIdentity(this.db, {
      person_id: personId,
      network: ref.network,
      key: ref.key,
      handle: ref.handle ?? null,
      external_id: ref.externalId ?? null,
      profile_url: ref.profileUrl ?? null,
      display_name: ref.displayName ?? null,
      import_id: this.importId,
      created_at: this.now,
    });
    const known = { identityId, personId, named: Boolean(ref.displayName) };
    this.known.set(ref.network, ref.key, known);
    this.sighted.add(identityId);
    return known;
  }

  /** Refreshes what the export says about a known person; an earlier connection date wins. */
  private async refreshFacts(
    personId: number,
    facts: PersonFacts,
    connectedAt: number | undefined,
  ): Promise<void> {
    const stored = await peopleRepository.get(this.db, personId);
    if (!stored) return;
    const patch: PersonPatch = factsPatch(stored, facts);
    if (connectedAt !== undefined && (stored.connected_at === null || connectedAt < stored.connected_at)) {
      patch.connected_at = connectedAt;
    }
    if (Object.keys(patch).length === 0) return;
    await peopleRepository.update(this.db, personId, patch, this.now);
    this.touchedPeople.add(personId);
    for (const company of [stored.company, patch.company])
      if (company) this.companies.add(company.toLowerCase());
  }
}
