import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { encodeWords, escapeFromLines, fromLine, mailbox, quotedPrintable } from './mail-format.js';

const text = (chars: string[], min = 1) =>
  fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: 90 }).map((a) => a.join(''));
const word = text(['a', 'Z', 'é', 'ß', 'Ł', 'ü', '😀', '×', ',', ':', '"', '_', '=', '?', '-']);
const spaced = fc
  .array(word, { minLength: 1, maxLength: 4 })
  .map((words) => words.join(' '))
  .filter((s) => /[^\x20-\x7e]/.test(s));

describe('encodeWords and mailbox', () => {
  it('round-trip any non-ASCII subject and name through a real mail parser', async () => {
    await fc.assert(
      fc.asyncProperty(spaced, fc.constantFrom<'Q' | 'B'>('Q', 'B'), async (s, encoding) => {
        const header = `Subject: ${encodeWords(s, encoding)}\r\nFrom: ${mailbox(s, 'a@b.example', encoding)}\r\n\r\nx`;
        for (const w of header.match(/=\?[^?]+\?[QB]\?[^?]*\?=/g) ?? [])
          expect(w.length).toBeLessThanOrEqual(75);
        const mail = await simpleParser(header);
        expect(mail.subject).toBe(s);
        expect(mail.from?.value[0]).toEqual({ name: s, address: 'a@b.example' });
      }),
      { numRuns: 60 },
    );
  });

  it('leaves ASCII alone and quotes names with specials', () => {
    expect(encodeWords('Quick question')).toBe('Quick question');
    expect(mailbox('Ada Lovelace', 'ada@x.example')).toBe('Ada Lovelace <ada@x.example>');
    expect(mailbox('Lovelace, Ada "AL"', 'ada@x.example')).toBe('"Lovelace, Ada \\"AL\\"" <ada@x.example>');
    expect(encodeWords('José')).toBe('=?UTF-8?Q?Jos=C3=A9?=');
  });
});

describe('quotedPrintable', () => {
  it('keeps lines within 76 characters and decodes back to the text', async () => {
    await fc.assert(
      fc.asyncProperty(text(['a', ' ', 'é', '=', '😀', '\n', 'From ', '.', '\t'], 0), async (body) => {
        const qp = quotedPrintable(body);
        for (const line of qp.split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
        const mail = await simpleParser(
          `Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp}`,
        );
        expect((mail.text ?? '').replace(/\n$/, '')).toBe(body.replace(/\n$/, ''));
      }),
      { numRuns: 60 },
    );
  });
});

describe('mbox lines', () => {
  it('escapes From lines the mboxrd way, and writes Gmail From_ lines', () => {
    expect(escapeFromLines('From a\n>From b\nFromage\n from c')).toBe('>From a\n>>From b\nFromage\n from c');
    expect(fromLine('1765799279000000000', Date.UTC(2016, 8, 16, 22, 26, 51))).toBe(
      'From 1765799279000000000@xxx Fri Sep 16 22:26:51 +0000 2016',
    );
  });
});
