import pc from 'picocolors';
import type { MessageTemplate, PlanningSettings } from '../../services/planning-settings.service.js';

function show(value: unknown): string {
  if (value === null) return 'none';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  return String(value);
}

const WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The planning settings in force, what the user changed, and each kind's template. */
export function formatPlanning(settings: PlanningSettings, templates: readonly MessageTemplate[]): string {
  const e = settings.effective;
  const changed = (key: string) => (Object.hasOwn(settings.overrides, key) ? pc.dim('  (yours)') : '');
  const lines = [
    pc.bold('Planning'),
    `  timeZone       ${e.timeZone}${changed('timeZone')}`,
    `  workingDays    ${e.workingDays.map((d) => WEEKDAYS[d]).join(' ')}${changed('workingDays')}`,
    `  workStart      ${e.workStart}${changed('workStart')}`,
    `  workEnd        ${e.workEnd}${changed('workEnd')}`,
    `  holidays       ${show(e.holidays)}${changed('holidays')}`,
    `  bufferMinutes  ${e.bufferMinutes}${changed('bufferMinutes')}`,
    `  travelMinutes  ${e.travelMinutes}${changed('travelMinutes')}`,
    `  noticeHours    ${e.noticeHours}${changed('noticeHours')}`,
    `  withinDays     ${e.withinDays}${changed('withinDays')}`,
    `  yourName       ${show(e.yourName)}${changed('yourName')}`,
    `  yourEmail      ${show(e.yourEmail)}${changed('yourEmail')}`,
    `  videoLink      ${show(e.videoLink)}${changed('videoLink')}`,
    `  coffeePlace    ${show(e.coffeePlace)}${changed('coffeePlace')}`,
    `  minutes        ${Object.entries(e.minutes)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ')}${changed('minutes')}`,
    pc.dim('  Change one with: rapport config set planning.workStart 08:30'),
    '',
    pc.bold('Message templates'),
  ];
  for (const t of templates) {
    lines.push(`  ${t.kind}${t.custom ? pc.dim('  (yours)') : ''}`);
    lines.push(...t.template.split('\n').map((l) => `    │ ${l}`));
  }
  lines.push(pc.dim('  Use your own with: rapport planning template KIND --file FILE'));
  return lines.join('\n');
}
