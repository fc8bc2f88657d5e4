import type { MergeView, SuggestionView } from '../../services/merge.service.js';
import { formatTable, oneLine } from './table.js';
import { formatDateTime } from './values.js';

/** Duplicate suggestions: who, how sure, why, and the command that acts on each. */
export function formatSuggestions(suggestions: readonly SuggestionView[]): string {
  if (suggestions.length === 0) return 'No likely duplicates.';
  const lines: string[] = [];
  for (const s of suggestions) {
    lines.push(
      `${Math.round(s.confidence * 100)}%  #${s.keepId} ${oneLine(s.keepName)}  ⇐  #${s.mergeId} ${oneLine(s.mergeName)}`,
    );
    for (const reason of s.reasons) lines.push(`     ${oneLine(reason)}`);
    lines.push(`     merge with: rapport merge '#${s.keepId}' '#${s.mergeId}'`);
  }
  return lines.join('\n');
}

/** The merge history. */
export function formatMerges(merges: readonly MergeView[]): string {
  if (merges.length === 0) return 'No merges yet. See likely duplicates with: rapport duplicates';
  return formatTable(merges, [
    { header: 'ID', value: (m) => `#${m.id}`, align: 'right' },
    { header: 'WHEN', value: (m) => formatDateTime(m.createdAt) },
    { header: 'KEPT', value: (m) => `#${m.keptId}` },
    { header: 'MERGED', value: (m) => `#${m.mergedId} ${m.mergedName}`, max: 30 },
    { header: 'BY', value: (m) => (m.importId === null ? 'hand' : `import #${m.importId}`) },
    { header: 'STATUS', value: (m) => (m.undoneAt === null ? 'standing' : 'undone') },
    { header: 'REASON', value: (m) => m.reason, max: 60 },
  ]);
}
