import type { NewInteraction } from '../../src/store/schema.js';

/** A one-to-one LinkedIn message row at `at`, for tests that write the store directly. */
export function interactionRow(at: number, overrides: Partial<NewInteraction> = {}): NewInteraction {
  return {
    source: 'linkedin',
    external_id: 'm1',
    import_id: null,
    occurred_at: at,
    channel: 'message',
    network: 'linkedin',
    direction: 'in',
    audience: 'one_to_one',
    length: 12,
    thread_id: 't1',
    snippet: 'hello',
    activity: null,
    note: null,
    created_at: at,
    ...overrides,
  };
}
