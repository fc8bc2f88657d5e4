import { ago, DAY_MS, humanizeDuration, plural } from './duration.js';
import { type HistoryFacts, historyFacts } from './facts.js';
import { isDormant, stuckWindowTouches } from './flags.js';
import { isPlatform } from './ladder.js';
import { describeChannels } from './reason.js';
import type { Channel, NextStep, PersonHistory, ScoreConfig, StepKind } from './types.js';

/** Suggested length of each step in minutes (null: an email has no length). */
export const STEP_MINUTES: Record<StepKind, number | null> = {
  email: null,
  call: 20,
  video: 30,
  coffee: 45,
  follow_up: 30,
  reconnect: 30,
};

/**
 * A platform-only contact who sent at least this many one-to-one messages within the stuck
 * window is already chatting: a 20-minute call is one rung, an email would be a step sideways.
 */
export const CHATTY_INBOUND_MESSAGES = 3;

function step(kind: StepKind, why: string): NextStep {
  return { kind, minutes: STEP_MINUTES[kind], why };
}

function platformOnly(facts: HistoryFacts, now: number, config: ScoreConfig): NextStep {
  if (facts.count === 0)
    return step('email', 'no conversation yet; an email is the first step off the platform');
  const inbound = stuckWindowTouches(facts, now, config).filter(
    (t) => t.channel === 'message' && t.audience === 'one_to_one' && t.direction !== 'out',
  ).length;
  if (inbound >= CHATTY_INBOUND_MESSAGES) {
    const window = humanizeDuration(config.stuck.windowDays * DAY_MS);
    return step(
      'call',
      `they sent ${plural(inbound, 'message')} in the last ${window} and never spoke with you; ` +
        'you are already chatting, so a 20-minute call is the next rung',
    );
  }
  const platform: Partial<Record<Channel, number>> = {};
  for (const [channel, n] of Object.entries(facts.channels) as [Channel, number][]) {
    if (isPlatform(channel)) platform[channel] = n;
  }
  return step(
    'email',
    `only platform touches so far (${describeChannels(platform)}); an email is the first step off the platform`,
  );
}

function liveNeverMet(history: PersonHistory, facts: HistoryFacts): NextStep {
  const live = describeChannels({ call: facts.channels.call ?? 0, video: facts.channels.video ?? 0 });
  if (history.sameCity === true) {
    return step(
      'coffee',
      `spoke live (${live}) but never met, and you are in the same city; meet for a 45-minute coffee`,
    );
  }
  const city = history.sameCity === false ? 'you are not in the same city' : 'their city is not known';
  return step(
    'video',
    `spoke live (${live}) but never met, and ${city}; a 30-minute video call keeps it live`,
  );
}

/** The next step from precomputed facts (see nextStepFor); never throws. */
export function nextStepFromFacts(
  history: PersonHistory,
  facts: HistoryFacts,
  now: number,
  config: ScoreConfig,
): NextStep {
  if (facts.lastInPersonAt !== null) {
    const met = `met in person ${ago(facts.lastInPersonAt, now)}`;
    if (isDormant(facts, now, config)) {
      const quiet = humanizeDuration(now - (facts.lastTouchAt ?? now));
      return step('reconnect', `${met}, quiet for ${quiet}; reconnect before the tie lapses`);
    }
    return step('follow_up', `${met}; follow up to keep it going`);
  }
  if (facts.lastLiveAt !== null) return liveNeverMet(history, facts);
  if (facts.lastOfflineAt !== null) {
    const emails = facts.channels.email ? ` (${plural(facts.channels.email, 'email')})` : '';
    return step('video', `emailed${emails} but never spoke live; a 30-minute video call is the next rung`);
  }
  return platformOnly(facts, now, config);
}

/**
 * The next rung with this person, never a leap (DESIGN.md "The next step"): platform only →
 * email (or a 20-minute call when they already chat, see CHATTY_INBOUND_MESSAGES); email →
 * video call; calls or video → coffee in the same city, else video; met → follow-up, or
 * reconnect when dormant. Never throws.
 */
export function nextStepFor(history: PersonHistory, now: number, config: ScoreConfig): NextStep {
  return nextStepFromFacts(history, historyFacts(history, now), now, config);
}
