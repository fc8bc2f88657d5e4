import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { memorySource, utf16le } from './fixture-export.test-support.js';
import { DecodedText, readAllText, sniffEncoding } from './text-decode.js';

async function decode(
  bytes: Buffer,
  chunkSize = 1 << 16,
): Promise<{ text: string; encoding: string | undefined; bytes: number }> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const decoded = new DecodedText(Readable.from(chunks));
  let text = '';
  for await (const chunk of decoded) text += chunk;
  return { text, encoding: decoded.encoding, bytes: decoded.bytesRead };
}

const sample = 'Nom,Société\n"Zoë","Ünïcødé 😀"\n';

describe('sniffEncoding', () => {
  it('recognises byte-order marks and BOM-less UTF-16', () => {
    expect(sniffEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(sniffEncoding(Buffer.from([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(sniffEncoding(Buffer.from([0xfe, 0xff, 0, 0x41]))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
    expect(sniffEncoding(Buffer.from('ab', 'utf16le'))).toEqual({ encoding: 'utf-16le', bomLength: 0 });
    expect(sniffEncoding(Buffer.from('abcd'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(sniffEncoding(Buffer.alloc(0))).toEqual({ encoding: 'utf-8', bomLength: 0 });
  });
});

describe('DecodedText', () => {
  it('decodes UTF-8 with and without a BOM, whatever the chunk size', async () => {
    const plain = Buffer.from(sample, 'utf8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    for (const size of [1, 2, 3, 5, 64]) {
      expect(await decode(plain, size)).toEqual({ text: sample, encoding: 'utf-8', bytes: plain.length });
      expect(await decode(bom, size)).toEqual({ text: sample, encoding: 'utf-8', bytes: bom.length });
    }
  });

  it('decodes UTF-16LE and UTF-16BE with a BOM, dropping the BOM', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(sample, 'utf16le').swap16()]);
    for (const size of [1, 3, 7, 1024]) {
      expect((await decode(le, size)).text).toBe(sample);
      expect((await decode(be, size)).text).toBe(sample);
    }
    expect((await decode(le)).encoding).toBe('utf-16le');
    expect((await decode(be)).encoding).toBe('utf-16be');
  });

  it('copes with empty and tiny files, and turns invalid bytes into U+FFFD', async () => {
    expect(await decode(Buffer.alloc(0))).toEqual({ text: '', encoding: 'utf-8', bytes: 0 });
    expect((await decode(Buffer.from('ab'))).text).toBe('ab');
    expect((await decode(Buffer.from([0xef, 0xbb, 0xbf]))).text).toBe('');
    expect((await decode(Buffer.from([0x61, 0xff, 0xc3, 0x62]), 1)).text).toBe('a\uFFFD\uFFFDb');
  });

  it('reads a small entry whole', async () => {
    const source = memorySource({ 'a.csv': utf16le('Zoë\n') }, { chunkSize: 3 });
    expect(await readAllText(source.entries[0]!)).toBe('Zoë\n');
  });
});
