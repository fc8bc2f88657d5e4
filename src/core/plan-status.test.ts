import { describe, expect, it } from 'vitest';
import { isRapportError } from '../errors.js';
import { DAY_MS } from './duration.js';
import {
  allowedMoves,
  followUpAfter,
  nextStatus,
  PLAN_KINDS,
  PLAN_LOG_KINDS,
  PLAN_MOVES,
  PLAN_STATUSES,
  type PlanMove,
  type PlanStatus,
  planKindFor,
} from './plan-status.js';
import { LOG_KINDS, type NextStep } from './types.js';

function refusal(status: PlanStatus, move: PlanMove, kind: (typeof PLAN_KINDS)[number] = 'coffee') {
  try {
    nextStatus(status, move, kind);
  } catch (error) {
    if (isRapportError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  return undefined;
}

describe('the plan status machine', () => {
  it('walks the happy path suggested → proposed → scheduled → done', () => {
    expect(nextStatus('suggested', 'propose', 'coffee')).toBe('proposed');
    expect(nextStatus('proposed', 'schedule', 'coffee')).toBe('scheduled');
    expect(nextStatus('scheduled', 'done', 'coffee')).toBe('done');
  });

  it('lets a time move, and a plan be done without the earlier steps', () => {
    expect(nextStatus('scheduled', 'schedule', 'video')).toBe('scheduled');
    expect(nextStatus('suggested', 'done', 'call')).toBe('done');
    expect(nextStatus('proposed', 'decline', 'call')).toBe('declined');
  });

  it('closes for good: no move leaves done, declined, no-show or cancelled', () => {
    for (const status of ['done', 'declined', 'no_show', 'cancelled'] as const) {
      expect(allowedMoves(status, 'coffee')).toEqual([]);
      for (const move of PLAN_MOVES) {
        expect(refusal(status, move)).toMatchObject({ code: 'plan.invalid_transition' });
      }
    }
    expect(refusal('done', 'decline')?.message).toMatch(/closed; plan the next step with: rapport plan/);
  });

  it('needs an agreed time for a no-show and never un-agrees one', () => {
    expect(refusal('proposed', 'no_show')?.message).toMatch(/it is proposed; from here it can be/);
    expect(refusal('scheduled', 'propose')).toMatchObject({ code: 'plan.invalid_transition' });
  });

  it('gives an email no time to schedule or miss', () => {
    expect(allowedMoves('suggested', 'email')).toEqual(['propose', 'done', 'decline', 'cancel']);
    expect(refusal('proposed', 'schedule', 'email')?.message).toMatch(/an email has no time/);
  });

  it('knows every status and every move from every status', () => {
    for (const status of PLAN_STATUSES)
      for (const kind of PLAN_KINDS)
        for (const move of allowedMoves(status, kind))
          expect(PLAN_STATUSES).toContain(nextStatus(status, move, kind));
  });
});

describe('PLAN_LOG_KINDS', () => {
  it('logs coffee and lunch in person, video as video, a call as a call, an email as an email', () => {
    const channels = Object.fromEntries(PLAN_KINDS.map((k) => [k, LOG_KINDS[PLAN_LOG_KINDS[k]]]));
    expect(channels).toEqual({
      coffee: 'in_person',
      lunch: 'in_person',
      video: 'video',
      call: 'call',
      email: 'email',
    });
  });
});

describe('planKindFor', () => {
  it('keeps the rung of the next step', () => {
    for (const step of ['email', 'call', 'video', 'coffee'] as const)
      expect(planKindFor(step, null)).toBe(step);
  });

  it('makes a follow-up or reconnect a coffee only in the same city', () => {
    expect(planKindFor('follow_up', true)).toBe('coffee');
    expect(planKindFor('reconnect', true)).toBe('coffee');
    expect(planKindFor('follow_up', false)).toBe('video');
    expect(planKindFor('reconnect', null)).toBe('video');
  });
});

describe('followUpAfter', () => {
  const next: NextStep = {
    kind: 'follow_up',
    minutes: 30,
    why: 'met in person today; follow up to keep it going',
  };

  it('asks for a thank-you within two days and names the next rung', () => {
    const done = Date.UTC(2026, 11, 1, 10);
    const follow = followUpAfter('coffee', done, next);
    expect(follow.thankYouBy).toBe(done + 2 * DAY_MS);
    expect(follow.text).toMatch(/^Within two days, send a short thank-you email/);
    expect(follow.text).toMatch(/Next rung: follow-up \(30 min\) — met in person today/);
    expect(follow.next).toBe(next);
  });

  it('after an email, waits for the reply instead', () => {
    const follow = followUpAfter('email', 0, {
      kind: 'video',
      minutes: 30,
      why: 'emailed but never spoke live',
    });
    expect(follow.thankYouBy).toBeNull();
    expect(follow.text).toMatch(/When they reply/);
    expect(follow.text).toMatch(/Next rung: video call \(30 min\)/);
  });
});
