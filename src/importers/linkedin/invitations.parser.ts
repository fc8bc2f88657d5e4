import { readCsvBatches } from '../csv-reader.js';
import { plainText } from '../plain-text.js';
import { stableId } from '../stable-id.js';
import type { ImportRecord, SourceEntry } from '../types.js';
import { parseLinkedInDate } from './linkedin-dates.js';
import type { LinkedInOwner, LinkedInPeople } from './linkedin-people.js';

const cell = (fields: readonly string[], i: number): string => (i < 0 ? '' : (fields[i] ?? '').trim());

/**
 * Invitations.csv (`From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl`;
 * 2018 without the URLs) → one-to-one touches: a message when the invitation carried one,
 * else a bare request ('reaction'). The owner's side teaches their profile URL.
 */
export function parseInvitations(
  entry: SourceEntry,
  owner: LinkedInOwner,
  people: LinkedInPeople,
): AsyncGenerator<ImportRecord[]> {
  const file = entry.path;
  return readCsvBatches(entry, { file, required: ['From', 'To', 'Sent At'] }, (header) => {
    const from = header.index('From');
    const to = header.index('To');
    const sentAt = header.index('Sent At');
    const message = header.index('Message');
    const direction = header.index('Direction');
    const inviterUrl = header.index('inviterProfileUrl');
    const inviteeUrl = header.index('inviteeProfileUrl');
    return {
      row(fields, line, out) {
        const rawDate = cell(fields, sentAt);
        const at = parseLinkedInDate(rawDate);
        if (at === undefined) {
          out.push({
            type: 'rejected',
            file,
            line,
            reason: `unreadable date in Sent At: ${JSON.stringify(rawDate.slice(0, 60))}`,
          });
          return;
        }
        const inviter = { name: cell(fields, from), url: cell(fields, inviterUrl) };
        const invitee = { name: cell(fields, to), url: cell(fields, inviteeUrl) };
        const stated = cell(fields, direction).toUpperCase();
        let outgoing: boolean;
        if (stated === 'OUTGOING' || stated === 'SENT') outgoing = true;
        else if (stated === 'INCOMING' || stated === 'RECEIVED') outgoing = false;
        else if (owner.isOwner(inviter.name, inviter.url)) outgoing = true;
        else if (owner.isOwner(invitee.name, invitee.url)) outgoing = false;
        else {
          out.push({
            type: 'rejected',
            file,
            line,
            reason: 'cannot tell who sent this invitation: no Direction and neither side is you',
          });
          return;
        }
        const me = outgoing ? inviter : invitee;
        const other = outgoing ? invitee : inviter;
        if (owner.learn(me.name, me.url)) out.push(owner.record(file, line));
        const ref = people.ref(other.name, other.url);
        if (ref === undefined) {
          out.push({ type: 'rejected', file, line, reason: 'invitation names no one on the other side' });
          return;
        }
        const { words, snippet } = plainText(cell(fields, message));
        out.push({
          type: 'interaction',
          file,
          line,
          externalId: stableId('inv', outgoing ? 'out' : 'in', ref.key, String(at)),
          at,
          channel: words > 0 ? 'message' : 'reaction',
          network: 'linkedin',
          direction: outgoing ? 'out' : 'in',
          audience: 'one_to_one',
          length: words > 0 ? words : null,
          snippet: words > 0 ? snippet : undefined,
          participants: [ref],
        });
      },
    };
  });
}
