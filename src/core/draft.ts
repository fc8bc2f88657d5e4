import { RapportError } from '../errors.js';
import { networkLabel } from './ladder.js';
import { PLAN_KINDS, type PlanKind } from './plan-status.js';
import type { Network, Touch } from './types.js';

/**
 * Message drafts: plain-text templates with {placeholders}. A line that uses a placeholder with
 * nothing to say ("Last time we talked about {last_topic}" when there was no conversation) is
 * left out, so one template reads well with or without each fact.
 */

export const PLACEHOLDERS = [
  'first_name', // "Ada"
  'name', // "Ada Lovelace"
  'how_you_know', // "we connected on LinkedIn in March 2024"
  'last_topic', // a few words from the latest one-to-one message
  'slots', // the proposed times, one per line
  'minutes', // "45"
  'place', // where to meet in person
  'link', // the video link
  'phone', // their phone number
  'kind', // "coffee", "video call"
  'your_name',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type DraftValues = Record<Placeholder, string>;

const GREETING = 'Hi {first_name},\n\nIt has been good to be in touch since {how_you_know}.';
const TOPIC = 'Last time we talked about "{last_topic}", and I would love to hear more.';
const SLOTS = 'Any of these times would suit me:\n{slots}\nIf none of them works, just suggest another.';
const SIGN_OFF = 'Best,\n{your_name}';

/** The templates Rapport writes with unless the user stored their own for the kind. */
export const DEFAULT_TEMPLATES: Record<PlanKind, string> = {
  coffee: [
    GREETING,
    TOPIC,
    '',
    'Would you have time for a {minutes}-minute coffee at {place}?',
    SLOTS,
    '',
    SIGN_OFF,
  ].join('\n'),
  lunch: [GREETING, TOPIC, '', 'Would you like to have lunch together at {place}?', SLOTS, '', SIGN_OFF].join(
    '\n',
  ),
  video: [
    GREETING,
    TOPIC,
    '',
    'Would you have {minutes} minutes for a video call?',
    SLOTS,
    'The link: {link}',
    '',
    SIGN_OFF,
  ].join('\n'),
  call: [
    GREETING,
    TOPIC,
    '',
    'Would you have {minutes} minutes for a quick call?',
    SLOTS,
    'I would call you on {phone}, unless another number suits you better.',
    '',
    SIGN_OFF,
  ].join('\n'),
  email: [
    GREETING,
    'Last time we talked about "{last_topic}", and it stayed with me.',
    '',
    'I would like to hear how things are going on your side, and to tell you a little about what I am working on. Could we find a moment to talk?',
    '',
    SIGN_OFF,
  ].join('\n'),
};

// `{{` and `}}` write a literal brace; any other brace must open or close a placeholder.
const TOKEN = /\{\{|\}\}|\{([^{}\n]*)\}|[{}]/g;

function placeholdersIn(line: string): { names: string[]; stray: boolean } {
  const names: string[] = [];
  let stray = false;
  for (const match of line.matchAll(TOKEN)) {
    if (match[1] !== undefined) names.push(match[1]);
    else if (match[0] === '{' || match[0] === '}') stray = true;
  }
  return { names, stray };
}

// A draft is a short message; a template far longer than that is a mistake (a wrong file).
const MAX_TEMPLATE = 10_000;

/**
 * Returns the template when every {placeholder} in it is known and every brace is paired.
 * Throws RapportError input.invalid naming the unknown placeholder and listing the known ones.
 */
export function validateTemplate(text: string, kind: PlanKind): string {
  if (!PLAN_KINDS.includes(kind))
    throw new RapportError(
      'input.invalid',
      `There is no ${kind} template; use one of ${PLAN_KINDS.join(', ')}.`,
    );
  if (text.trim() === '') throw new RapportError('input.invalid', `The ${kind} template is empty.`);
  if (text.length > MAX_TEMPLATE)
    throw new RapportError(
      'input.invalid',
      `The ${kind} template is longer than ${MAX_TEMPLATE} characters.`,
    );
  const known = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
  text.split('\n').forEach((line, index) => {
    const { names, stray } = placeholdersIn(line);
    const unknown = names.find((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
    if (unknown !== undefined) {
      throw new RapportError(
        'input.invalid',
        `The ${kind} template uses {${unknown}} on line ${index + 1}, which Rapport does not know. Use ${known}.`,
        { kind, placeholder: unknown, line: index + 1 },
      );
    }
    if (stray) {
      throw new RapportError(
        'input.invalid',
        `The ${kind} template has an unpaired brace on line ${index + 1}; write {{ or }} for a literal brace.`,
        { kind, line: index + 1 },
      );
    }
  });
  return text;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: imported text loses its control characters
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]+/g;

/**
 * The draft: `template` (already validated) with each placeholder replaced by its value; lines
 * whose placeholders have no value are left out, runs of blank lines shrink to one. Values are
 * plain text: control characters go, and only {slots} may span lines. Never throws.
 */
export function renderDraft(template: string, values: DraftValues): string {
  const clean = (name: Placeholder) => {
    const value = (values[name] ?? '').replace(CONTROL, ' ');
    return name === 'slots' ? value.replace(/^\n+|\s+$/g, '') : value.replace(/\s+/g, ' ').trim();
  };
  const lines: string[] = [];
  for (const line of template.replace(/\r\n?/g, '\n').split('\n')) {
    const { names } = placeholdersIn(line);
    if (names.some((name) => clean(name as Placeholder) === '')) continue;
    lines.push(
      line.replace(TOKEN, (token, name: string | undefined) =>
        name !== undefined ? clean(name as Placeholder) : token[0]!,
      ),
    );
  }
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The name to greet: the first name when known, else the first word of the display name; never throws. */
export function firstNameOf(firstName: string | null, displayName: string): string {
  const first = firstName?.trim();
  if (first) return first;
  return displayName.trim().split(/\s+/)[0] ?? '';
}

/** A short quote from a message: at most `maxWords` words, cut with an ellipsis; '' for nothing. Never throws. */
export function topicQuote(snippet: string | null, maxWords = 8): string {
  if (!snippet) return '';
  const words = snippet
    .replace(CONTROL, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    // The template puts the quote in double quotes; nested ones would break it.
    .replace(/["“”]/g, "'")
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return '';
  const cut = words.length > maxWords;
  const quote = words.slice(0, maxWords).join(' ');
  return cut ? `${quote.replace(/[.,;:!?]+$/, '')}…` : quote;
}

/** Where people "connect", in the order a business contact most likely came from. */
const CONNECTING_NETWORKS: readonly Network[] = ['linkedin', 'facebook', 'twitter', 'instagram'];

// Networks that are a place of their own ("messaging on WhatsApp"); the others read as plain messaging.
const NAMED_NETWORKS: ReadonlySet<Network> = new Set([
  'linkedin',
  'twitter',
  'facebook',
  'instagram',
  'whatsapp',
  'skype',
]);

/** What is known about how the user met a person. */
export interface Acquaintance {
  /** When the connection was made, if a network told. */
  connectedAt: number | null;
  /** Networks the person has an account on in the book. */
  networks: readonly Network[];
  /** Their touches, any order. */
  touches: readonly Touch[];
}

/** "March 2024" in `timeZone`. */
function monthOf(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone }).format(at);
}

/**
 * How the user knows someone, as a clause that follows "since": "we connected on LinkedIn in
 * March 2024", "we started messaging on Twitter in May 2025", "we first emailed in June 2025",
 * "we first got in touch in …"; '' when nothing is known. Never throws for a valid zone.
 */
export function howYouKnow(person: Acquaintance, timeZone: string): string {
  const network = CONNECTING_NETWORKS.find((n) => person.networks.includes(n));
  if (person.connectedAt !== null && network !== undefined)
    return `we connected on ${networkLabel(network)} in ${monthOf(person.connectedAt, timeZone)}`;
  const direct = person.touches
    .filter((t) => t.audience === 'one_to_one' && (t.channel === 'message' || t.channel === 'email'))
    .sort((a, b) => a.at - b.at)[0];
  if (direct?.channel === 'message') {
    const where = NAMED_NETWORKS.has(direct.network) ? ` on ${networkLabel(direct.network)}` : '';
    return `we started messaging${where} in ${monthOf(direct.at, timeZone)}`;
  }
  if (direct?.channel === 'email') return `we first emailed in ${monthOf(direct.at, timeZone)}`;
  const first = person.touches.reduce<number | null>(
    (min, t) => (t.channel !== 'broadcast' && (min === null || t.at < min) ? t.at : min),
    person.connectedAt,
  );
  return first === null ? '' : `we first got in touch in ${monthOf(first, timeZone)}`;
}
