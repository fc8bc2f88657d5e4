/** Display formatting for the web app. Pure: `now` is a parameter. */

const DAY = 86_400_000;

/** "today", "yesterday", "3 days ago", "5 weeks ago", "4 months ago", "2 years ago"; "never" for null. */
export function ago(at: number | null, now: number): string {
  if (at === null) return 'never';
  const days = Math.floor((now - at) / DAY);
  if (days < 0) return 'upcoming';
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.round(days / 7)} weeks ago`;
  if (days < 730) return `${Math.round(days / 30.44)} months ago`;
  return `${Math.round(days / 365.25)} years ago`;
}

/** A ratio 0–1 as a whole percentage, "–" when unknown. */
export function percent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio)
    ? '–'
    : `${Math.round(ratio * 100)}%`;
}

/** A date in the reader's locale and zone, e.g. "28 Nov 2026". */
export function day(at: number | null, locale?: string): string {
  if (at === null) return '–';
  return new Date(at).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** Date and time, e.g. "Tue 1 Dec, 10:00". */
export function dateTime(at: number, locale?: string, timeZone?: string): string {
  return new Date(at).toLocaleString(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
}

/** Words for the rung kinds and channels the API returns as ids. */
export const STEP_LABELS: Record<string, string> = {
  email: 'Email',
  call: '20-minute call',
  video: 'Video call',
  coffee: 'Coffee',
  lunch: 'Lunch',
  follow_up: 'Follow up',
  reconnect: 'Reconnect',
};

export const CHANNEL_LABELS: Record<string, string> = {
  broadcast: 'post',
  reaction: 'reaction',
  comment: 'comment',
  message: 'message',
  email: 'email',
  call: 'call',
  video: 'video call',
  in_person: 'in person',
};

/** Whether a channel is a real conversation (tiers A and B): the offline lane of a timeline. */
export function isOffline(channel: string): boolean {
  return channel === 'email' || channel === 'call' || channel === 'video' || channel === 'in_person';
}

/** A network id in words ("linkedin" → "LinkedIn"). */
export function networkName(network: string): string {
  const names: Record<string, string> = {
    linkedin: 'LinkedIn',
    twitter: 'Twitter/X',
    facebook: 'Facebook',
    instagram: 'Instagram',
    email: 'Email',
    phone: 'Phone',
    skype: 'Skype',
    google: 'Google',
    whatsapp: 'WhatsApp',
    calendar: 'Calendar',
    manual: 'Logged by you',
    csv: 'CSV',
  };
  return names[network] ?? network;
}

/** A setting's name in words: the last part of its key, camelCase split ("halfLifeDays" → "half life days"). */
export function settingLabel(key: string): string {
  const last = key.slice(key.lastIndexOf('.') + 1);
  return last
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
