import { detach, emailKey } from '../identity-keys.js';
import { recentResults } from '../recent-results.js';
import { decodeWords } from './encoded-words.js';

/** One mailbox of an address header: the lower-cased address and the display name, if any. */
export interface Mailbox {
  address: string;
  name: string | undefined;
}

/** Addresses read from one header at most (a list to thousands is skipped long before). */
const MAX_ADDRESSES = 500;

/** Splits an address list at commas outside quotes, angle brackets and comments; drops group labels. */
function splitList(value: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  let angle = false;
  let comment = 0;
  for (let i = 0; i < value.length && parts.length < MAX_ADDRESSES; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (quoted) quoted = c !== '"';
    else if (c === '"') quoted = true;
    else if (c === '(') comment++;
    else if (c === ')' && comment > 0) comment--;
    else if (comment > 0) continue;
    else if (c === '<') angle = true;
    else if (c === '>') angle = false;
    else if (!angle && (c === ',' || c === ';')) {
      parts.push(value.slice(start, i));
      start = i + 1;
    } else if (!angle && c === ':') {
      start = i + 1; // `friends: a@x, b@y;` — the group's label is not an address
    }
  }
  if (parts.length < MAX_ADDRESSES) parts.push(value.slice(start));
  return parts;
}

function cleanName(raw: string): string | undefined {
  let name = raw.trim();
  if (name.startsWith('"') && name.endsWith('"') && name.length >= 2)
    name = name.slice(1, -1).replace(/\\(.)/g, '$1');
  name = decodeWords(name).replace(/\s+/g, ' ').trim();
  return name === '' ? undefined : name;
}

/**
 * One mailbox (`Name <a@b>`, `a@b (Name)`, `a@b`), or undefined when it holds no address.
 * A correspondent's mailbox is written alike in each of their messages, so each distinct text
 * is read once while in use (20,000 correspondents fit); the result is frozen, as it is shared.
 */
export const parseMailbox: (part: string) => Mailbox | undefined = recentResults((part) => {
  const mailbox = readMailbox(part);
  if (mailbox === undefined) return undefined;
  // Copies: kept here, a slice would keep the whole message's header text alive.
  const name = mailbox.name === undefined ? undefined : detach(mailbox.name);
  return Object.freeze({ address: detach(mailbox.address), name });
}, 16384);

function readMailbox(part: string): Mailbox | undefined {
  const open = part.lastIndexOf('<');
  const close = part.indexOf('>', open);
  if (open !== -1 && close !== -1) {
    const address = emailKey(part.slice(open + 1, close).replace(/^@[^:]*:/, ''));
    return address === undefined ? undefined : { address, name: cleanName(part.slice(0, open)) };
  }
  const comment = /\(([^)]*)\)/.exec(part);
  const bare = part.replace(/\([^)]*\)/g, '').trim();
  const address = emailKey(bare);
  return address === undefined ? undefined : { address, name: comment ? cleanName(comment[1]!) : undefined };
}

/** Every mailbox in the given header values, each address once, in order. */
export function parseAddressList(values: readonly string[] | undefined): readonly Mailbox[] {
  if (values === undefined || values.length === 0) return [];
  // One field (nearly always): its list as read once for that text.
  if (values.length === 1) return addressesOf(values[0]!);
  const out: Mailbox[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    for (const mailbox of addressesOf(value)) {
      if (seen.has(mailbox.address)) continue;
      seen.add(mailbox.address);
      out.push(mailbox);
      if (out.length >= MAX_ADDRESSES) return out;
    }
  }
  return out;
}

/**
 * The mailboxes of one header value, each address once. A correspondent's To: is written alike
 * in each message, so each distinct text is read once while in use; the list is shared, frozen.
 */
const addressesOf: (value: string) => readonly Mailbox[] = recentResults(
  (value) => Object.freeze(readAddresses(value)),
  8192,
);

function readAddresses(value: string): Mailbox[] {
  const out: Mailbox[] = [];
  const seen = new Set<string>();
  for (const part of splitList(value)) {
    const mailbox = parseMailbox(part);
    if (mailbox === undefined || seen.has(mailbox.address)) continue;
    seen.add(mailbox.address);
    out.push(mailbox);
    if (out.length >= MAX_ADDRESSES) break;
  }
  return out;
}
