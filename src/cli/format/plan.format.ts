import pc from 'picocolors';
import { type PlanKind, type PlanStatus, planKindLabel, statusLabel } from '../../core/plan-status.js';
import type { CreatedPlan, OpenPlan } from '../../services/plan.service.js';
import type { CompletedPlan, MovedPlan } from '../../services/plan-moves.service.js';
import type { PlanView } from '../../services/plan-view.js';
import { formatTable, oneLine } from './table.js';
import { formatDate, formatDateTime } from './values.js';

function title(kind: PlanKind): string {
  const label = planKindLabel(kind);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The draft, set off from the rest so it is easy to copy. */
function quoted(draft: string): string[] {
  return draft.split('\n').map((line) => `  │ ${line}`);
}

/** Where the meeting is: the place, the link, or that it is a phone call. */
function where(plan: PlanView): string | null {
  if (plan.kind === 'coffee' || plan.kind === 'lunch')
    return `Where: ${oneLine(plan.location ?? 'to be agreed')}`;
  if (plan.kind === 'video')
    return `Link: ${plan.videoLink ? oneLine(plan.videoLink) : 'none yet (rapport config set planning.videoLink URL)'}`;
  return null;
}

/** What to do next with a plan in each status. */
function nextCommands(plan: PlanView): string[] {
  const id = plan.id;
  switch (plan.status) {
    case 'suggested':
      return [
        `After sending the message: rapport plans propose ${id}`,
        plan.kind === 'email'
          ? `Once you have written: rapport plans done ${id}`
          : `When they pick a time: rapport plans schedule ${id} --slot N   (or --at "2026-12-01 10:00")`,
      ];
    case 'proposed':
      return plan.kind === 'email'
        ? [`When you have talked it over: rapport plans done ${id} --note "…"`]
        : [`When they pick a time: rapport plans schedule ${id} --slot N   (or --at "2026-12-01 10:00")`];
    case 'scheduled':
      return [`Afterwards: rapport plans done ${id} --note "what you agreed"   (or no-show ${id})`];
    default:
      return [];
  }
}

function inviteLines(
  invite: { method: string } | null,
  path: string | null,
  missing: string | null,
): string[] {
  if (invite && path) return [`Invite: ${path} (${invite.method})`];
  return missing ? [pc.dim(missing)] : [];
}

/** A new plan: who and why, the slots, the draft, and where the invite is. */
export function formatCreatedPlan(result: CreatedPlan, invitePath: string | null): string {
  const { plan } = result;
  const lines = [
    pc.bold(`${title(plan.kind)} with ${oneLine(plan.personName)}`) +
      pc.dim(
        `  plan #${plan.id} · ${statusLabel(plan.status)}${plan.minutes ? ` · ${plan.minutes} min` : ''}`,
      ),
    `Why: ${oneLine(plan.why)}`,
  ];
  if (plan.slots.length > 0) {
    lines.push('', pc.bold('Free slots'));
    plan.slots.forEach((slot, i) => {
      lines.push(`  ${i + 1}. ${slot.label}`);
    });
  }
  const place = where(plan);
  if (place) lines.push(place);
  lines.push('', pc.bold('Message draft'), ...quoted(plan.draft ?? ''), '');
  lines.push(...inviteLines(result.invite, invitePath, result.inviteMissing));
  for (const other of result.otherOpen) {
    lines.push(
      pc.yellow(
        `Also under way with them: plan #${other.id}, ${planKindLabel(other.kind)} (${statusLabel(other.status)}); drop it with: rapport plans cancel ${other.id}`,
      ),
    );
  }
  lines.push(...nextCommands(plan).map((l) => pc.dim(l)));
  return lines.join('\n');
}

/** The plans as a table, newest first. */
export function formatPlanList(plans: readonly PlanView[]): string {
  if (plans.length === 0) return 'No plans to show. Plan the next step with someone: rapport plan NAME';
  return formatTable(plans, [
    { header: 'ID', value: (p) => `#${p.id}`, align: 'right' },
    { header: 'PERSON', value: (p) => p.personName, max: 28 },
    { header: 'KIND', value: (p) => planKindLabel(p.kind) },
    { header: 'STATUS', value: (p) => p.status.replace('_', '-') },
    { header: 'WHEN', value: (p) => p.when ?? '–', max: 44 },
    { header: 'UPDATED', value: (p) => formatDate(p.updatedAt) },
  ]);
}

/** One plan in full. */
export function formatPlan(plan: PlanView): string {
  const lines = [
    pc.bold(`${title(plan.kind)} with ${oneLine(plan.personName)}`) + pc.dim(`  plan #${plan.id}`),
    `Status: ${statusLabel(plan.status)}${plan.minutes ? ` · ${plan.minutes} min` : ''} · made ${formatDateTime(plan.createdAt)}`,
    `Why: ${oneLine(plan.why)}`,
  ];
  if (plan.when)
    lines.push(`When: ${plan.when}${plan.status === 'scheduled' ? '' : ' (the invite carries this slot)'}`);
  const place = where(plan);
  if (place) lines.push(place);
  if (plan.slots.length > 0) {
    lines.push('', pc.bold('Slots'));
    plan.slots.forEach((slot, i) => {
      lines.push(`  ${i + 1}. ${slot.label}`);
    });
  }
  if (plan.outcome) lines.push('', `Outcome: ${oneLine(plan.outcome)}`);
  lines.push('', pc.bold('Message draft'), ...quoted(plan.draft ?? ''));
  const next = nextCommands(plan);
  if (next.length) lines.push('', ...next.map((l) => pc.dim(l)));
  return lines.join('\n');
}

const MOVED: Partial<Record<PlanStatus, string>> = {
  proposed: 'Proposed',
  scheduled: 'Scheduled',
  declined: 'Declined',
  no_show: 'Marked a no-show:',
  cancelled: 'Cancelled',
};

/** A plan after propose, schedule, decline, no-show or cancel. */
export function formatMovedPlan(result: MovedPlan): string {
  const { plan } = result;
  const lines = [
    `${MOVED[plan.status] ?? 'Updated'} ${planKindLabel(plan.kind)} with ${oneLine(plan.personName)} (plan #${plan.id})${plan.status === 'scheduled' && plan.when ? `: ${plan.when}` : ''}.`,
  ];
  if (result.invite?.method === 'CANCEL')
    lines.push(`Send them the cancellation: rapport plans invite ${plan.id} --out DIR`);
  else if (result.invite && plan.status === 'scheduled')
    lines.push(`Send them the updated invite: rapport plans invite ${plan.id} --out DIR`);
  lines.push(...nextCommands(plan).map((l) => pc.dim(l)));
  return lines.join('\n');
}

/** A plan marked done: what was recorded, and the follow-up. */
export function formatCompletedPlan(result: CompletedPlan): string {
  const { plan, followUp } = result;
  const lines = [
    `${pc.green('Done')}: ${planKindLabel(plan.kind)} with ${oneLine(plan.personName)} (plan #${plan.id}), recorded in their timeline.`,
  ];
  if (plan.outcome) lines.push(`Outcome: ${oneLine(plan.outcome)}`);
  lines.push(
    result.stillStuck
      ? pc.yellow('They are still stuck online.')
      : `${oneLine(plan.personName)} is no longer stuck online.`,
  );
  lines.push('', pc.bold('Follow-up'));
  if (followUp.thankYouBy !== null) lines.push(`  Thank-you email by ${formatDate(followUp.thankYouBy)}.`);
  lines.push(`  ${followUp.text}`);
  lines.push(pc.dim(`  Plan it when the time comes: rapport plan "${oneLine(plan.personName)}"`));
  return lines.join('\n');
}

/** A plan under way, on one line of Today: "planned: coffee Tue 1 Dec, 10:00–10:45 (Europe/Berlin) · plan #3, scheduled". */
export function formatOpenPlan(plan: OpenPlan): string {
  const state = plan.status === 'suggested' ? 'suggested, not sent yet' : statusLabel(plan.status);
  return `planned: ${planKindLabel(plan.kind)}${plan.when ? ` ${plan.when}` : ''} · plan #${plan.id}, ${state}`;
}
