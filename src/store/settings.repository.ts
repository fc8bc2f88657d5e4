import type { Executor } from './bulk-writer.js';

/** Small JSON settings by key (scoring overrides, the user's city…). */
export const settingsRepository = {
  async get<T>(db: Executor, key: string): Promise<T | undefined> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row ? (JSON.parse(row.value) as T) : undefined;
  },

  async set(db: Executor, key: string, value: unknown): Promise<void> {
    const json = JSON.stringify(value);
    await db
      .insertInto('settings')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
      .execute();
  },
};
