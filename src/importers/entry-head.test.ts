import { describe, expect, it } from 'vitest';
import { isRapportError } from '../errors.js';
import { isBinaryName, readHead, SNIFF_ENTRIES, someEntryLooksLike } from './entry-head.js';
import { memorySource } from './fixture-export.test-support.js';
import type { SourceEntry } from './types.js';

describe('entry heads', () => {
  it('reads at most the asked bytes, across chunks', async () => {
    const [entry] = memorySource({ 'a.txt': 'x'.repeat(10_000) }, { chunkSize: 333 }).entries;
    expect((await readHead(entry!, 1000)).length).toBe(1000);
    const [short] = memorySource({ 'b.txt': 'abc' }).entries;
    expect((await readHead(short!)).toString()).toBe('abc');
  });

  it('sniffs text entries only, and reports an unreadable one as RapportError', async () => {
    const seen: string[] = [];
    const source = memorySource({ 'p.jpg': 'From x', 'empty.txt': '', 'a.txt': 'no', 'b.txt': 'yes' });
    const found = await someEntryLooksLike(source, (head, entry) => {
      seen.push(entry.path);
      return head.toString() === 'yes';
    });
    expect([found, seen]).toEqual([true, ['a.txt', 'b.txt']]);
    expect(isBinaryName('media/VID-2021.MP4')).toBe(true);
    expect(SNIFF_ENTRIES).toBeGreaterThan(0);
    const broken: SourceEntry = { path: 'x.txt', size: 1, open: () => Promise.reject(new Error('bad zip')) };
    await expect(readHead(broken)).rejects.toSatisfy(
      (error) => isRapportError(error) && error.code === 'import.unreadable',
    );
  });
});
