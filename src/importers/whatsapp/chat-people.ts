import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { detach, foldName, nameKey } from '../identity-keys.js';
import type { IdentityRef } from '../types.js';

const PHONE_SHAPE = /^\+[\d\s\-().]{6,24}$/;

/**
 * A sender as a WhatsApp identity: an E.164 number when the export shows a number (contacts
 * not saved in the phone), else `name:<folded name>`. Numbers without a `+` have no country and
 * stay names.
 */
export function whatsappIdentity(shown: string): IdentityRef | undefined {
  if (known.has(shown)) return known.get(shown);
  const ref = identityOf(shown.trim());
  // A chat has few senders and every line names one: remember them (bounded).
  if (known.size >= 4096) known.clear();
  known.set(detach(shown), ref);
  return ref;
}

const known = new Map<string, IdentityRef | undefined>();

function identityOf(name: string): IdentityRef | undefined {
  if (PHONE_SHAPE.test(name)) {
    const phone = parsePhoneNumberFromString(name);
    if (phone?.isValid()) return { network: 'whatsapp', key: phone.number, displayName: detach(name) };
  }
  const key = nameKey(name);
  return key === undefined ? undefined : { network: 'whatsapp', key: detach(key), displayName: detach(name) };
}

/** How two spellings of a sender are compared: the identity key. */
export function senderKey(shown: string): string {
  return whatsappIdentity(shown)?.key ?? '';
}

/** Export names that carry the chat's name, in the languages WhatsApp writes them. */
const TITLE =
  /^(?:whatsapp chat (?:with|-)|whatsapp-chat mit|chat de whatsapp con|conversa do whatsapp com|discussion whatsapp avec|chat whatsapp con|whatsapp-chat met)\s+(.+?)(?:\s*\(\d+\))?$/i;

function stem(name: string): string {
  return name.replace(/\.(txt|zip)$/i, '');
}

/**
 * The chat's name from the export's file names: `WhatsApp Chat with Bob.txt` (Android),
 * `WhatsApp Chat - Bob.zip` holding `_chat.txt` (iOS; the zip's name is the source label, or
 * the folder it was unzipped to). Undefined when no name says it.
 */
export function chatTitle(path: string, sourceLabel: string): string | undefined {
  const parts = path.split('/');
  const base = stem(parts[parts.length - 1] ?? '');
  const candidates =
    base.toLowerCase() === '_chat' ? [parts[parts.length - 2] ?? sourceLabel, sourceLabel] : [base];
  for (const candidate of candidates) {
    const m = TITLE.exec(stem(candidate).trim());
    if (m) return m[1]!.trim();
  }
  return undefined;
}

/** The folded form of a title, for matching it with a sender. */
export function titleKey(title: string | undefined): string | undefined {
  return title === undefined ? undefined : senderKey(title) || `name:${foldName(title)}`;
}
