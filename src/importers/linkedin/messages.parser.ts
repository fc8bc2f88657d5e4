import { type CsvHeader, type RowHandler, readCsvBatches } from '../csv-reader.js';
import { detach } from '../identity-keys.js';
import { plainText } from '../plain-text.js';
import { stableId } from '../stable-id.js';
import type { ImportRecord, SourceEntry } from '../types.js';
import { parseLinkedInDate } from './linkedin-dates.js';
import type { LinkedInOwner, LinkedInPeople } from './linkedin-people.js';
import { otherParticipants, type Party } from './message-participants.js';
import { OwnerGuess } from './owner-guess.js';

/** Rows held back while guessing the owner (see OwnerGuess). */
const GUESS_LIMIT = 2000;

const cell = (fields: readonly string[], i: number): string => (i < 0 ? '' : (fields[i] ?? ''));

/** `trim()` only when there is something to trim: most cells have nothing, and this is per row. */
function tidy(s: string): string {
  const n = s.length;
  return n === 0 || (s.charCodeAt(0) > 32 && s.charCodeAt(n - 1) > 32) ? s : s.trim();
}

/**
 * messages.csv, modern (`CONVERSATION ID,…,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,
 * DATE,SUBJECT,CONTENT,FOLDER[,ATTACHMENTS,IS MESSAGE DRAFT,…]`) or 2018 (`From,To,Date,Subject,
 * Content,Direction,Folder`) → message interactions. Drafts are skipped. The direction comes
 * from the Direction column when there is one, else from whether FROM is the owner.
 */
export function parseMessages(
  entry: SourceEntry,
  owner: LinkedInOwner,
  people: LinkedInPeople,
): AsyncGenerator<ImportRecord[]> {
  const file = entry.path;
  return readCsvBatches(entry, { file, required: ['From', 'To', 'Date', 'Content'] }, (header) =>
    messageRows(header, file, owner, people),
  );
}

function messageRows(
  header: CsvHeader,
  file: string,
  owner: LinkedInOwner,
  people: LinkedInPeople,
): RowHandler {
  const col = {
    conversation: header.index('Conversation ID'),
    from: header.index('From'),
    senderUrl: header.index('Sender Profile URL'),
    to: header.index('To'),
    recipientUrls: header.index('Recipient Profile URLs'),
    date: header.index('Date'),
    subject: header.index('Subject'),
    content: header.index('Content'),
    direction: header.index('Direction'),
    draft: header.index('Is Message Draft'),
    folder: header.index('Folder'),
  };
  const groups = new Set<string>();
  let lastConversation = '';
  let thread: string | undefined;
  let inGroup = false;
  let guess = owner.known || col.direction >= 0 ? undefined : new OwnerGuess();
  const held: { fields: string[]; line: number }[] = [];

  const settleGuess = (out: ImportRecord[]): void => {
    const name = guess?.best();
    guess = undefined;
    const first = held[0];
    if (name !== undefined && first !== undefined && owner.learn(name, ''))
      out.push(owner.record(file, first.line));
    for (const row of held) message(row.fields, row.line, out);
    held.length = 0;
  };

  const message = (fields: readonly string[], line: number, out: ImportRecord[]): void => {
    if (col.draft >= 0) {
      const draft = cell(fields, col.draft);
      if (draft !== 'false' && draft !== '' && draft.trim().toLowerCase() === 'true') return;
    }
    if (col.folder >= 0) {
      const folder = cell(fields, col.folder);
      if (folder !== 'INBOX' && folder.trim().toUpperCase() === 'DRAFTS') return;
    }
    const rawDate = cell(fields, col.date);
    const at = parseLinkedInDate(rawDate);
    if (at === undefined) {
      out.push({
        type: 'rejected',
        file,
        line,
        reason: `unreadable date in DATE: ${JSON.stringify(rawDate.slice(0, 60))}`,
      });
      return;
    }
    const sender: Party = { name: tidy(cell(fields, col.from)), url: tidy(cell(fields, col.senderUrl)) };
    const to = tidy(cell(fields, col.to));
    const toUrls = tidy(cell(fields, col.recipientUrls));
    const stated = col.direction < 0 ? '' : cell(fields, col.direction).trim().toUpperCase();
    const outgoing =
      stated === 'OUTGOING' || stated === 'SENT'
        ? true
        : stated === 'INCOMING'
          ? false
          : owner.isOwner(sender.name, sender.url);
    if (outgoing) {
      if (owner.learn(sender.name, sender.url)) out.push(owner.record(file, line));
    } else if (
      (stated === 'INCOMING' && to.indexOf(',') === -1 && toUrls.indexOf(' ') === -1) ||
      (!owner.hasUrl && toUrls !== '' && owner.isOwnerName(to))
    ) {
      // A message to the owner alone: its recipient is the owner (teaches a URL, or a name in 2018 files).
      if (owner.learn(to, toUrls)) out.push(owner.record(file, line));
    }
    const participants = otherParticipants(outgoing ? undefined : sender, to, toUrls, owner, people);
    const conversation = cell(fields, col.conversation);
    if (conversation !== lastConversation) {
      lastConversation = detach(conversation);
      thread = conversation === '' ? undefined : lastConversation;
      inGroup = thread !== undefined && groups.has(thread);
    }
    if (participants.length > 1 && thread !== undefined && !inGroup) {
      groups.add(thread);
      inGroup = true;
    }
    let content = cell(fields, col.content);
    if (content === '' || (content.charCodeAt(0) <= 32 && content.trim() === ''))
      content = cell(fields, col.subject);
    const { words, snippet } = plainText(content);
    out.push({
      type: 'interaction',
      file,
      line,
      externalId: stableId('msg', conversation || to, rawDate, sender.url || sender.name, content),
      at,
      channel: 'message',
      network: 'linkedin',
      direction: outgoing ? 'out' : 'in',
      audience: participants.length > 1 || inGroup ? 'group' : 'one_to_one',
      length: words,
      threadId: thread,
      snippet: snippet === '' ? undefined : snippet,
      participants,
    });
  };

  return {
    row(fields, line, out) {
      if (guess === undefined) return message(fields, line, out);
      held.push({ fields: fields.slice(), line });
      const names = [cell(fields, col.from), ...cell(fields, col.to).split(',')];
      if (guess.add(names) || held.length >= GUESS_LIMIT) settleGuess(out);
    },
    end(out) {
      if (guess !== undefined) settleGuess(out);
    },
  };
}
