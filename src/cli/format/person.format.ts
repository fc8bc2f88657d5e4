import pc from 'picocolors';
import { stepLabel } from '../../core/ladder.js';
import type { PersonDetail } from '../../services/person.service.js';
import { formatDealLine } from './deals.format.js';
import { formatTable, oneLine } from './table.js';
import { formatAgo, formatDate, formatDateTime, formatRatio } from './values.js';

const points = (n: number) => n.toFixed(1).padStart(5);

/** One person in full: identities, each score term, balance, flags, the next step, deals and the timeline. */
export function formatPerson(p: PersonDetail, now: number): string {
  const e = p.evaluation;
  const t = e.score.terms;
  const c = e.score.contributions;
  const lines = [
    pc.bold(`${oneLine(p.name)}  #${p.id}`),
    [p.title, p.company, p.location]
      .filter(Boolean)
      .map((s) => oneLine(s!))
      .join(' · ') || '(no title, company or location known)',
    `Relationship: ${p.relationshipType}${p.connectedAt ? ` · connected ${formatDate(p.connectedAt)}` : ''}`,
    '',
    pc.bold('Identities'),
    ...p.identities.map((i) => `  ${i.network.padEnd(9)} ${oneLine(i.profileUrl ?? i.handle ?? i.key)}`),
    '',
    pc.bold(`Strength ${Math.round(e.score.strength)} / 100`),
    `  intensity    ${points(c.intensity)}  (I = ${t.intensity.toFixed(2)}, decayed engagement E = ${t.engagement.toFixed(2)})`,
    `  reciprocity  ${points(c.reciprocity)}  (R = ${t.reciprocity.toFixed(2)})`,
    `  tenure       ${points(c.tenure)}  (D = ${t.tenure.toFixed(2)})`,
    `  structure    ${points(c.structure)}  (S = ${t.structure.toFixed(2)})`,
    '',
    `Balance: offline ${formatRatio(e.balance.offlineRatio)} · live ${formatRatio(e.balance.liveRatio)} · last real conversation ${formatAgo(e.lastRealConversationAt, now)}`,
    `Flags: ${p.flags.length ? p.flags.join(', ') : 'none'}`,
    `Why: ${e.reason}`,
    `Next step: ${stepLabel(e.nextStep.kind)}${e.nextStep.minutes ? ` (${e.nextStep.minutes} min)` : ''} — ${e.nextStep.why}`,
    '',
    ...(p.deals.length ? [pc.bold('Deals'), ...p.deals.map((d) => `  ${formatDealLine(d)}`), ''] : []),
    pc.bold(`Timeline (${p.timeline.length} of ${p.timelineTotal}, newest first)`),
  ];
  if (p.timeline.length === 0) lines.push('  nothing yet');
  else {
    const table = formatTable(p.timeline, [
      { header: 'WHEN', value: (i) => formatDateTime(i.at) },
      {
        header: 'WHAT',
        value: (i) => i.activity ?? `${i.network} ${i.channel}${i.audience === 'group' ? ' (group)' : ''}`,
      },
      { header: 'DIR', value: (i) => i.direction },
      { header: 'TEXT', value: (i) => i.note ?? i.snippet ?? '', max: 70 },
    ]);
    lines.push(...table.split('\n').map((l) => `  ${l}`));
  }
  return lines.join('\n');
}
