import { type Channel, type Direction, NETWORKS, type Network } from '../../core/types.js';

/**
 * Words → channels, tried in this order on the cell's words (so "Zoom call" is video, "Email
 * reply" email, "Comment on post" a comment). A word also matches with -s, -d, -ed, -es or
 * -ing, except those marked `=` ("meeting" is not "meet").
 */
const CHANNEL_WORDS: readonly (readonly [Channel, readonly string[]])[] = [
  ['video', ['video', 'zoom', '=meet', 'teams', 'skype', 'webex', 'facetime', 'hangout', 'videocall']],
  ['call', ['call', 'phone', 'voice', 'telephone', 'rang', 'phonecall']],
  [
    'in_person',
    [
      'coffee',
      'meeting',
      'lunch',
      'dinner',
      'breakfast',
      'drinks',
      'visit',
      'event',
      'met',
      'inperson',
      'offline',
    ],
  ],
  ['email', ['email', 'mail']],
  ['message', ['message', 'dm', 'chat', 'chatted', 'sms', 'text', 'whatsapp', 'inmail', 'pm', 'im']],
  ['comment', ['comment', 'reply', 'replied', 'mention', 'answer']],
  ['reaction', ['like', 'reaction', 'react', 'upvote', 'endorse', 'endorsement', 'heart']],
  ['broadcast', ['post', 'tweet', 'pin', 'pinned', 'repin', 'share', 'article', 'story']],
];

const SUFFIXES = ['', 's', 'd', 'ed', 'es', 'ing'];

/** The words of a cell, lower-cased; `in person`, `e-mail`, `video call` and `in_person` each become one word too. */
function words(value: string): string[] {
  const lower = value.toLowerCase().trim();
  const joined = lower
    .replace(/\bin[ _-]person\b/g, 'inperson')
    .replace(/\be-mail/g, 'email')
    .replace(/\b(video|phone) call/g, '$1call');
  return joined.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** The channel a cell names (`Coffee`, `zoom`, `Phone call`, `DM`…), case-insensitively; undefined when unknown. */
export function channelOf(value: string): Channel | undefined {
  const found = words(value);
  for (const [channel, list] of CHANNEL_WORDS)
    if (
      found.some((w) =>
        list.some((word) =>
          word.startsWith('=') ? w === word.slice(1) : SUFFIXES.some((s) => w === word + s),
        ),
      )
    )
      return channel;
  return undefined;
}

const DIRECTION_WORDS: Record<string, Direction> = {
  in: 'in',
  incoming: 'in',
  inbound: 'in',
  received: 'in',
  from: 'in',
  out: 'out',
  outgoing: 'out',
  outbound: 'out',
  sent: 'out',
  to: 'out',
  mutual: 'mutual',
  both: 'mutual',
  'two-way': 'mutual',
  twoway: 'mutual',
};

/** The direction a cell names (`Incoming`, `sent`, `both`…); undefined when unknown. */
export function directionOf(value: string): Direction | undefined {
  return DIRECTION_WORDS[value.trim().toLowerCase()];
}

const NETWORK_ALIASES: Record<string, Network> = {
  x: 'twitter',
  gmail: 'email',
  mail: 'email',
  sms: 'phone',
  fb: 'facebook',
  ig: 'instagram',
};

/** The network a cell names (`LinkedIn`, `X`, `gmail`…); undefined when Rapport has no such network. */
export function networkOf(value: string): Network | undefined {
  const v = value.trim().toLowerCase();
  return (NETWORKS as readonly string[]).includes(v) ? (v as Network) : NETWORK_ALIASES[v];
}

/** Live channels: their length is minutes, and with no direction column they are mutual. */
export const isLive = (channel: Channel): boolean =>
  channel === 'call' || channel === 'video' || channel === 'in_person';
