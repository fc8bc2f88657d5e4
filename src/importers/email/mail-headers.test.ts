import { describe, expect, it } from 'vitest';
import { decodeWords } from './encoded-words.js';
import { parseAddressList, parseMailbox } from './mail-address.js';
import { bodyText, ownWords } from './mail-body.js';
import { parseEnvelopeDate, parseMailDate } from './mail-date.js';
import { parseHeaders, parseParams } from './mail-headers.js';
import { gmailLabels } from './mail-message.js';

describe('encoded words (RFC 2047)', () => {
  it('decodes Q and B words in any charset, joining adjacent words', () => {
    expect(decodeWords('Heinz =?iso-8859-1?Q?M=FCller?=')).toBe('Heinz Müller');
    expect(decodeWords('=?UTF-8?B?44GT44KT44Gr44Gh44Gv?=')).toBe('こんにちは');
    expect(decodeWords('=?utf-8?q?Die_Hasen?= =?utf-8?q?_und?=')).toBe('Die Hasen und');
    // A character split across two words.
    expect(decodeWords('=?utf-8?B?w6k=?= =?utf-8?Q?=C3?= =?utf-8?Q?=A9?=')).toBe('éé');
    expect(decodeWords('=?x-unknown?Q?caf=E9?=')).toBe('café');
    expect(decodeWords('plain =?broken')).toBe('plain =?broken');
  });
});

describe('addresses', () => {
  it('reads names, quotes, comments, groups and encoded names', () => {
    expect(parseMailbox('"Sauder, Doug" <DWSauder@Example.com>')).toEqual({
      address: 'dwsauder@example.com',
      name: 'Sauder, Doug',
    });
    expect(parseMailbox('doug@example.com (Doug S)')).toEqual({
      address: 'doug@example.com',
      name: 'Doug S',
    });
    expect(parseMailbox('=?utf-8?Q?J=C3=B6rg?= <j@x.de>')).toEqual({ address: 'j@x.de', name: 'Jörg' });
    expect(parseMailbox('undisclosed-recipients:;')).toBeUndefined();
    expect(
      parseAddressList(['a@x.com, "B, b" <b@x.com>', 'friends: c@x.com, A@X.com;', 'bad, <>']).map(
        (m) => m.address,
      ),
    ).toEqual(['a@x.com', 'b@x.com', 'c@x.com']);
  });

  it('reads a repeated field the same each time, and never lets a caller change what it shares', () => {
    const value = '=?UTF-8?Q?J=C3=BCrgen?= <J@x.de>, j@x.de, "Ann" <ann@y.org>';
    const first = parseAddressList([value]);
    expect(first).toEqual([
      { address: 'j@x.de', name: 'Jürgen' },
      { address: 'ann@y.org', name: 'Ann' },
    ]);
    // The same text from another message (another string): an equal list.
    expect(parseAddressList([` ${value}`.slice(1)])).toEqual(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0])).toBe(true);
    expect(parseMailbox('Ann <ann@y.org>')).toEqual({ address: 'ann@y.org', name: 'Ann' });
    expect(parseAddressList([])).toEqual([]);
  });
});

describe('dates', () => {
  it('reads RFC 5322 dates with zones and From_ line dates in both orders', () => {
    expect(parseMailDate('Fri, 29 Dec 2000 03:49:00 -0800 (PST)')).toBe(Date.UTC(2000, 11, 29, 11, 49));
    expect(parseMailDate('29 Dec 00 03:49 EST')).toBe(Date.UTC(2000, 11, 29, 8, 49));
    expect(parseMailDate('Thu, 1 Jan 1970 00:00:00 +0000')).toBe(0);
    expect(parseMailDate('2016-06-16T22:26:51Z')).toBe(Date.UTC(2016, 5, 16, 22, 26, 51));
    expect(parseMailDate('Fri, 31 Foo 2000 03:49:00')).toBeUndefined();
    expect(parseMailDate('yesterday')).toBeUndefined();
    expect(parseEnvelopeDate('From 1545@xxx Thu Jun 16 22:26:51 +0000 2016')).toBe(
      Date.UTC(2016, 5, 16, 22, 26, 51),
    );
    expect(parseEnvelopeDate('From a@b Fri Dec 29 12:49:00 2000')).toBe(Date.UTC(2000, 11, 29, 12, 49));
  });
});

