import pc from 'picocolors';
import type { DealDetail, DealSummary } from '../../services/deals.service.js';
import { formatTable, oneLine } from './table.js';
import { formatDate } from './values.js';

// One fixed locale so output reads the same on every machine (and in tests).
const AMOUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "12,000 EUR", "12,000" without a currency, "" without a value. */
export function formatAmount(value: number | null, currency: string | null): string {
  if (value === null) return '';
  return currency ? `${AMOUNT.format(value)} ${currency}` : AMOUNT.format(value);
}

/** "open", "won 2026-11-28", "lost 2026-11-28". */
function statusText(deal: DealSummary): string {
  return deal.closedAt === null ? deal.status : `${deal.status} ${formatDate(deal.closedAt)}`;
}

/** A deal in one line, as a person's page lists it: "#3 Pilot — proposal · open · 12,000 EUR · opened 2026-11-01". */
export function formatDealLine(deal: DealSummary): string {
  return [
    `#${deal.id} ${oneLine(deal.title)} — ${oneLine(deal.stage)}`,
    statusText(deal),
    formatAmount(deal.value, deal.currency),
    `opened ${formatDate(deal.openedAt)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** One deal after a change: its line, who it is with, and the note. */
export function formatDeal(deal: DealDetail): string {
  const lines = [
    pc.bold(formatDealLine(deal)),
    `  with ${deal.people.length ? deal.people.map((p) => `${oneLine(p.name)} (#${p.id})`).join(', ') : 'no one (their people were removed)'}`,
  ];
  if (deal.note) lines.push(`  note: ${oneLine(deal.note)}`);
  return lines.join('\n');
}

/** The open pipeline's value per currency: "24,000 EUR + 5,000 USD". */
function pipeline(deals: readonly DealDetail[]): string {
  const totals = new Map<string, number>();
  for (const d of deals) {
    if (d.status !== 'open' || d.value === null) continue;
    const key = d.currency ?? '';
    totals.set(key, (totals.get(key) ?? 0) + d.value);
  }
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, value]) => formatAmount(value, currency || null))
    .join(' + ');
}

/** Deals as a table, with how many are open and the open pipeline's value. */
export function formatDeals(deals: readonly DealDetail[], all: boolean): string {
  if (deals.length === 0)
    return all
      ? 'No deals yet. Open one with: rapport deal add "TITLE" --with NAME'
      : 'No open deals. Open one with: rapport deal add "TITLE" --with NAME (rapport deal list --all shows closed ones)';
  const table = formatTable(deals, [
    { header: 'ID', value: (d) => `#${d.id}`, align: 'right' },
    { header: 'TITLE', value: (d) => d.title, max: 32 },
    { header: 'STAGE', value: (d) => d.stage, max: 16 },
    { header: 'STATUS', value: statusText },
    { header: 'VALUE', value: (d) => formatAmount(d.value, d.currency), align: 'right' },
    { header: 'WITH', value: (d) => d.people.map((p) => p.name).join(', '), max: 40 },
    { header: 'OPENED', value: (d) => formatDate(d.openedAt) },
  ]);
  const open = deals.filter((d) => d.status === 'open').length;
  const value = pipeline(deals);
  const summary = `${open} open deal${open === 1 ? '' : 's'}${value ? ` · ${value} in the pipeline` : ''}${all ? ` · ${deals.length - open} closed` : ''}`;
  return `${table}\n\n${summary}`;
}
