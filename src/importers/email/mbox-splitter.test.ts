import { describe, expect, it } from 'vitest';
import { isFromLine, MboxSplitter, type RawMessage } from './mbox-splitter.js';

function split(
  text: string | Buffer,
  chunkSize: number,
  cap = 1 << 20,
): { messages: RawMessage[]; preamble: number } {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
  const splitter = new MboxSplitter(cap);
  const messages: RawMessage[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize)
    splitter.write(bytes.subarray(i, i + chunkSize), messages);
  splitter.end(messages);
  return { messages, preamble: splitter.preamble };
}

const MBOX = [
  'From alice@example.com Fri Dec 29 12:49:00 2000',
  'From: alice@example.com',
  '',
  'From here on, only full From_ lines start a message.',
  '>From the escaped line too.',
  'From bob Sat',
  '',
  'From 1545123@xxx Thu Jun 16 22:26:51 +0000 2016',
  'Subject: gmail style',
  '',
  'body',
  'From MAILER-DAEMON Mon Jan  3 09:00 PST 2005',
  'Subject: zone name, single-digit day, no seconds',
  '',
].join('\r\n');

describe('MboxSplitter', () => {
  it('recognises From_ lines of every shape and nothing else', () => {
    expect(isFromLine('From alice@example.com Fri Dec 29 12:49:00 2000')).toBe(true);
    expect(isFromLine('From 1545@xxx Thu Jun 16 22:26:51 +0000 2016')).toBe(true);
    expect(isFromLine('From x@y Mon Jan  3 09:00 PST 2005')).toBe(true);
    expect(isFromLine('From here on, only full From_ lines start a message.')).toBe(false);
    expect(isFromLine('From: alice@example.com')).toBe(false);
    expect(isFromLine('From bob Sat')).toBe(false);
  });

  it('splits only at full From_ lines, at any chunk size, keeping line numbers', () => {
    for (const size of [1, 2, 3, 5, 7, 64, 1 << 16]) {
      const { messages, preamble } = split(MBOX, size);
      expect(messages.map((m) => m.line)).toEqual([1, 8, 12]);
      expect(messages[0]!.envelope).toBe('From alice@example.com Fri Dec 29 12:49:00 2000');
      expect(messages[0]!.bytes.toString('latin1')).toContain(
        '>From the escaped line too.\r\nFrom bob Sat\r\n',
      );
      expect(messages[1]!.bytes.toString('latin1')).toBe('Subject: gmail style\r\n\r\nbody\r\n');
      expect(preamble).toBe(0);
    }
  });

  it('keeps at most `cap` bytes of a message but counts its whole size', () => {
    const big = `From a@b Fri Dec 29 12:49:00 2000\nSubject: x\n\n${'y'.repeat(10_000)}\nFrom a@b Fri Dec 29 12:50:00 2000\n\nz\n`;
    const { messages } = split(big, 333, 100);
    expect(messages.map((m) => [m.bytes.length, m.size])).toEqual([
      [100, 10_013],
      [3, 3],
    ]);
  });

  it('passes a line far longer than a From_ line through without holding it', () => {
    const long = `From a@b Fri Dec 29 12:49:00 2000\n\n${'x'.repeat(50_000)}From a@b Fri Dec 29 12:49:00 2000\nnext\n`;
    const { messages } = split(long, 1000);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.size).toBe(long.length - 34);
  });

  it('counts bytes before the first From_ line as a preamble', () => {
    const { messages, preamble } = split('junk\nFrom a@b Fri Dec 29 12:49:00 2000\n\nx\n', 4);
    expect(messages.map((m) => m.line)).toEqual([2]);
    expect(preamble).toBe(5);
  });

  it('reads a whole .eml as one message in single mode', () => {
    const splitter = new MboxSplitter(1 << 20, true);
    const out: RawMessage[] = [];
    splitter.write(Buffer.from('From a@b Fri Dec 29 12:49:00 2000\nSubject: x\n'), out);
    splitter.end(out);
    expect(out).toHaveLength(1);
    expect(out[0]!.line).toBe(1);
  });
});
