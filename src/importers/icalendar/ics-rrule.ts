import ICAL from 'ical.js';

/**
 * Recurrence rules come from untrusted files, and ical.js's iterator loops forever on some
 * (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30` never matches; `FREQ=HOURLY;BYDAY=5MO` neither). So a
 * rule is checked against what calendars really write before ical.js sees it, and each
 * iterator gets a budget of rule checks after which it gives up.
 */

/** Candidate dates ical.js may test between two matches (a daily rule for Feb 29 needs ~1,500). */
export const RULE_CHECKS_PER_MATCH = 40_000;
/** Candidate dates ical.js may test per series in all (each costs microseconds). */
export const RULE_CHECK_BUDGET = 400_000;

const FREQUENCIES = new Set(['HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);

/** Why a rule is refused before iterating, or undefined when it is fit to run. */
function refusal(recur: ICAL.Recur): string | undefined {
  if (!FREQUENCIES.has(recur.freq)) return `frequency ${recur.freq || 'missing'} is not a meeting's`;
  if (!Number.isInteger(recur.interval) || recur.interval < 1 || recur.interval > 1000)
    return `INTERVAL ${recur.interval} is out of range`;
  const ordinal = (recur.parts.BYDAY ?? []).map((day) => /^([+-]?\d+)/.exec(String(day))?.[1]);
  for (const n of ordinal) {
    if (n === undefined) continue;
    const limit = recur.freq === 'MONTHLY' ? 5 : recur.freq === 'YEARLY' ? 53 : 0;
    if (Math.abs(Number(n)) > limit || Number(n) === 0) return `BYDAY ${n} does not fit FREQ=${recur.freq}`;
  }
  return undefined;
}

/** A guarded iterator over one RRULE, in wall-clock time from `start`, ending at year `lastYear`. */
export interface RuleWalk {
  next(): ICAL.Time | null;
}

/**
 * Parses and checks a rule; throws an Error saying why when it cannot or should not be run.
 * Returns the rule's own UNTIL (the caller compares it as an instant) and the walk.
 */
export function ruleWalk(
  rule: string,
  start: ICAL.Time,
  lastYear: number,
): { until: ICAL.Time | null; walk: RuleWalk } {
  const recur = ICAL.Recur.fromString(rule);
  const why = refusal(recur);
  if (why !== undefined) throw new Error(why);
  // ical.js looks for a first match up to UNTIL or the year 20000: bound it by the window.
  const endYear = Math.min(lastYear + 1, 9999, recur.until ? recur.until.year + 1 : 9999);
  const until = recur.until;
  // A floating bound, compared in wall-clock time like the iterator's dates.
  recur.until = ICAL.Time.fromData({ year: endYear, month: 12, day: 31, hour: 23, minute: 59, second: 59 });
  const iterator = recur.iterator(start);
  let budget = RULE_CHECK_BUDGET;
  let sinceMatch = 0;
  const guarded = iterator as unknown as { check_contracting_rules(): boolean };
  const check = guarded.check_contracting_rules.bind(iterator);
  guarded.check_contracting_rules = () => {
    if (--budget < 0 || ++sinceMatch > RULE_CHECKS_PER_MATCH)
      throw new Error('the rule never matches a date');
    return check();
  };
  const next = (): ICAL.Time | null => {
    sinceMatch = 0;
    return iterator.next();
  };
  return { until, walk: { next } };
}
