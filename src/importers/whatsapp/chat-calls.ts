import { MARKS } from './chat-line.js';

/** What a message line is besides text: a call, a missed call, or a system notice. */
export type ChatEvent =
  | { kind: 'call'; channel: 'call' | 'video'; minutes: number | null }
  | { kind: 'missed'; channel: 'call' | 'video' }
  | { kind: 'system' };

// Call notices as iOS writes them, in the languages seen in exports (English, German, Spanish,
// French, Portuguese, Italian, Dutch). Missed first: "Missed voice call" also holds "voice call".
const MISSED_VOICE =
  /^(?:missed voice call|verpasster sprachanruf|llamada de voz perdida|appel vocal manqué|chamada de voz perdida|chiamata vocale persa|gemiste spraakoproep)/i;
const MISSED_VIDEO =
  /^(?:missed video call|verpasster videoanruf|videollamada perdida|appel vidéo manqué|chamada de vídeo perdida|videochiamata persa|gemiste video-oproep)/i;
const VOICE =
  /^(?:voice call|sprachanruf|llamada de voz|appel vocal|chamada de voz|chiamata vocale|spraakoproep)/i;
const VIDEO =
  /^(?:video call|videoanruf|videollamada|appel vidéo|chamada de vídeo|videochiamata|video-oproep)/i;
/** A call that did not connect. */
const UNANSWERED =
  /no answer|declined|tap to call back|keine antwort|abgelehnt|sin respuesta|rechazada|pas de réponse|refusé|sem resposta|recusada|nessuna risposta|rifiutata|geen antwoord|geweigerd/i;
const DURATION =
  /(\d+)\s*(h|hr|hrs|hour|hours|std|stunde|stunden|heure|heures|hora|horas|ora|ore|uur|min|mins|minute|minutes|minuten|minuto|minutos|minuti|sec|secs|second|seconds|sek|s|seg|segundos|secondi|seconde|seconden)\b/gi;

/** Minutes from "12 min", "1 hr 5 min", "45 sec" (seconds round up to a minute), or null. */
export function callMinutes(text: string): number | null {
  let seconds = 0;
  let found = false;
  for (const m of text.matchAll(DURATION)) {
    const n = Number(m[1]);
    const unit = m[2]!.toLowerCase();
    found = true;
    if (/^(h|hr|hrs|hour|hours|std|stunde|stunden|heure|heures|hora|horas|ora|ore|uur)$/.test(unit))
      seconds += n * 3600;
    else if (unit.startsWith('m')) seconds += n * 60;
    else seconds += n;
  }
  return found ? Math.ceil(seconds / 60) : null;
}

/**
 * The rest of a call notice after its keyword ("", "12 min", "Tap to call back"), or undefined
 * when the text only starts like one ("Video call tomorrow?" is a message).
 */
function noticeRest(plain: string, keyword: RegExp): string | undefined {
  const m = keyword.exec(plain);
  if (!m) return undefined;
  const after = plain.slice(m[0].length).trim();
  if (after === '') return '';
  if (!/^[,.·•]/.test(after) || after.length > 48) return undefined;
  const rest = after.slice(1).trim();
  return rest === '' || UNANSWERED.test(rest) || callMinutes(rest) !== null ? rest : undefined;
}

/**
 * A call or system notice in a message's text, or undefined for an ordinary message.
 * iOS marks notices and media with a leading U+200E; marked lines that are neither calls nor
 * media ("Messages and calls are end-to-end encrypted", "You deleted this message") are system
 * notices.
 */
export function chatEvent(text: string): ChatEvent | undefined {
  const marked = text.startsWith('\u200e');
  if (!marked && text.length > 80) return undefined; // notices are short; most messages are not
  const plain = text.replace(MARKS, '').trim();
  if (noticeRest(plain, MISSED_VOICE) !== undefined) return { kind: 'missed', channel: 'call' };
  if (noticeRest(plain, MISSED_VIDEO) !== undefined) return { kind: 'missed', channel: 'video' };
  for (const [keyword, channel] of [
    [VIDEO, 'video'],
    [VOICE, 'call'],
  ] as const) {
    const rest = noticeRest(plain, keyword);
    if (rest === undefined) continue;
    if (UNANSWERED.test(rest)) return { kind: 'missed', channel };
    return { kind: 'call', channel, minutes: callMinutes(rest) };
  }
  if (marked && !isMedia(plain)) return { kind: 'system' };
  return undefined;
}

/** Photos, videos, voice notes and files, as Android and iOS write them. */
export function isMedia(text: string): boolean {
  return /<media omitted>|\bomitted$|<\s*attached:|<attached>|\(file attached\)|\.(?:jpe?g|png|webp|gif|mp4|opus|pdf|vcf)\b/i.test(
    text,
  );
}
