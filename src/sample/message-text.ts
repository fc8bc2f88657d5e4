import { TOPICS } from './names.js';
import type { Random } from './random.js';

/** Who is talking in what kind of thread; templates read nothing else. */
export interface TextContext {
  style: 'contact' | 'pitch' | 'recruiter' | 'spammer' | 'group';
  fromOwner: boolean;
  opening: boolean;
  /** First names of the contact (or group) and of the owner; the contact's company and city. */
  them: string;
  me: string;
  company: string;
  city: string;
  /** The thread's main topic; most messages stay on it. */
  topic: string;
  /** The previous message's template, so a thread never repeats itself back to back. */
  previous?: Line | undefined;
}

export type Line = (c: TextContext, topic: string) => string;

const GREETINGS: readonly ((name: string) => string)[] = [
  (n) => `Hi ${n}`,
  (n) => `Hey ${n}`,
  (n) => `Hello ${n}`,
  (n) => `Morning ${n}`,
  (n) => n,
];
const SIGN_OFFS = ['Best,', 'Thanks,', 'Cheers,', 'Talk soon,', 'Kind regards,'] as const;

const CONTACT_OPEN_OUT: readonly Line[] = [
  (c) =>
    `thanks for connecting! I work with ops teams at companies like ${c.company || 'yours'}, happy to swap notes.`,
  (_, t) => `great meeting you at the SaaStr happy hour. You mentioned ${t}, I'd love to hear more.`,
  (_, t) => `saw your post on ${t}. Spot on about the data quality piece.`,
];
const CONTACT_OPEN_IN: readonly Line[] = [
  (c) => `thanks for the connect, ${c.me}. Always good to meet people in the analytics space.`,
  (_, t) => `a colleague said you helped them with ${t}. Do you have a minute to share how that went?`,
];
const CONTACT_OUT: readonly Line[] = [
  (_, t) => `quick one on ${t}: did the team get a chance to look at the deck?`,
  (c) => `I'll be in ${c.city} next month. Any chance you're around?`,
  () => 'Totally agree. Let me check with our solutions engineer and come back to you.',
  (_, t) => `here's the one-pager on ${t}: https://www.example.com/brightwave/one-pager`,
  () => 'Ha, fair point 😄',
  () => 'Thanks! Have a great weekend.',
  (_, t) => `following up on ${t}. Is Thursday still realistic for a decision?`,
  () => 'Congrats on the new role, well deserved!',
  (c) => `would a short demo for the ${c.company || 'wider'} team help? Happy to tailor it.`,
  (_, t) => `I pulled two customer stories on ${t}, sending them over now.`,
  () => 'No rush at all, just keeping it on your radar.',
  () => 'how did the offsite go? Hope the team enjoyed it.',
  (_, t) => `our product team shipped the fix for ${t} last night.`,
  () => 'Saw the news about your funding round, congrats!',
  () => 'Does end of month still work for the kickoff?',
  (_, t) => `I can loop in our CTO if it helps with ${t}.`,
  () => 'Got it, thanks for the honesty.',
  () => 'Sending the updated quote today.',
];
const CONTACT_IN: readonly Line[] = [
  (_, t) => `we're still debating ${t} internally. Finance wants numbers first.`,
  () => 'Sounds good, send it over.',
  () => "Sorry for the slow reply, it's been a crazy quarter.",
  (c) => `I'm in ${c.city} most weeks, let's see.`,
  (_, t) => `our CFO asked about ${t} again today, so your timing is good.`,
  () => 'Thanks, appreciate it!',
  () => "Not yet, I'll nudge them tomorrow.",
  () => 'Can you share a customer reference in logistics?',
  () => 'Will do 👍',
  (_, t) => `honestly ${t} is our biggest headache right now.`,
  () => 'Can we push to next week? Board prep is eating my calendar.',
  () => 'Haha, true.',
  (c) => `Loved your post yesterday, ${c.me}. Shared it with my team.`,
  (_, t) => `one concern on ${t}: how long does onboarding usually take?`,
  () => "I'll forward this to our head of procurement.",
  () => 'Yes! Let me know when the new version is out.',
  () => 'Makes sense. What does pricing look like for 50 seats?',
  () => 'Just back from vacation, catching up now.',
];
const PITCH_OUT: readonly Line[] = [
  (c) =>
    `I help teams like ${c.company || 'yours'} cut reporting time in half. Open to a 15-minute chat next week?`,
  () => 'Just bumping this up in case it got buried.',
  () => 'Any thoughts on my note below?',
  (_, t) => `Last try from me: we just published a guide on ${t}, happy to send it over.`,
];
const RECRUITER_IN: readonly Line[] = [
  (c) =>
    `I'm hiring an Enterprise Account Executive (remote, ${c.city}) and your background stood out. Open to a quick call?`,
  () => 'Following up on my last message: the role is still open and the comp is very competitive.',
  (c) =>
    `<p>Hi ${c.me},</p><p>We're building a world-class sales team. R&amp;D budget is up 40% &amp; we're scaling fast.</p>`,
];
const SPAMMER_IN: readonly Line[] = [
  (c) =>
    `<p>Hi ${c.me},</p><p>We book 20+ qualified meetings a month for SaaS AEs. <a href="https://www.example.com/growth?utm_source=li&amp;ref=${c.me.toLowerCase()}">See how</a>.</p>`,
  () => 'Are you the right person to talk to about outsourcing your lead generation? Q&A call this week?',
  (c) =>
    `3 quick ideas to 10x your pipeline, ${c.me}:\n1. Automate outreach\n2. Hire our SDRs\n3. Reply "YES" for a free audit`,
];
const GROUP: readonly Line[] = [
  (_, t) => `Adding everyone here so we have one thread for ${t}.`,
  () => 'Works for me. Tuesday 10am?',
  () => "I'll send the calendar invite.",
  (_, t) => `Quick update on ${t}: legal signed off on the DPA.`,
  () => 'Great, thanks all!',
];

