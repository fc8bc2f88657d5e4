import { MONTH_INDEX } from '../month-names.js';

/** Dates in mail: RFC 5322 `Date:` values and mbox From_ lines, as UTC milliseconds. */

/** Obsolete zone names (RFC 5322 §4.3), in minutes east of UTC; other names read as UTC. */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

/** Earliest and latest dates believed: before 1970 or after 2100 a date is garbage, not history. */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

const RFC_DATE =
  /^\s*(?:[A-Za-z]+\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3})[a-z]*\.?[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([+-]\d{4}|[A-Za-z]{1,5})?/;
const ENVELOPE_DATE =
  /[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s+([+-]\d{4}|[A-Za-z]{1,5}))?\s+(\d{4})(?:\s+([+-]\d{4}))?/;

function zoneMinutes(zone: string | undefined): number {
  if (zone === undefined) return 0;
  const sign = zone.charCodeAt(0);
  if (sign === 43 || sign === 45) {
    const minutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5));
    return sign === 45 ? -minutes : minutes;
  }
  return ZONES[zone.toLowerCase()] ?? 0;
}

function build(
  year: number,
  month: string,
  day: string,
  h: string,
  m: string,
  s: string | undefined,
  zone: string | undefined,
): number | undefined {
  const mon = MONTH_INDEX[month.toLowerCase()];
  const d = Number(day);
  const hours = Number(h);
  const minutes = Number(m);
  const seconds = s === undefined ? 0 : Number(s);
  if (mon === undefined || d < 1 || d > 31 || hours > 24 || minutes > 59 || seconds > 60) return undefined;
  const at = Date.UTC(year, mon, d, hours, minutes, seconds) - zoneMinutes(zone) * 60_000;
  return at >= EARLIEST && at < LATEST ? at : undefined;
}

/** A `Date:` header value (`Fri, 29 Dec 2000 03:49:00 -0800 (PST)`), or undefined when unreadable. */
export function parseMailDate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = RFC_DATE.exec(value);
  if (m) {
    let year = Number(m[3]);
    if (m[3]!.length <= 2) year += year < 50 ? 2000 : 1900;
    else if (m[3]!.length === 3) year += 1900;
    return build(year, m[2]!, m[1]!, m[4]!, m[5]!, m[6], m[7]);
  }
  // ISO 8601 and other shapes some tools write.
  if (!/^\s*\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isFinite(at) && at >= EARLIEST && at < LATEST ? at : undefined;
}

/** The date of an mbox From_ line (`From a@b Thu Jun 16 22:26:51 +0000 2016`), or undefined. */
export function parseEnvelopeDate(line: string | undefined): number | undefined {
  if (line === undefined) return undefined;
  const m = ENVELOPE_DATE.exec(line);
  if (!m) return undefined;
  return build(Number(m[7]), m[1]!, m[2]!, m[3]!, m[4]!, m[5], m[6] ?? m[8]);
}
