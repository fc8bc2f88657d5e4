import { MONTH_INDEX } from '../month-names.js';

/** `Sat Jun 06 13:02:35 +0000 2020` (the API's and the archive's tweets.js). */
const API_DATE =
  /^\s*[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})\s*$/;
/** `2013-07-22 14:10:57 +0000` (the pre-2019 "Grailbird" archive). */
const GRAILBIRD_DATE = /^\s*(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})\s*$/;
/** `2020-06-06T13:02:35.059Z` (direct messages, account). */
const ISO_DATE = /^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})\s*$/;

function utc(
  year: number,
  month: number,
  day: number,
  h: number,
  m: number,
  s: number,
  sign: string,
  zh: number,
  zm: number,
): number | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31 || h > 23 || m > 59 || s > 60) return undefined;
  const offset = (sign === '-' ? -1 : 1) * (zh * 60 + zm) * 60_000;
  const at = Date.UTC(year, month, day, h, m, s) - offset;
  return Number.isFinite(at) ? at : undefined;
}

/** A tweet's `created_at` in any archive era, as epoch ms; undefined when unreadable. */
export function parseTweetDate(raw: unknown): number | undefined {
  if (typeof raw !== 'string') return undefined;
  const api = API_DATE.exec(raw);
  if (api) {
    const [, mon, d, h, m, s, sign, zh, zm, y] = api;
    const month = MONTH_INDEX[mon!.toLowerCase()];
    if (month === undefined) return undefined;
    return utc(Number(y), month, Number(d), Number(h), Number(m), Number(s), sign!, Number(zh), Number(zm));
  }
  const old = GRAILBIRD_DATE.exec(raw);
  if (old) {
    const [, y, mo, d, h, m, s, sign, zh, zm] = old;
    return utc(
      Number(y),
      Number(mo) - 1,
      Number(d),
      Number(h),
      Number(m),
      Number(s),
      sign!,
      Number(zh),
      Number(zm),
    );
  }
  return parseIsoDate(raw);
}

/** An ISO 8601 timestamp with a zone (`createdAt` of messages), as epoch ms; undefined otherwise. */
export function parseIsoDate(raw: unknown): number | undefined {
  if (typeof raw !== 'string' || !ISO_DATE.test(raw)) return undefined;
  const at = Date.parse(raw.trim());
  return Number.isFinite(at) ? at : undefined;
}
