import pc from 'picocolors';
import type { DealSplit } from '../../core/deal-insights.js';
import type { Funnel, MonthBalance, Rung } from '../../core/funnel.js';
import { networkLabel } from '../../core/ladder.js';
import { NETWORKS, type Network } from '../../core/types.js';
import type { Insights } from '../../services/insights.service.js';
import { formatTable } from './table.js';
import { formatDate } from './values.js';

const RUNG_LABELS: Record<Rung, string> = {
  connected: 'connected',
  engaged_online: 'engaged online',
  emailed: 'emailed',
  live: 'live conversation',
  met: 'met in person',
  deal: 'deal',
};

/** Months of balance shown as text; --json has them all. */
export const SHOWN_MONTHS = 24;

/** "42% (21 of 50)"; "– (0 of 0)" when there is nothing to divide by. */
export function formatShare(part: number, whole: number): string {
  return `${whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`} (${part} of ${whole})`;
}

/** Days to at most one decimal: "12", "0.5"; "–" when unknown. */
export function formatDays(days: number | null): string {
  return days === null ? '–' : String(Number(days.toFixed(1)));
}

function groupLabel(key: string, by: 'network' | 'month'): string {
  if (by === 'month') return key;
  return (NETWORKS as readonly string[]).includes(key) ? networkLabel(key as Network) : key;
}

/** A funnel as a table: per rung who reached it and stopped there, and the step up from the rung before. */
export function formatFunnel(funnel: Funnel): string {
  const rows = funnel.rungs.map((r, i) => ({ ...r, step: i === 0 ? null : funnel.steps[i - 1]! }));
  return formatTable(rows, [
    { header: 'RUNG', value: (r) => RUNG_LABELS[r.rung] },
    { header: 'REACHED', value: (r) => String(r.reached), align: 'right' },
    { header: 'STOPPED HERE', value: (r) => String(r.furthest), align: 'right' },
    {
      header: 'FROM THE RUNG BEFORE',
      value: (r) => (r.step ? formatShare(r.step.converted, r.step.started) : ''),
      align: 'right',
    },
    { header: 'MEDIAN DAYS', value: (r) => (r.step ? formatDays(r.step.medianDays) : ''), align: 'right' },
  ]);
}

function formatMonths(months: readonly MonthBalance[]): string {
  if (months.length === 0) return '  no one-to-one or group touches yet';
  const shown = months.slice(-SHOWN_MONTHS);
  const table = formatTable(shown, [
    { header: 'MONTH', value: (m) => m.month },
    { header: 'OFFLINE', value: (m) => formatShare(m.offline, m.touches), align: 'right' },
  ]);
  const more =
    months.length > shown.length ? `\n(last ${shown.length} of ${months.length} months; --json has all)` : '';
  return table + more;
}

function formatDealSplits(deals: Insights['deals']): string {
  if (deals.all.closed === 0)
    return '  no closed deals yet: close one with rapport deal close ID --won|--lost';
  const rows: [string, DealSplit][] = [
    ['all closed deals', deals.all],
    ['with a live conversation before the close', deals.withLive],
    ['without one', deals.withoutLive],
  ];
  return formatTable(rows, [
    { header: 'CLOSED DEALS', value: ([label]) => label },
    { header: 'WIN RATE', value: ([, s]) => formatShare(s.won, s.closed), align: 'right' },
    {
      header: 'MEDIAN CYCLE',
      value: ([, s]) =>
        s.medianCycleDays === null ? '– (n = 0)' : `${formatDays(s.medianCycleDays)} days (n = ${s.closed})`,
      align: 'right',
    },
  ]);
}

/** The insights as the user reads them: funnel, groups, balance by month, candidates, deals. */
export function formatInsights(result: Insights): string {
  const lines = [
    pc.bold(`Funnel: ${result.funnel.people} of ${result.people} people on the ladder`) +
      (result.notOnLadder > 0
        ? pc.dim(` (${result.notOnLadder} with no touch, connection date or deal)`)
        : ''),
    formatFunnel(result.funnel),
  ];
  if (result.by && result.groups) {
    lines.push('', pc.bold(result.by === 'network' ? 'By source network' : 'By month connected (UTC)'));
    for (const group of result.groups) {
      lines.push(
        '',
        `${groupLabel(group.key, result.by)} — ${group.funnel.people} ${group.funnel.people === 1 ? 'person' : 'people'}`,
        formatFunnel(group.funnel),
      );
    }
  }
  lines.push(
    '',
    pc.bold('Offline ratio of the whole book by month'),
    pc.dim('email, calls, video calls and meetings over all one-to-one and group touches (UTC months)'),
    formatMonths(result.offlineByMonth),
    '',
    pc.bold('Conversation candidates'),
    pc.dim('they comment on, reply to or mention you, but never talked with you one to one'),
  );
  if (result.candidates.length === 0) lines.push('  none');
  else
    lines.push(
      formatTable(result.candidates, [
        { header: 'ID', value: (c) => `#${c.id}`, align: 'right' },
        { header: 'NAME', value: (c) => c.name, max: 28 },
        { header: 'COMPANY', value: (c) => c.company ?? '', max: 24 },
        { header: 'COMMENTS', value: (c) => String(c.comments), align: 'right' },
        { header: 'LAST', value: (c) => formatDate(c.lastCommentAt) },
      ]),
    );
  lines.push('', pc.bold('Deals'), formatDealSplits(result.deals));
  return lines.join('\n');
}
