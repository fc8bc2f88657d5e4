import { describe, expect, it } from 'vitest';
import {
  parseContentLine,
  repairQuotedValue,
  splitStructured,
  typesOf,
  unescapeText,
} from './content-line.js';

describe('content lines', () => {
  it('reads groups, quoted parameters holding : ; and , and vCard 2.1 bare types', () => {
    const line = parseContentLine('item1.TEL;TYPE="work,voice";x-note="a:b;c";WORK;VOICE:tel:+1-418;ext=1')!;
    expect(line).toMatchObject({
      name: 'TEL',
      group: 'item1',
      bare: ['WORK', 'VOICE'],
      value: 'tel:+1-418;ext=1',
    });
    expect(line.params.get('X-NOTE')).toBe('a:b;c');
    expect([...typesOf(line)]).toEqual(['WORK', 'VOICE']);
    expect(parseContentLine('no separator')).toBeUndefined();
    expect(parseContentLine('X;P="unclosed:value')).toBeUndefined();
  });

  it('repairs a quote that swallowed the value, and unescapes text', () => {
    const fixed = repairQuotedValue('DTSTART;TZID="W. Europe Standard Time:20200609T090000"');
    expect(parseContentLine(fixed)).toMatchObject({
      value: '20200609T090000',
      params: new Map([['TZID', 'W. Europe Standard Time']]),
    });
    expect(unescapeText('a\\, b\\; c\\nd\\\\')).toBe('a, b; c\nd\\');
    expect(splitStructured('Doe;John;Richter\\, James;;', ';')).toEqual([
      'Doe',
      'John',
      'Richter, James',
      '',
      '',
    ]);
  });
});
