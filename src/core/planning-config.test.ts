import { describe, expect, it } from 'vitest';
import { isRapportError } from '../errors.js';
import {
  defaultPlanningConfig,
  mergePlanning,
  PLANNING_KEYS,
  type PlanningOverride,
  parsePlanningValue,
  validatePlanning,
} from './planning-config.js';

const base = defaultPlanningConfig('Europe/Berlin');

function errorOf(fn: () => unknown): { code: string; key: unknown; message: string } {
  try {
    fn();
  } catch (error) {
    if (isRapportError(error)) return { code: error.code, key: error.details.key, message: error.message };
    throw error;
  }
  throw new Error('expected a throw');
}

describe('defaultPlanningConfig', () => {
  it('is valid and has the documented defaults', () => {
    expect(validatePlanning(base)).toBe(base);
    expect(base).toMatchObject({
      timeZone: 'Europe/Berlin',
      workingDays: [1, 2, 3, 4, 5],
      workStart: '09:00',
      workEnd: '17:30',
      holidays: [],
      bufferMinutes: 15,
      travelMinutes: 20,
      noticeHours: 18,
      withinDays: 14,
      yourEmail: null,
      minutes: { coffee: 45, lunch: 60, video: 30, call: 20 },
    });
  });
});

describe('mergePlanning', () => {
  it('lays the override over the base, minutes one kind at a time', () => {
    const merged = mergePlanning(base, {
      workStart: '08:30',
      minutes: { coffee: 30 },
      yourEmail: 'me@example.com',
    });
    expect(merged.workStart).toBe('08:30');
    expect(merged.minutes).toEqual({ coffee: 30, lunch: 60, video: 30, call: 20 });
    expect(merged.yourEmail).toBe('me@example.com');
    expect(base.minutes.coffee).toBe(45);
  });

  it('names the key of an unknown or bad setting', () => {
    const cases: [PlanningOverride, string][] = [
      [{ colour: 'red' } as PlanningOverride, 'planning.colour'],
      [{ minutes: { tea: 10 } } as unknown as PlanningOverride, 'planning.minutes.tea'],
      [{ timeZone: 'Mars/Olympus' }, 'planning.timeZone'],
      [{ workingDays: [] }, 'planning.workingDays'],
      [{ workingDays: [1, 8] }, 'planning.workingDays'],
      [{ workingDays: [1, 1] }, 'planning.workingDays'],
      [{ workStart: '9am' }, 'planning.workStart'],
      [{ workStart: '18:00' }, 'planning.workEnd'],
      [{ holidays: ['2026-02-30'] }, 'planning.holidays'],
      [{ bufferMinutes: -5 }, 'planning.bufferMinutes'],
      [{ withinDays: 0.5 }, 'planning.withinDays'],
      [{ yourEmail: 'not an address' }, 'planning.yourEmail'],
      [{ videoLink: 'javascript:alert(1)' }, 'planning.videoLink'],
      [{ coffeePlace: 'line one\nline two' }, 'planning.coffeePlace'],
      [{ minutes: { call: 2 } }, 'planning.minutes.call'],
    ];
    for (const [override, key] of cases) {
      expect(errorOf(() => mergePlanning(base, override))).toMatchObject({ code: 'input.invalid', key });
    }
  });

  it('says what a good value looks like', () => {
    expect(errorOf(() => mergePlanning(base, { workEnd: '08:00' })).message).toMatch(
      /workEnd must be after workStart \(09:00\)/,
    );
    expect(errorOf(() => mergePlanning(base, { timeZone: 'Nowhere' })).message).toMatch(/Europe\/Berlin/);
  });
});

describe('parsePlanningValue', () => {
  it('reads day lists, ranges and names', () => {
    expect(parsePlanningValue('workingDays', 'mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parsePlanningValue('workingDays', '1,3,5')).toEqual([1, 3, 5]);
    expect(parsePlanningValue('workingDays', 'Tuesday,thu-sat')).toEqual([2, 4, 5, 6]);
    expect(errorOf(() => parsePlanningValue('workingDays', 'fri-mon')).key).toBe('planning.workingDays');
    expect(errorOf(() => parsePlanningValue('workingDays', 'weekdays')).key).toBe('planning.workingDays');
  });

  it('normalises times, clears text with none, and reads dates and numbers', () => {
    expect(parsePlanningValue('workStart', '8:30')).toBe('08:30');
    expect(parsePlanningValue('yourEmail', 'none')).toBeNull();
    expect(parsePlanningValue('coffeePlace', 'Café Einstein, Unter den Linden')).toBe(
      'Café Einstein, Unter den Linden',
    );
    expect(parsePlanningValue('holidays', '2026-12-25, 2026-12-24,2026-12-25')).toEqual([
      '2026-12-24',
      '2026-12-25',
    ]);
    expect(parsePlanningValue('holidays', 'none')).toEqual([]);
    expect(parsePlanningValue('minutes.lunch', '75')).toBe(75);
    expect(errorOf(() => parsePlanningValue('bufferMinutes', 'lots')).key).toBe('planning.bufferMinutes');
  });

  it('knows every key it lists and refuses others', () => {
    for (const key of PLANNING_KEYS) expect(() => parsePlanningValue(key, '30')).not.toThrow(/not a known/);
    expect(errorOf(() => parsePlanningValue('weights.email', '1')).message).toMatch(/not a known setting/);
  });
});
