import { readLines } from '../text-lines.js';
import type { SourceEntry } from '../types.js';

/** A logical (unfolded) line and the physical line it starts on. */
export interface CardLine {
  text: string;
  line: number;
}

/** One BEGIN:VCARD … END:VCARD block, or why one could not be read. */
export type CardBlock = { lines: CardLine[]; line: number } | { line: number; broken: string };

/** Most characters one card may hold (photos included); garbage must not grow without bound. */
export const MAX_CARD_CHARS = 16 << 20;

/** Quoted-printable property: `ENCODING=QUOTED-PRINTABLE` or vCard 2.1's bare `QUOTED-PRINTABLE`. */
const QP = /^[^:]*;(ENCODING=)?QUOTED-PRINTABLE[;:]/i;

class CardSplitter {
  out: CardBlock[] = [];
  private card: { lines: CardLine[]; line: number; chars: number } | undefined;
  private nested = 0;

  take(l: CardLine): void {
    const upper = l.text.trim().toUpperCase();
    if (this.card === undefined) {
      if (upper === 'BEGIN:VCARD') this.card = { lines: [], line: l.line, chars: 0 };
      return;
    }
    if (upper === 'BEGIN:VCARD') this.nested++;
    else if (upper === 'END:VCARD' && this.nested > 0) this.nested--;
    else if (upper === 'END:VCARD') {
      const card = this.card;
      this.card = undefined;
      this.out.push(
        card.chars > MAX_CARD_CHARS
          ? { line: card.line, broken: 'vCard is too large to be a real one' }
          : { lines: card.lines, line: card.line },
      );
      return;
    }
    // An agent's card nested inside (vCard 2.1 AGENT) is not this person's.
    if (this.nested > 0) return;
    this.card.chars += l.text.length;
    if (this.card.chars <= MAX_CARD_CHARS) this.card.lines.push(l);
  }

  end(): void {
    if (this.card !== undefined)
      this.out.push({ line: this.card.line, broken: 'vCard is cut off (no END:VCARD)' });
    this.card = undefined;
  }
}

/**
 * Streams the vCards of an entry in batches per chunk. Unfolds lines the ways real files fold
 * them: a line starting with a space or tab continues the previous one (Gmail, RFC 6350), and
 * a quoted-printable value ending in `=` continues on the next line whatever it holds (vCard
 * 2.1 from Outlook and Android). Empty lines are skipped; iPhone's CR CR LF endings give some.
 */
export async function* readCardBlocks(
  entry: SourceEntry,
): AsyncGenerator<{ cards: CardBlock[]; bytesRead: number }> {
  const splitter = new CardSplitter();
  let pending: (CardLine & { qp: boolean }) | undefined;
  let bytesRead = 0;
  for await (const batch of readLines(entry)) {
    bytesRead = batch.bytesRead;
    for (const { text, line } of batch.lines) {
      if (pending?.qp && pending.text.endsWith('=') && pending.text.length < MAX_CARD_CHARS) {
        pending.text = pending.text.slice(0, -1) + text;
        continue;
      }
      const c = text.charCodeAt(0);
      if (c === 32 || c === 9) {
        if (pending !== undefined && pending.text.length < MAX_CARD_CHARS) pending.text += text.slice(1);
        continue;
      }
      if (text === '') continue;
      if (pending !== undefined) splitter.take(pending);
      pending = { text, line, qp: QP.test(text) };
    }
    const cards = splitter.out;
    splitter.out = [];
    yield { cards, bytesRead };
  }
  if (pending !== undefined) splitter.take(pending);
  splitter.end();
  yield { cards: splitter.out, bytesRead };
}