describe('headers and bodies', () => {
  it('keeps the fields it reads, in any case, and steps over the rest with their continuations', () => {
    const raw = [
      'Received: from mx.example (mx.example [192.0.2.1])',
      '\tby mx.google.com; Tue, 04 Jun 2024 02:27:44 -0700',
      'DKIM-Signature: v=1; a=rsa-sha256;',
      '  b=AAAA',
      'FROM :  Ann <ann@x.org>  ',
      'subject: first',
      'Subject: second',
      'X-Gm-Thrid: 17',
      'MIME-Version: 1.0',
      '',
      'Received: not a header, the body',
    ].join('\n');
    const { headers, bodyAt } = parseHeaders(Buffer.from(raw));
    expect([...headers]).toEqual([
      ['from', ['Ann <ann@x.org>']],
      ['subject', ['first', 'second']],
      ['x-gm-thrid', ['17']],
    ]);
    expect(raw.slice(bodyAt)).toBe('Received: not a header, the body');
  });

  it('reads each value as UTF-8 when it is, else as Windows-1252', () => {
    const raw = Buffer.concat([
      Buffer.from('Subject: Gr\u00fc\u00dfe\r\nFrom: '),
      Buffer.from([0x4a, 0xf6, 0x72, 0x67]), // "Jörg" in Latin-1: not UTF-8
      Buffer.from(' <j@x.de>\r\n\r\n'),
    ]);
    const { headers } = parseHeaders(raw);
    expect(headers.get('subject')).toEqual(['Grüße']);
    expect(headers.get('from')).toEqual(['Jörg <j@x.de>']);
  });

  it('unfolds headers, reads parameters and Gmail labels', () => {
    const raw = 'To: a@x.com,\r\n\tb@x.com\r\nX-Bad line\r\n\r\nbody';
    const { headers, bodyAt } = parseHeaders(Buffer.from(raw));
    expect(headers.get('to')).toEqual(['a@x.com, b@x.com']);
    expect(headers.size).toBe(1);
    expect(bodyAt).toBe(raw.indexOf('body'));
    expect(parseParams('multipart/mixed; boundary="=_a;b"; charset*=utf-8\'\'%C3')).toMatchObject({
      type: 'multipart/mixed',
    });
    expect(parseParams('text/plain; boundary="=_a;b"').params.get('boundary')).toBe('=_a;b');
    expect(gmailLabels('Inbox,"Work, old",Sent,=?UTF-8?Q?Caf=C3=A9?=')).toEqual([
      'inbox',
      'work, old',
      'sent',
      'café',
    ]);
  });

  it('finds the plain text in nested multiparts, decoding transfer encodings and charsets', () => {
    const raw = [
      'Content-Type: multipart/mixed; boundary=outer',
      '',
      '--outer',
      'Content-Type: multipart/alternative; boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/html',
      '',
      '<p>html</p>',
      '--inner',
      'Content-Type: text/plain; charset=iso-8859-1',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Gr=FC=DFe, soft=',
      ' break',
      '> quoted history',
      '>From the escape',
      '--inner--',
      '--outer',
      'Content-Type: text/plain',
      'Content-Disposition: attachment; filename=a.txt',
      '',
      'attached',
      '--outer--',
    ].join('\r\n');
    const { headers, bodyAt } = parseHeaders(Buffer.from(raw));
    const body = bodyText(headers, Buffer.from(raw).subarray(bodyAt))!;
    expect(body.html).toBe(false);
    expect(ownWords(body).trim()).toBe('Grüße, soft break\r\nFrom the escape');
    const b64 = parseHeaders(Buffer.from('Content-Transfer-Encoding: base64\n\nSGVs\nbG8=\n'));
    expect(bodyText(b64.headers, Buffer.from('SGVs\nbG8=\n'))?.text).toBe('Hello');
  });
});
