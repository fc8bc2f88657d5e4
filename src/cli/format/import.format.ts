import pc from 'picocolors';
import type { ImportResult } from '../../services/import-report.js';
import type { ImportSummary } from '../../services/imports.service.js';
import { formatTable, oneLine } from './table.js';
import { formatDateTime } from './values.js';

/** The per-file report printed at the end of an import. */
export function formatImportResult(result: ImportResult): string {
  const rows = formatTable(result.files, [
    { header: 'FILE', value: (f) => f.file, max: 48 },
    { header: 'READ', value: (f) => (f.status === 'skipped' ? '–' : String(f.read)), align: 'right' },
    { header: 'IMPORTED', value: (f) => (f.status === 'skipped' ? '–' : String(f.imported)), align: 'right' },
    {
      header: 'DUPLICATE',
      value: (f) => (f.status === 'skipped' ? '–' : String(f.duplicates)),
      align: 'right',
    },
    { header: 'REJECTED', value: (f) => (f.status === 'skipped' ? '–' : String(f.rejected)), align: 'right' },
    { header: 'NOTE', value: (f) => (f.status === 'skipped' ? `skipped: ${f.reason ?? ''}` : '') },
  ]);
  const t = result.totals;
  const lines = [
    pc.bold(`Import #${result.importId} (${result.source}) of ${oneLine(result.label)}`),
    rows,
    '',
    `${t.imported} imported, ${t.duplicates} already there, ${t.rejected} rejected; ${t.peopleCreated} new people.`,
  ];
  if (result.previousImportId !== null)
    lines.push(pc.dim(`This same file was imported before as #${result.previousImportId}.`));
  const rejected = result.files.filter((f) => f.rejections.length > 0);
  if (rejected.length) {
    lines.push('', pc.bold('Rejected rows'));
    for (const f of rejected) {
      for (const r of f.rejections)
        lines.push(`  ${f.file}${r.line ? `:${r.line}` : ''}: ${oneLine(r.reason)}`);
      if (f.rejected > f.rejections.length)
        lines.push(`  ${f.file}: … and ${f.rejected - f.rejections.length} more`);
    }
  }
  lines.push('', `Undo with: rapport undo-import ${result.importId}`);
  return lines.join('\n');
}

/** The import history. */
export function formatImports(imports: readonly ImportSummary[]): string {
  if (imports.length === 0) return 'No imports yet. Import an export with: rapport import PATH';
  return formatTable(imports, [
    { header: 'ID', value: (i) => `#${i.id}`, align: 'right' },
    { header: 'WHEN', value: (i) => formatDateTime(i.startedAt) },
    { header: 'SOURCE', value: (i) => i.source },
    { header: 'FILE', value: (i) => i.label, max: 44 },
    { header: 'STATUS', value: (i) => i.status },
    { header: 'IMPORTED', value: (i) => String(i.totals?.imported ?? 0), align: 'right' },
    { header: 'DUPLICATE', value: (i) => String(i.totals?.duplicates ?? 0), align: 'right' },
    { header: 'REJECTED', value: (i) => String(i.totals?.rejected ?? 0), align: 'right' },
  ]);
}
