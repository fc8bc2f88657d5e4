import { DAY_MS } from '../core/duration.js';
import { isInPerson, type PlanKind } from '../core/plan-status.js';
import type { PlanningConfig } from '../core/planning-config.js';
import { type BusyTime, findSlots, type Slot } from '../core/slots.js';
import type { Executor } from '../store/bulk-writer.js';
import { busyTimesRepository } from '../store/busy-times.repository.js';
import { plansRepository } from '../store/plans.repository.js';
import { slotsOf } from './plan-view.js';

/** Two or three times to choose from: enough to find one that suits, few enough to read at a glance. */
export const SLOT_COUNT = 3;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * Times already promised to other plans: a scheduled plan's agreed time, and every slot a
 * proposed plan offered (the other person may still pick any of them). In-person plans keep
 * their travel time too.
 */
async function plannedBusy(db: Executor, config: PlanningConfig): Promise<BusyTime[]> {
  const busy: BusyTime[] = [];
  for (const plan of await plansRepository.list(db, { statuses: ['proposed', 'scheduled'] })) {
    if (plan.kind === 'email') continue;
    const travel = isInPerson(plan.kind as PlanKind) ? config.travelMinutes * MINUTE_MS : 0;
    const times =
      plan.status === 'scheduled' && plan.starts_at !== null && plan.ends_at !== null
        ? [{ start: plan.starts_at, end: plan.ends_at }]
        : slotsOf(plan);
    for (const t of times) busy.push({ start: t.start - travel, end: t.end + travel });
  }
  return busy;
}

/**
 * Up to SLOT_COUNT free slots of `minutes` for a plan of this kind, from `noticeHours` after
 * `now` until `withinDays` after it: working hours, holidays, the imported calendars' busy
 * times and other plans' times, with the buffer around each and travel time for in person.
 */
export async function freeSlots(
  db: Executor,
  config: PlanningConfig,
  request: { kind: PlanKind; minutes: number; now: number; withinDays: number },
): Promise<Slot[]> {
  const from = request.now + config.noticeHours * HOUR_MS;
  const to = request.now + request.withinDays * DAY_MS;
  if (from >= to) return [];
  // A day either side catches busy times whose buffer or travel reaches into the window.
  const [calendar, planned] = await Promise.all([
    busyTimesRepository.overlapping(db, from - DAY_MS, to + DAY_MS),
    plannedBusy(db, config),
  ]);
  return findSlots({
    from,
    to,
    minutes: request.minutes,
    bufferMinutes: config.bufferMinutes,
    travelMinutes: isInPerson(request.kind) ? config.travelMinutes : 0,
    workingHours: {
      timeZone: config.timeZone,
      days: config.workingDays,
      start: config.workStart,
      end: config.workEnd,
    },
    holidays: config.holidays,
    busy: [...calendar, ...planned],
    count: SLOT_COUNT,
  });
}
