import pc from 'picocolors';
import { stepLabel } from '../../core/ladder.js';
import type { TodayEntry } from '../../services/today.service.js';
import { formatOpenPlan } from './plan.format.js';
import { oneLine } from './table.js';

const BUCKET_TITLES: Record<string, string> = {
  stuck: 'Stuck online',
  overdue: 'Overdue',
  dormant: 'Dormant, worth reviving',
};

/** Today's list as the user reads it: grouped by bucket, each with why and what to do. */
export function formatToday(entries: readonly TodayEntry[]): string {
  if (entries.length === 0) {
    return 'No one to take offline today: no relationship is stuck online, overdue or dormant.\nImport more of your exports with: rapport import PATH';
  }
  const lines: string[] = [];
  let bucket = '';
  for (const entry of entries) {
    if (entry.bucket !== bucket) {
      bucket = entry.bucket;
      if (lines.length) lines.push('');
      lines.push(pc.bold(BUCKET_TITLES[bucket] ?? bucket));
    }
    const who = [
      entry.name,
      entry.title && entry.company ? `${entry.title}, ${entry.company}` : (entry.company ?? entry.title),
    ]
      .filter(Boolean)
      .map((s) => oneLine(s!))
      .join(' — ');
    lines.push(
      `${String(entry.rank).padStart(2)}. ${pc.bold(who)}  ${pc.dim(`#${entry.id} · strength ${Math.round(entry.strength)}`)}`,
    );
    lines.push(`    ${entry.reason}`);
    lines.push(
      `    ${pc.green('→')} ${stepLabel(entry.nextStep.kind)}${entry.nextStep.minutes ? ` (${entry.nextStep.minutes} min)` : ''}: ${entry.nextStep.why}`,
    );
    if (entry.plan) lines.push(`    ${pc.cyan('▸')} ${formatOpenPlan(entry.plan)}`);
  }
  lines.push(
    '',
    pc.dim('Plan a step (slots, draft, invite): rapport plan "NAME"'),
    pc.dim('After it happens: rapport log "NAME" coffee|lunch|meeting|video|call|email'),
  );
  return lines.join('\n');
}
