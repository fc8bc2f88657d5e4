import type { PersonSummary } from '../../services/people.service.js';
import { formatTable } from './table.js';
import { formatAgo, formatRatio, formatStrength } from './values.js';

/** The people list as a table. */
export function formatPeople(people: readonly PersonSummary[], total: number, now: number): string {
  if (total === 0) return 'No one matches. Import an export with: rapport import PATH';
  const table = formatTable(people, [
    { header: 'ID', value: (p) => `#${p.id}`, align: 'right' },
    { header: 'NAME', value: (p) => p.name, max: 28 },
    { header: 'COMPANY', value: (p) => p.company ?? '', max: 24 },
    { header: 'STRENGTH', value: (p) => formatStrength(p.strength), align: 'right' },
    { header: 'OFFLINE', value: (p) => formatRatio(p.offlineRatio), align: 'right' },
    { header: 'LIVE', value: (p) => formatRatio(p.liveRatio), align: 'right' },
    { header: 'LAST REAL TALK', value: (p) => formatAgo(p.lastRealConversationAt, now) },
    { header: 'FLAGS', value: (p) => p.flags.join(', ') },
  ]);
  const shown =
    people.length < total
      ? `\n${people.length} of ${total} shown (use --limit 0 for all)`
      : `\n${total} people`;
  return table + shown;
}
