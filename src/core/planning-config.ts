import { RapportError } from '../errors.js';
import { STEP_MINUTES } from './next-step.js';
import { MEETING_KINDS, type MeetingKind } from './plan-status.js';
import { isIsoDate, parseClock } from './working-time.js';

/** The user's planning settings: when they meet, where, and who they are on an invite. */
export interface PlanningConfig {
  /** IANA zone the working hours are in. */
  timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** 'HH:MM' local. */
  workStart: string;
  workEnd: string;
  /** Days off, 'YYYY-MM-DD' local. */
  holidays: string[];
  /** Kept free before and after every meeting. */
  bufferMinutes: number;
  /** Added on both sides of an in-person meeting, on top of the buffer. */
  travelMinutes: number;
  /** The earliest slot is at least this far from now. */
  noticeHours: number;
  /** How far ahead slots are looked for. */
  withinDays: number;
  yourName: string | null;
  /** The ORGANIZER of invites; without it (and without an email of yours in the book) there is no invite. */
  yourEmail: string | null;
  /** The user's standing meeting link, for video calls. */
  videoLink: string | null;
  /** Where the user likes to meet for coffee. */
  coffeePlace: string | null;
  /** Length of each kind of meeting. */
  minutes: Record<MeetingKind, number>;
}

/** A user's override: any subset of the keys (and of minutes). */
export type PlanningOverride = Partial<Omit<PlanningConfig, 'minutes'>> & {
  minutes?: Partial<Record<MeetingKind, number>>;
};

/** A lunch is longer than the coffee the next-step rules suggest. */
export const LUNCH_MINUTES = 60;

/**
 * The defaults: weekdays 09:00–17:30, 15 minutes of buffer, 20 minutes of travel each way, the
 * first slot 18 hours out (never "in an hour"), two weeks ahead, and each meeting's length from
 * the next-step rules. The zone comes from the caller: the core cannot read the system's.
 */
export function defaultPlanningConfig(timeZone: string): PlanningConfig {
  return {
    timeZone,
    workingDays: [1, 2, 3, 4, 5],
    workStart: '09:00',
    workEnd: '17:30',
    holidays: [],
    bufferMinutes: 15,
    travelMinutes: 20,
    noticeHours: 18,
    withinDays: 14,
    yourName: null,
    yourEmail: null,
    videoLink: null,
    coffeePlace: null,
    minutes: {
      coffee: STEP_MINUTES.coffee ?? 45,
      lunch: LUNCH_MINUTES,
      video: STEP_MINUTES.video ?? 30,
      call: STEP_MINUTES.call ?? 20,
    },
  };
}

/** Every settable key, dotted as on the command line after `planning.`. */
export const PLANNING_KEYS = [
  'timeZone',
  'workingDays',
  'workStart',
  'workEnd',
  'holidays',
  'bufferMinutes',
  'travelMinutes',
  'noticeHours',
  'withinDays',
  'yourName',
  'yourEmail',
  'videoLink',
  'coffeePlace',
  ...MEETING_KINDS.map((k) => `minutes.${k}` as const),
] as const;

