import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.js';

describe('contentHash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-hash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Larger than one read, and not a multiple of it; and an empty file.
  const big = randomBytes(2.5 * 1024 * 1024 + 17);
  const small = Buffer.from('From a@b Thu Jun 16 22:26:51 +0000 2016\n');
  writeFileSync(join(dir, 'big.mbox'), big);
  writeFileSync(join(dir, 'small.mbox'), small);
  writeFileSync(join(dir, 'empty.eml'), '');

  it('is the SHA-256 of every file in turn, each followed by a zero byte', async () => {
    const files = ['big.mbox', 'empty.eml', 'small.mbox'].map((f) => join(dir, f));
    const expected = createHash('sha256')
      .update(big)
      .update('\u0000')
      .update('\u0000')
      .update(small)
      .update('\u0000')
      .digest('hex');
    expect(await contentHash(files)).toBe(expected);
  });

  it('tells files apart by order and by where one ends', async () => {
    const a = await contentHash([join(dir, 'small.mbox'), join(dir, 'empty.eml')]);
    const b = await contentHash([join(dir, 'empty.eml'), join(dir, 'small.mbox')]);
    expect(a).not.toBe(b);
  });

  it('is null for a folder', async () => {
    expect(await contentHash([join(dir, 'small.mbox'), dir])).toBeNull();
  });
});
