import ICAL from 'ical.js';
import type { IcsLine } from './ics-blocks.js';
import { DISPLAY_NAME_WORDS, WINDOWS_ZONES } from './windows-zones.js';

/** A date or date-time as written, before any zone is applied. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** VALUE=DATE: a whole day. */
  date: boolean;
  /** Ends in `Z`. */
  utc: boolean;
  tzid?: string | undefined;
}

type Zone =
  | { kind: 'iana'; name: string }
  | { kind: 'ical'; tz: ICAL.Timezone }
  | { kind: 'offset'; ms: number };

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** A cached formatter for an IANA zone, or null when Intl does not know the name. */
function formatter(name: string): Intl.DateTimeFormat | null {
  let f = formatters.get(name);
  if (f !== undefined) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    f = null;
  }
  if (formatters.size < 1000) formatters.set(name, f);
  return f;
}

/** The zone's offset from UTC (ms) at an instant. */
function ianaOffset(f: Intl.DateTimeFormat, at: number): number {
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

const wallMs = (t: WallTime): number => {
  const ms = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  // Date.UTC maps years 0–99 to 1900–1999.
  return t.year < 100 ? new Date(ms).setUTCFullYear(t.year) : ms;
};

/** An IANA name hidden in a TZID: itself, or the tail of `/mozilla.org/20050126_1/Europe/Berlin`. */
function ianaName(tzid: string): string | undefined {
  if (formatter(tzid) !== null) return tzid;
  const parts = tzid.split('/').filter((p) => p !== '');
  for (const n of [3, 2]) {
    if (parts.length <= n) continue;
    const tail = parts.slice(-n).join('/');
    if (formatter(tail) !== null) return tail;
  }
  return undefined;
}

/**
 * The time zones one calendar file can name, and the conversion of its wall-clock times to
 * instants. A TZID is resolved, in order: an IANA name (Intl knows them all); a Windows id
 * (`W. Europe Standard Time`) or Exchange display name via the table in windows-zones.ts;
 * the file's own VTIMEZONE, its rules run by ical.js; an offset in the name (`(UTC+07:00) …`);
 * else the calendar's X-WR-TIMEZONE, else UTC. Known names win over the file's VTIMEZONE
 * because Outlook's VTIMEZONEs project today's rules onto all years since 1601.
 * Each file gets its own book (not ICAL.TimezoneService, which is process-wide: two files
 * may define the same TZID differently).
 */
export class ZoneBook {
  private readonly own = new Map<string, ICAL.Timezone>();
  private readonly resolved = new Map<string, Zone>();
  private fallback: Zone = { kind: 'iana', name: 'UTC' };

  /** Adds a VTIMEZONE block; blocks without a TZID or without any offset rule are ignored. */
  addTimezone(lines: readonly IcsLine[]): void {
    try {
      const component = new ICAL.Component(ICAL.parse(lines.map((l) => l.text).join('\r\n')) as unknown[]);
      const tzid = String(component.getFirstPropertyValue('tzid') ?? '').trim();
      const rules = component.getAllSubcomponents().filter((c) => c.hasProperty('tzoffsetto'));
      if (tzid === '' || rules.length === 0) return;
      this.own.set(tzid, new ICAL.Timezone(component));
      this.resolved.clear();
    } catch {
      // An unreadable VTIMEZONE is as good as none: the TZID falls back to its name.
    }
  }

  /** The calendar's default zone (X-WR-TIMEZONE), for floating times and unknown TZIDs. */
  setDefault(tzid: string): void {
    const zone = this.known(tzid.trim());
    if (zone !== undefined) this.fallback = zone;
    this.resolved.clear();
  }

  /** The instant (ms) of a wall time; a whole day starts at midnight in the default zone. */
  toMs(t: WallTime): number {
    const wall = wallMs(t);
    if (t.utc) return wall;
    const zone = t.tzid === undefined || t.date ? this.fallback : this.zone(t.tzid);
    switch (zone.kind) {
      case 'offset':
        return wall - zone.ms;
      case 'ical':
        try {
          const { year, month, day, hour, minute, second } = t;
          const time = ICAL.Time.fromData({ year, month, day, hour, minute, second, isDate: false });
          return wall - zone.tz.utcOffset(time) * 1000;
        } catch {
          // A VTIMEZONE whose rules cannot be read: the time is taken as UTC.
          return wall;
        }
      default: {
        const f = formatter(zone.name);
        if (f === null || !(Math.abs(wall) < 8.6e15)) return wall;
        let at = wall - ianaOffset(f, wall);
        const second = ianaOffset(f, at);
        if (wall - second !== at) at = wall - second;
        return at;
      }
    }
  }

  private zone(tzid: string): Zone {
    let zone = this.resolved.get(tzid);
    if (zone === undefined) {
      zone = this.known(tzid) ?? this.fallback;
      this.resolved.set(tzid, zone);
    }
    return zone;
  }

  private known(raw: string): Zone | undefined {
    const tzid = raw.replace(/^"|"$/g, '').trim();
    const iana = ianaName(tzid);
    if (iana !== undefined) return { kind: 'iana', name: iana };
    const lower = tzid.toLowerCase().replace(/\s+/g, ' ');
    const windows = WINDOWS_ZONES[lower];
    if (windows !== undefined) return { kind: 'iana', name: windows };
    const label = lower.replace(/^\((utc|gmt)[^)]*\)\s*/, '').replace(/ and /g, ' & ');
    if (label !== lower || /[,(]/.test(label)) {
      const hit = DISPLAY_NAME_WORDS.find(([words]) => label.includes(words));
      if (hit !== undefined) return { kind: 'iana', name: hit[1] };
    }
    const own = this.own.get(tzid) ?? this.own.get(raw);
    if (own !== undefined) return { kind: 'ical', tz: own };
    const offset = /^\(?(?:utc|gmt)\s*([+-])(\d{1,2}):?(\d{2})?/.exec(lower);
    if (offset !== null) {
      const ms = (Number(offset[2]) * 60 + Number(offset[3] ?? 0)) * 60_000;
      return { kind: 'offset', ms: offset[1] === '-' ? -ms : ms };
    }
    return undefined;
  }
}
