/** Test support (not a test): an export whose one file breaks off mid-read, like a damaged zip entry. */
import { Readable } from 'node:stream';
import type { ExportSource } from './types.js';

/** A source of one file that yields `head` and then fails with an inflate-like error. */
export function damagedSource(path: string, head: string): ExportSource {
  return {
    label: 'damaged export',
    entries: [
      {
        path,
        size: head.length * 2,
        open: async () =>
          Readable.from(
            (async function* () {
              yield Buffer.from(head);
              throw new Error('invalid stored block lengths');
            })(),
          ),
      },
    ],
    close: async () => {},
  };
}
