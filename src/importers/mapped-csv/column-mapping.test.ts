import { describe, expect, it } from 'vitest';
import { RapportError } from '../../errors.js';
import { parseMapping } from './column-mapping.js';
import { DateOrderScan, parseDate } from './mapped-dates.js';
import { channelOf, directionOf, networkOf } from './mapped-values.js';

const failure = (spec: string): RapportError => {
  try {
    parseMapping(spec);
  } catch (error) {
    if (error instanceof RapportError) return error;
    throw error;
  }
  throw new Error(`no error for ${spec}`);
};

describe('parseMapping', () => {
  it('reads field=Column pairs, quoted names, fixed values and the date order', () => {
    expect(
      parseMapping('date=Date, person="Name, full",channel:=Coffee,network:=linkedin,dates=MDY,text=Notes'),
    ).toEqual({
      columns: { date: 'Date', person: 'Name, full', text: 'Notes' },
      fixed: { channel: 'in_person', network: 'linkedin' },
      dates: 'mdy',
    });
  });

  it('reads the same mapping saved as JSON', () => {
    const json = JSON.stringify({
      columns: { date: 'When', email: 'Email', channel: 'Kind' },
      fixed: { direction: 'in' },
      dates: 'dmy',
    });
    expect(parseMapping(json)).toEqual({
      columns: { date: 'When', email: 'Email', channel: 'Kind' },
      fixed: { direction: 'in' },
      dates: 'dmy',
    });
  });

  it('throws input.invalid naming the part that is wrong', () => {
    const cases: [string, string][] = [
      ['date=Date,person=Name,channel=Type,colour=Red', 'colour=Red'],
      ['date=Date,person=Name,channel=Type,oops', 'oops'],
      ['date=Date,person=Name,channel:=teleport', 'channel:=teleport'],
      ['date=Date,date=When,person=Name,channel=Type', 'date=When'],
      ['date=Date,person=Name,channel=Type,dates=ymd', 'dates=ymd'],
      ['date=Date,person=,channel=Type', 'person='],
    ];
    for (const [spec, part] of cases) {
      const error = failure(spec);
      expect(error.code).toBe('input.invalid');
      expect(error.message).toContain(part);
      expect(error.details.part).toBe(part);
    }
    expect(failure('person=Name,channel=Type').message).toContain('no date column');
    expect(failure('date=Date,channel=Type').message).toContain('no person or email column');
    expect(failure('date=Date,person=Name').message).toContain('no channel column');
    expect(failure('{"columns":').code).toBe('input.invalid');
  });
});

describe('cell values', () => {
  it('maps common words to channels, case-insensitively', () => {
    const cases: Record<string, string | undefined> = {
      Coffee: 'in_person',
      'Lunch meeting': 'in_person',
      'In person': 'in_person',
      'Zoom call': 'video',
      'Google Meet': 'video',
      'Phone call': 'call',
      called: 'call',
      'E-mail': 'email',
      'Email reply': 'email',
      DM: 'message',
      chat: 'message',
      'Liked a post': 'reaction',
      reaction: 'reaction',
      'Comment on post': 'comment',
      Mention: 'comment',
      Tweet: 'broadcast',
      Post: 'broadcast',
      Teleport: undefined,
      '': undefined,
    };
    for (const [value, channel] of Object.entries(cases))
      expect([value, channelOf(value)]).toEqual([value, channel]);
  });

  it('maps directions and networks', () => {
    expect(['Incoming', 'SENT', 'both', 'sideways'].map(directionOf)).toEqual([
      'in',
      'out',
      'mutual',
      undefined,
    ]);
    expect(['LinkedIn', 'X', 'gmail', 'Quora'].map(networkOf)).toEqual([
      'linkedin',
      'twitter',
      'email',
      undefined,
    ]);
  });

  it('reads ISO, YYYY-MM-DD HH:MM, day-first and month-first dates, epoch numbers', () => {
    expect(parseDate('2024-03-05', 'dmy')).toBe(Date.UTC(2024, 2, 5));
    expect(parseDate('2024-03-05 14:30', 'dmy')).toBe(Date.UTC(2024, 2, 5, 14, 30));
    expect(parseDate('2024-03-05T14:30:00+01:00', 'dmy')).toBe(Date.UTC(2024, 2, 5, 13, 30));
    expect(parseDate('05/03/2024', 'dmy')).toBe(Date.UTC(2024, 2, 5));
    expect(parseDate('05/03/2024', 'mdy')).toBe(Date.UTC(2024, 4, 3));
    expect(parseDate('3/5/24 2:30 PM', 'mdy')).toBe(Date.UTC(2024, 2, 5, 14, 30));
    expect(parseDate('05.03.2024', 'mdy')).toBe(Date.UTC(2024, 2, 5));
    expect(parseDate('1709649000', 'dmy')).toBe(1709649000_000);
    expect(parseDate('Mar 5, 2024', 'dmy')).toBe(new Date('Mar 5, 2024').getTime());
    expect(['31/04/2024', '2024-13-01', 'soon', ''].map((d) => parseDate(d, 'dmy'))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('decides day or month first from the first date that only fits one', () => {
    const order = (dates: string[]) => {
      const scan = new DateOrderScan();
      for (const d of dates) if (scan.see(d)) break;
      return scan.order;
    };
    expect(order(['01/02/2024', '25/03/2024', '03/26/2024'])).toBe('dmy');
    expect(order(['01/02/2024', '03/25/2024'])).toBe('mdy');
    expect(order(['01/02/2024', '2024-03-25', '05.30.2024'])).toBeUndefined();
  });
});
