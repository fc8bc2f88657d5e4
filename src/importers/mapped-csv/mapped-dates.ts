/**
 * Dates in user-made CSVs: ISO 8601 (`2024-03-05`, `2024-03-05T14:30:00+01:00`), `YYYY-MM-DD
 * HH:MM`, `YYYY/MM/DD`, day-first or month-first `05/03/2024 2:30 PM` (which one is decided for
 * the whole file, see DateOrderScan), `05.03.2024` (always day first), epoch seconds or ms,
 * and, as a last resort, English month names (`Mar 5, 2024`). Times without a zone are UTC.
 */

const ISO =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const NUMERIC =
  /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;

/** Which order the `a/b/yyyy` dates of one file use. */
export type DayOrder = 'dmy' | 'mdy';

function instant(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, offsetMin = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60 || y < 1000 || y > 9999)
    return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 31 April over to 1 May: such a date does not exist.
  if (new Date(ms).getUTCDate() !== d) return undefined;
  return ms - offsetMin * 60_000;
}

function zoneMinutes(zone: string | undefined): number {
  if (zone === undefined || /^(z|utc)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** The instant (ms) of a date cell, or undefined when it cannot be read. */
export function parseDate(raw: string, order: DayOrder): number | undefined {
  const text = raw.trim();
  if (/^\d{9,13}(\.\d+)?$/.test(text)) {
    const n = Number(text);
    return n >= 1e11 ? Math.round(n) : Math.round(n * 1000);
  }
  const iso = ISO.exec(text);
  if (iso !== null) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    return instant(
      Number(y),
      Number(mo),
      Number(d),
      Number(h ?? 0),
      Number(mi ?? 0),
      Number(s ?? 0),
      zoneMinutes(zone),
    );
  }
  const num = NUMERIC.exec(text);
  if (num !== null) {
    const [, a, sep, b, yRaw, h, mi, s, ampm] = num;
    const dayFirst = sep === '.' || order === 'dmy';
    let y = Number(yRaw);
    if (yRaw!.length === 2) y += y < 70 ? 2000 : 1900;
    let hour = Number(h ?? 0);
    if (ampm !== undefined) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (/^p/i.test(ampm) ? 12 : 0);
    }
    const [day, month] = dayFirst ? [Number(a), Number(b)] : [Number(b), Number(a)];
    return instant(y, month, day, hour, Number(mi ?? 0), Number(s ?? 0));
  }
  if (/[a-z]{3}/i.test(text)) {
    const ms = Date.parse(text);
    if (Number.isFinite(ms) && Math.abs(ms) < 8.64e15) return ms;
  }
  return undefined;
}

/**
 * Decides the order of `a/b/yyyy` dates by scanning a file's dates: a first part above 12
 * (`25/03/2024`) can only be day-first, a second part above 12 (`03/25/2024`) month-first.
 * The first such date decides; a file where every date is ambiguous is read day-first (as
 * most of the world writes), unless the mapping says `dates=mdy`.
 */
export class DateOrderScan {
  order: DayOrder | undefined;

  /** Looks at one date cell; true once the order is known. */
  see(raw: string): boolean {
    const m = NUMERIC.exec(raw.trim());
    if (m === null || m[2] === '.') return this.order !== undefined;
    if (Number(m[1]) > 12 && Number(m[3]) <= 12) this.order ??= 'dmy';
    else if (Number(m[3]) > 12 && Number(m[1]) <= 12) this.order ??= 'mdy';
    return this.order !== undefined;
  }
}
