/**
 * What people say outside LinkedIn: friends in chat apps, clients by email. Non-ASCII and emoji
 * on purpose, so Meta's mojibake, RFC 2047 and UTF-8 handling all get exercised.
 */
import { CAFES, TOPICS } from './names.js';
import type { Random } from './random.js';

export type Tone = 'friend' | 'work';

type Line = (them: string, topic: string) => string;

const FRIEND: readonly Line[] = [
  (t) => `Hey ${t}! How was the trip?`,
  () => 'Haha 😂 no way',
  () => 'Café on Saturday? ☕',
  () => 'Running late, 10 min 🙈',
  () => 'Happy birthday!! 🎉🎂',
  () => 'Did you see the match last night?',
  () => 'ça marche, à plus tard !',
  () => 'Schöne Grüße aus Berlin 👋',
  () => '¡Feliz cumpleaños! 🥳',
  (t) => `Thanks ${t}, that made my day ❤️`,
  () => 'Sending you the photos now 📸',
  () => 'Sounds good 👍',
  () => 'Can’t make it tonight, sorry… next week?',
  () => 'Just landed ✈️',
  () => 'We should do dinner soon',
];

const WORK: readonly Line[] = [
  (t, topic) => `Hi ${t}, quick one on ${topic}: any news from your side?`,
  (_, topic) => `I'll send the summary on ${topic} tonight.`,
  () => 'Thanks, that works for me.',
  () => 'Can we move our call to Thursday?',
  (_, topic) => `Legal is still reviewing ${topic}.`,
  () => 'On my way, 5 min 🚕',
  (t) => `Great seeing you today, ${t}!`,
  () => 'Perfect, see you there.',
  (_, topic) => `Do you have the latest numbers for ${topic}?`,
  () => 'Got it 👍',
];

/** One chat message in `tone`, addressed to `them` (a first name). */
export function chatLine(rng: Random, tone: Tone, them: string): string {
  return rng.pick(tone === 'friend' ? FRIEND : WORK)(them, rng.pick(TOPICS));
}

/** A message spanning several lines, as people paste lists and addresses. */
export function multiLineText(rng: Random, them: string): string {
  return rng.pick([
    `Hi ${them},\nhere are the three options:\n1. Tuesday 10:00\n2. Wednesday 14:30\n3. Friday morning`,
    `Address for tonight:\nCafé Einstein\nKurfürstenstraße 58\n10785 Berlin`,
    `Notes from today:\n- pilot scope agreed\n- pricing by Friday\n- next call in two weeks`,
  ]);
}

/** Email subject lines, some about the thread's topic. */
export const SUBJECTS: readonly ((topic: string) => string)[] = [
  (t) => `Follow-up: ${t}`,
  (t) => `Notes on ${t}`,
  () => 'Café next week?',
  (t) => `Proposal for ${t} – draft v2`,
  () => 'Intro: Brightwave × your team',
  () => 'Quick question',
];

/** A plain-text email body; some lines start with "From " on purpose (mbox must escape them). */
export function emailBody(rng: Random, them: string, me: string, topic: string): string {
  const middle = rng.pick([
    `Thanks for your time today. As promised, a short recap on ${topic}.`,
    `From what I heard on the call, ${topic} is the priority for next quarter.`,
    `Would you have 30 minutes next week? Happy to come by, or we meet at ${rng.pick(CAFES)}.`,
    `Attached the updated numbers. Let me know if anything looks off – I'm around all week.`,
  ]);
  const quote = rng.chance(0.3)
    ? `\n\nFrom my notes:\n> pilot with 20 seats\n> decision by end of month`
    : '';
  return `Hi ${them},\n\n${middle}${quote}\n\nBest,\n${me}\n`;
}
