import type { ImportRecord } from './types.js';

/**
 * Importer.parse from Importer.parseBatches: the same records in the same order, one at a time.
 */
export function oneByOne<Args extends unknown[]>(
  batches: (...args: Args) => AsyncIterable<readonly ImportRecord[]>,
): (...args: Args) => AsyncGenerator<ImportRecord> {
  return async function* (...args: Args) {
    for await (const batch of batches(...args)) yield* batch;
  };
}