const HOSTILE = {
  script: (c: TextContext) => `<p>Hi ${c.me}, quick question</p><script>alert(1)</script>`,
  img: (c: TextContext) => `Free audit for ${c.me}! <img src=x onerror=alert(1)> Click before Friday.`,
} as const;
export type HostileKind = keyof typeof HOSTILE;

function pool(c: TextContext): readonly Line[] {
  switch (c.style) {
    case 'recruiter':
      return RECRUITER_IN;
    case 'spammer':
      return SPAMMER_IN;
    case 'pitch':
      return PITCH_OUT;
    case 'group':
      return GROUP;
    default:
      if (c.opening) return c.fromOwner ? CONTACT_OPEN_OUT : CONTACT_OPEN_IN;
      return c.fromOwner ? CONTACT_OUT : CONTACT_IN;
  }
}

/** The CONTENT of one message: plain, multi-line letter style, or HTML (sometimes hostile, on purpose). */
export function messageText(rng: Random, c: TextContext, hostile?: HostileKind): string {
  if (hostile) return HOSTILE[hostile](c);
  const lines = pool(c);
  // Outreach sequences and group threads start with their opener, as they do in real life.
  const sequenced = c.style === 'pitch' || c.style === 'group';
  const choices = sequenced && !c.opening ? lines.slice(1) : lines;
  let line = sequenced && c.opening ? (lines[0] as Line) : rng.pick(choices);
  if (line === c.previous) line = rng.pick(choices);
  c.previous = line;
  const body = line(c, rng.chance(0.7) ? c.topic : rng.pick(TOPICS));
  if (body.startsWith('<') || c.style === 'group') return body;
  const roll = rng.next();
  const capital = body.charAt(0).toUpperCase() + body.slice(1);
  const greeting = rng.pick(GREETINGS)(c.fromOwner ? c.them : c.me);
  if (roll < 0.12) {
    const from = c.fromOwner ? c.me : c.them;
    return `${greeting},\n\n${capital}\n\n${rng.pick(SIGN_OFFS)}\n${from}`;
  }
  if (roll < 0.4 && c.style !== 'spammer' && (c.opening || c.style !== 'contact')) {
    const lower = /^I\b/.test(body) ? body : body.charAt(0).toLowerCase() + body.slice(1);
    return `${greeting}, ${lower}`;
  }
  if (roll > 0.985) return `<p>${capital.replace(/&/g, '&amp;')}</p>`;
  return capital;
}

/** A subject line for the opening message of InMail-like threads; most threads have none. */
export function subjectFor(rng: Random, c: TextContext): string {
  if (c.style === 'recruiter')
    return rng.pick(['Exciting opportunity', 'Enterprise AE role', 'Quick question']);
  if (c.style === 'spammer') return rng.pick(['Partnership', 'Quick idea for Brightwave', '']);
  return rng.chance(0.08) ? rng.pick(['Intro', 'Following up', 'Re: pricing']) : '';
}
