import type { BulkWriter } from '../bulk-writer.js';

// PostgreSQL allows 65,535 bind parameters per statement; 14 columns × 2,000 rows stays well below.
const BATCH = 2000;

/** PostgreSQL writer: multi-row inserts that skip duplicates and return the ids they created. */
export function postgresBulkWriter(): BulkWriter {
  return {
    async insertInteractions(executor, rows) {
      const ids: (number | null)[] = [];
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const inserted = await executor
          .insertInto('interactions')
          .values(batch)
          .onConflict((oc) => oc.columns(['source', 'external_id']).doNothing())
          .returning(['id', 'source', 'external_id'])
          .execute();
        const byKey = new Map(inserted.map((r) => [`${r.source}\u0000${r.external_id}`, r.id]));
        for (const row of batch) {
          const key = `${row.source}\u0000${row.external_id}`;
          const id = byKey.get(key);
          ids.push(id ?? null);
          // The same external id twice in one batch: only the first is new.
          if (id !== undefined) byKey.delete(key);
        }
      }
      return ids;
    },
    async insertPerson(executor, row) {
      return (await executor.insertInto('people').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },
    async insertIdentity(executor, row) {
      return (await executor.insertInto('identities').values(row).returning('id').executeTakeFirstOrThrow())
        .id;
    },
    async insertEvaluations(executor, rows) {
      // 22 columns × 1,000 rows stays under the parameter limit.
      for (let start = 0; start < rows.length; start += 1000)
        await executor
          .insertInto('person_evaluations')
          .values(rows.slice(start, start + 1000))
          .execute();
    },
    async insertParticipants(executor, rows) {
      for (let start = 0; start < rows.length; start += BATCH) {
        await executor
          .insertInto('interaction_participants')
          .values(rows.slice(start, start + BATCH))
          .onConflict((oc) => oc.columns(['interaction_id', 'person_id']).doNothing())
          .execute();
      }
    },
  };
}