function invalid(key: string, message: string): RapportError {
  return new RapportError('input.invalid', `Planning setting ${key} ${message}.`, {
    key: `planning.${key}`,
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `base` with `override` laid over it (undefined keeps the base value), then validated.
 * Throws RapportError input.invalid naming the key for an unknown key or a bad value.
 */
export function mergePlanning(base: PlanningConfig, override: PlanningOverride | undefined): PlanningConfig {
  if (override === undefined) return validatePlanning(base);
  if (!isPlainObject(override)) throw invalid('(root)', 'must be an object of settings');
  const merged: Record<string, unknown> = { ...base, minutes: { ...base.minutes } };
  for (const [key, value] of Object.entries(override)) {
    if (!Object.hasOwn(base, key)) throw invalid(key, `is not a known setting; use one of ${knownKeys()}`);
    if (value === undefined) continue;
    if (key === 'minutes') {
      if (!isPlainObject(value)) throw invalid(key, 'must be an object of lengths by kind');
      for (const [kind, minutes] of Object.entries(value)) {
        if (!(MEETING_KINDS as readonly string[]).includes(kind))
          throw invalid(`minutes.${kind}`, `is not a known setting; use one of ${knownKeys()}`);
        if (minutes !== undefined) (merged.minutes as Record<string, unknown>)[kind] = minutes;
      }
    } else merged[key] = value;
  }
  return validatePlanning(merged as unknown as PlanningConfig);
}

function knownKeys(): string {
  return PLANNING_KEYS.join(', ');
}

/** True when `zone` is an IANA time zone this runtime knows; never throws. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.trim() !== '';
  } catch {
    return false;
  }
}

const EMAIL = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const MAX_TEXT = 200;

function checkInteger(key: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw invalid(key, `must be a whole number (got ${JSON.stringify(value)})`);
  if (value < min || value > max) throw invalid(key, `must be between ${min} and ${max} (got ${value})`);
}

function checkText(key: string, value: unknown): void {
  if (value === null) return;
  if (typeof value !== 'string' || value.trim() === '')
    throw invalid(key, 'must be some text, or none to clear it');
  if (value.length > MAX_TEXT) throw invalid(key, `must be at most ${MAX_TEXT} characters`);
  if (CONTROL.test(value)) throw invalid(key, 'must be one line of plain text');
}

function checkTimes(config: PlanningConfig): void {
  const start = typeof config.workStart === 'string' ? parseClock(config.workStart) : undefined;
  const end = typeof config.workEnd === 'string' ? parseClock(config.workEnd) : undefined;
  if (start === undefined) throw invalid('workStart', 'must be a time such as 09:00');
  if (end === undefined) throw invalid('workEnd', 'must be a time such as 17:30 (24:00 is midnight)');
  if (end <= start)
    throw invalid('workEnd', `must be after workStart (${config.workStart}); got ${config.workEnd}`);
}

function checkDays(config: PlanningConfig): void {
  const days = config.workingDays;
  if (!Array.isArray(days) || days.length === 0)
    throw invalid('workingDays', 'must name at least one day, e.g. 1,2,3,4,5 or mon-fri');
  for (const day of days) checkInteger('workingDays', day, 1, 7);
  if (new Set(days).size !== days.length) throw invalid('workingDays', 'names a day twice');
}

/**
 * Returns `config` when every value is sound; otherwise throws RapportError input.invalid whose
 * message and details.key name the setting.
 */
export function validatePlanning(config: PlanningConfig): PlanningConfig {
  if (typeof config.timeZone !== 'string' || !isTimeZone(config.timeZone))
    throw invalid('timeZone', `must be a time zone such as Europe/Berlin (got ${String(config.timeZone)})`);
  checkDays(config);
  checkTimes(config);
  if (!Array.isArray(config.holidays)) throw invalid('holidays', 'must be a list of dates');
  for (const day of config.holidays) {
    if (typeof day !== 'string' || !isIsoDate(day))
      throw invalid('holidays', `must hold dates written 2026-12-24 (got ${JSON.stringify(day)})`);
  }
  checkInteger('bufferMinutes', config.bufferMinutes, 0, 240);
  checkInteger('travelMinutes', config.travelMinutes, 0, 480);
  checkInteger('noticeHours', config.noticeHours, 0, 24 * 30);
  checkInteger('withinDays', config.withinDays, 1, 365);
  for (const key of ['yourName', 'yourEmail', 'videoLink', 'coffeePlace'] as const)
    checkText(key, config[key]);
  if (config.yourEmail !== null && !EMAIL.test(config.yourEmail))
    throw invalid('yourEmail', `must be an email address such as you@example.com (got ${config.yourEmail})`);
  if (config.videoLink !== null && !isWebLink(config.videoLink))
    throw invalid('videoLink', `must be a web link starting with https:// (got ${config.videoLink})`);
  if (!isPlainObject(config.minutes)) throw invalid('minutes', 'must be an object of lengths by kind');
  for (const kind of MEETING_KINDS) checkInteger(`minutes.${kind}`, config.minutes[kind], 5, 8 * 60);
  return config;
}

function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** An ISO weekday from "3", "wed" or "Wednesday"; null otherwise. */
function weekday(text: string): number | null {
  const value = text.trim().toLowerCase();
  if (/^[1-7]$/.test(value)) return Number(value);
  if (value.length < 3) return null;
  const at = DAY_NAMES.findIndex((name) => name.startsWith(value));
  return at >= 0 ? at + 1 : null;
}

function parseWeekdays(text: string): number[] {
  const days: number[] = [];
  for (const part of text.split(',')) {
    const [from, to, extra] = part.split('-');
    const a = weekday(from ?? '');
    const b = to === undefined ? a : weekday(to);
    if (a === null || b === null || extra !== undefined || b < a)
      throw invalid(
        'workingDays',
        `cannot read "${text}"; write days as 1,2,3,4,5 or mon-fri or mon,wed,fri`,
      );
    for (let day = a; day <= b; day++) if (!days.includes(day)) days.push(day);
  }
  return days.sort((x, y) => x - y);
}

/**
 * A setting's value as typed after `rapport config set planning.KEY`: numbers for lengths,
 * day lists ("mon-fri", "1,2,3"), date lists for holidays, text otherwise; `none` clears text
 * and holidays. The result still goes through validatePlanning. Throws input.invalid for an
 * unknown key or unreadable value.
 */
export function parsePlanningValue(key: string, text: string): unknown {
  if (!(PLANNING_KEYS as readonly string[]).includes(key))
    throw invalid(key, `is not a known setting; use one of ${knownKeys()}`);
  const value = text.trim();
  const none = /^(none|null)$/i.test(value);
  switch (key) {
    case 'workingDays':
      return parseWeekdays(value);
    case 'holidays':
      return none || value === '' ? [] : [...new Set(value.split(',').map((d) => d.trim()))].sort();
    case 'workStart':
    case 'workEnd': {
      const minutes = parseClock(value);
      if (minutes === undefined) throw invalid(key, `must be a time such as 09:00 (got "${text}")`);
      return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    }
    case 'timeZone':
      return value;
    case 'yourName':
    case 'yourEmail':
    case 'videoLink':
    case 'coffeePlace':
      return none || value === '' ? null : value;
    default: {
      const n = Number(value);
      if (value === '' || !Number.isFinite(n)) throw invalid(key, `must be a number (got "${text}")`);
      return n;
    }
  }
}
