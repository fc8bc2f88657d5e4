import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, plainText, SNIPPET_CHARS } from './plain-text.js';

describe('plain text', () => {
  it('counts words and keeps tidy text as it is', () => {
    expect(plainText('Coffee next week?')).toEqual({ words: 3, snippet: 'Coffee next week?' });
    expect(plainText('')).toEqual({ words: 0, snippet: '' });
    expect(plainText('  \n\t ')).toEqual({ words: 0, snippet: '' });
  });

  it('collapses whitespace and drops control characters (no terminal escapes)', () => {
    expect(plainText('  Hi\r\n\r\n  there\u00a0you \u001b[31mred\u0007 ')).toEqual({
      words: 4,
      snippet: 'Hi there you [31mred',
    });
  });

  it('reduces HTML to text and decodes entities', () => {
    expect(htmlToText('<div>One<br/>two</div><p class="x">three &lt;b&gt;</p>')).toBe(' One two  three <b> ');
    expect(htmlToText('<style>p{}</style>a<!-- note -->b')).toBe(' ab');
    expect(decodeEntities('&amp;&#39;&#x2019;&nbsp;&bogus;&#0;')).toBe("&'’ &bogus;\uFFFD");
    expect(plainText('<p>Hello&nbsp;<b>there</b></p>')).toEqual({ words: 2, snippet: 'Hello there' });
  });

  it('cuts the snippet to 200 characters, never inside a surrogate pair', () => {
    const long = `${'word '.repeat(100)}end`;
    expect(plainText(long)).toEqual({ words: 101, snippet: long.slice(0, SNIPPET_CHARS) });
    const emoji = `${'a'.repeat(SNIPPET_CHARS - 1)}😀 tail`;
    expect(plainText(emoji).snippet).toBe('a'.repeat(SNIPPET_CHARS - 1));
    const spaced = `${' \n'.repeat(300)}${'x '.repeat(150)}`;
    expect(plainText(spaced).snippet).toBe('x '.repeat(100).slice(0, SNIPPET_CHARS));
  });
});
