/**
 * Facebook and Instagram exports, as Meta writes them: pretty JSON whose strings hold UTF-8
 * bytes as if each were a Latin-1 character, every one escaped (`é` → `\u00c3\u00a9`), so the
 * file itself is pure ASCII.
 */
import { fold } from './cast-identities.js';

const HIGH = /[\u007f-\u00ff]/g;

/** `value` as Meta's JSON, mojibake included. */
export function metaJson(value: unknown): string {
  const garbled = JSON.stringify(
    value,
    (_key, v: unknown) => (typeof v === 'string' ? Buffer.from(v, 'utf8').toString('latin1') : v),
    2,
  );
  return garbled.replace(HIGH, (c) => `\\u00${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Meta's thread folder stem for a person: the name's letters and digits (`Zoë Ång` → `zoeang`). */
export function threadStem(name: string): string {
  return fold(name).replace(/[^a-z0-9]/g, '');
}

/** A message as both Facebook and Instagram write them (newer exports carry the geoblock flag). */
export interface MetaMessage {
  sender_name: string;
  timestamp_ms: number;
  content?: string;
  type?: string;
  call_duration?: number;
  share?: { link: string };
  reactions?: { reaction: string; actor: string }[];
  is_geoblocked_for_viewer: boolean;
  is_unsent_image_by_messenger_kid_parent?: boolean;
}

/**
 * A thread page: participants, its slice of messages (newest first), and the thread's details;
 * `threadType` only for Facebook (Instagram threads do not state it).
 */
export function threadPage(
  participants: readonly string[],
  messages: readonly MetaMessage[],
  title: string,
  path: string,
  threadType?: 'Regular' | 'RegularGroup',
): string {
  return metaJson({
    participants: participants.map((name) => ({ name })),
    messages,
    title,
    is_still_participant: true,
    thread_type: threadType,
    thread_path: path,
    magic_words: [],
  });
}
