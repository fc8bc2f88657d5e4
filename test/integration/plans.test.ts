import { join } from 'node:path';
import { expect, it } from 'vitest';
import { isRapportError, type RapportError } from '../../src/errors.js';
import { attendee, calendar, vevent } from '../../src/importers/icalendar/calendar-builder.test-support.js';
import { importExport } from '../../src/services/import.service.js';
import { undoImport } from '../../src/services/imports.service.js';
import { showPerson } from '../../src/services/person.service.js';
import { createPlan, listPlans, setPlanDraft } from '../../src/services/plan.service.js';
import { planInvite } from '../../src/services/plan-invite.js';
import { closePlan, completePlan, proposePlan, schedulePlan } from '../../src/services/plan-moves.service.js';
import { setPlanningSetting, setTemplate } from '../../src/services/planning-settings.service.js';
import { today } from '../../src/services/today.service.js';
import { busyTimesRepository } from '../../src/store/busy-times.repository.js';
import { plansRepository } from '../../src/store/plans.repository.js';
import { type Contact, connectedOn, thread } from '../support/linkedin-export.js';
import { describeEachDatabase } from '../support/stores.js';
import { useTestApp } from '../support/test-app.js';

// Sunday 29 November 2026, 10:00 in Berlin (UTC+1): the first working day is Monday the 30th.
const NOW = Date.UTC(2026, 10, 29, 9, 0);
const MINUTE = 60_000;
/** An instant by its Berlin wall-clock time in December 2026 (or late November). */
const berlin = (month: number, day: number, hour: number, minute = 0) =>
  Date.UTC(2026, month - 1, day, hour - 1, minute);

const ada: Contact = {
  first: 'Ada',
  last: 'Lovelace',
  slug: 'ada-lovelace-1a2b',
  company: 'Analytical Engines',
  connectedOn: connectedOn(NOW, 400),
  email: 'ada@example.com',
};

/**
 * The owner's calendar: a past meeting with Grace (so the import has something to store), a
 * workshop filling Monday 30 November, and a weekly Tuesday 09:00–10:00 stand-up.
 */
const OWNER_CALENDAR = calendar([
  vevent([
    'SUMMARY:Intro call',
    'DTSTART:20261102T100000Z',
    'DTEND:20261102T103000Z',
    'ORGANIZER:mailto:me@example.com',
    attendee('grace@example.com'),
  ]),
  vevent(['SUMMARY:Workshop', 'DTSTART:20261130T080000Z', 'DTEND:20261130T160000Z'], 'workshop'),
  vevent(
    ['SUMMARY:Stand-up', 'DTSTART:20261103T080000Z', 'DTEND:20261103T090000Z', 'RRULE:FREQ=WEEKLY'],
    'standup',
  ),
]);

function refusal(error: unknown): Pick<RapportError, 'code' | 'message'> {
  if (!isRapportError(error)) throw error;
  return { code: error.code, message: error.message };
}

describeEachDatabase('plans', (dialect) => {
  const app = useTestApp(dialect, NOW);

  async function importAda(): Promise<void> {
    await importExport(app.ctx, [
      app.linkedinExport({ contacts: [ada], messages: thread(ada, NOW, 12, 4, 2) }),
    ]);
    await setPlanningSetting(app.ctx, 'planning.timeZone', 'Europe/Berlin');
  }

  async function importCalendar(): Promise<number> {
    const dir = await app.folder({ 'calendar.ics': OWNER_CALENDAR });
    return (await importExport(app.ctx, [join(dir, 'calendar.ics')])).importId;
  }

  it('keeps slots clear of imported busy times, and undoing the calendar import frees them', async () => {
    await importAda();
    const calendarImport = await importCalendar();
    expect(await busyTimesRepository.countByImport(app.ctx.store.db, calendarImport)).toBeGreaterThanOrEqual(
      3,
    );

    const planned = await createPlan(app.ctx, { person: 'Ada', kind: 'call' });
    // Monday is taken; on Tuesday the stand-up and its 15-minute buffer end at 10:15; Wednesday is free.
    expect(planned.plan.slots.map((s) => s.start)).toEqual([
      berlin(12, 1, 10, 30),
      berlin(12, 2, 9, 0),
      berlin(12, 3, 9, 0),
    ]);
    expect(planned.plan.slots[0]!.label).toBe('Tue 1 Dec, 10:30–10:50 (Europe/Berlin)');
    // The calendar told who its owner is: that address organizes the invite.
    expect(planned.invite?.text).toMatch(/ORGANIZER[^:]*:mailto:me@example\.com/);
    expect(planned.invite?.text).toMatch(/ATTENDEE[^:]*:mailto:ada@example\.com/);

    await undoImport(app.ctx, calendarImport);
    expect(await busyTimesRepository.countByImport(app.ctx.store.db, calendarImport)).toBe(0);
    const freed = await createPlan(app.ctx, { person: 'Ada', kind: 'call' });
    expect(freed.plan.slots[0]!.start).toBe(berlin(11, 30, 9, 0));
    expect(freed.otherOpen.map((p) => p.id)).toEqual([planned.plan.id]);
  });

  it('counts only the newest import of a calendar file, and undoing it brings the older copy back', async () => {
    await importAda();
    const first = await importCalendar();
    // The newer copy of the same calendar: the Monday workshop moved to Thursday 3 December.
    const moved = OWNER_CALENDAR.replace('DTSTART:20261130T080000Z', 'DTSTART:20261203T080000Z').replace(
      'DTEND:20261130T160000Z',
      'DTEND:20261203T160000Z',
    );
    const dir = await app.folder({ 'calendar.ics': moved });
    const second = (await importExport(app.ctx, [join(dir, 'calendar.ics')])).importId;
    const slots = async () =>
      (await createPlan(app.ctx, { person: 'Ada', kind: 'call' })).plan.slots.map((s) => s.start);
    expect(await slots()).toEqual([berlin(11, 30, 9, 0), berlin(12, 1, 10, 30), berlin(12, 2, 9, 0)]);
    await undoImport(app.ctx, second);
    expect(await busyTimesRepository.countByImport(app.ctx.store.db, first)).toBeGreaterThan(0);
    expect((await slots())[0]).toBe(berlin(12, 1, 10, 30));
  });

  it("treats other plans' proposed slots and agreed times as busy, with travel time around a coffee", async () => {
    await importAda();
    const coffee = await createPlan(app.ctx, { person: 'Ada', kind: 'coffee' });
    await proposePlan(app.ctx, coffee.plan.id);
    const video = await createPlan(app.ctx, { person: 'Ada', kind: 'video' });
    for (const slot of video.plan.slots) {
      for (const taken of coffee.plan.slots) {
        const clear =
          slot.end + 15 * MINUTE <= taken.start - 20 * MINUTE || slot.start >= taken.end + 35 * MINUTE;
        expect(clear).toBe(true);
      }
    }
  });

  it('walks the statuses and refuses moves the status does not allow, with a stable id', async () => {
    await importAda();
    await setPlanningSetting(app.ctx, 'planning.yourEmail', 'morgan@example.com');
    const { plan } = await createPlan(app.ctx, { person: 'Ada', kind: 'video' });
    expect(plan.status).toBe('suggested');
    await expect(closePlan(app.ctx, plan.id, 'no_show')).rejects.toMatchObject({
      code: 'plan.invalid_transition',
    });
    await expect(schedulePlan(app.ctx, plan.id, {})).rejects.toMatchObject({ code: 'input.invalid' });
    await expect(schedulePlan(app.ctx, plan.id, { slot: 9 })).rejects.toMatchObject({
      code: 'input.invalid',
    });
    await expect(schedulePlan(app.ctx, plan.id, { at: NOW - MINUTE })).rejects.toMatchObject({
      code: 'input.invalid',
    });

    expect((await proposePlan(app.ctx, plan.id, { slot: 2 })).plan).toMatchObject({
      status: 'proposed',
      startsAt: plan.slots[1]!.start,
      inviteSequence: 1,
    });
    const at = berlin(12, 4, 15, 0);
    const scheduled = await schedulePlan(app.ctx, plan.id, { at });
    expect(scheduled.plan).toMatchObject({ status: 'scheduled', startsAt: at, endsAt: at + 30 * MINUTE });
    expect(scheduled.invite?.text).toMatch(/STATUS:CONFIRMED/);
    expect(scheduled.invite?.text).toMatch(/SEQUENCE:2/);
    expect(refusal(await proposePlan(app.ctx, plan.id).catch((e: unknown) => e))).toMatchObject({
      code: 'plan.invalid_transition',
      message: expect.stringMatching(/^Plan #\d+: This plan cannot be proposed: it is scheduled/),
    });

    const declined = await closePlan(app.ctx, plan.id, 'decline', { note: 'Too busy until spring' });
    expect(declined.plan).toMatchObject({ status: 'declined', outcome: 'Too busy until spring' });
    expect(declined.invite?.method).toBe('CANCEL');
    expect((await planInvite(app.ctx, plan.id)).text).toMatch(
      /METHOD:CANCEL[\s\S]*SEQUENCE:3[\s\S]*STATUS:CANCELLED/,
    );
    await expect(completePlan(app.ctx, plan.id)).rejects.toMatchObject({ code: 'plan.invalid_transition' });
    await expect(setPlanDraft(app.ctx, plan.id, 'Hi')).rejects.toMatchObject({
      code: 'plan.invalid_transition',
    });
    expect((await listPlans(app.ctx, { status: 'open' })).map((p) => p.id)).toEqual([]);
    expect((await listPlans(app.ctx, { status: 'declined' })).map((p) => p.id)).toEqual([plan.id]);
  });

  it('gives an email no slots and no invite, and cannot schedule it', async () => {
    await importAda();
    const { plan, invite, inviteMissing } = await createPlan(app.ctx, { person: 'Ada', kind: 'email' });
    expect(plan).toMatchObject({ kind: 'email', slots: [], startsAt: null, minutes: null });
    expect(invite).toBeNull();
    expect(inviteMissing).toMatch(/email has no time/);
    await expect(schedulePlan(app.ctx, plan.id, { at: NOW + 86_400_000 })).rejects.toMatchObject({
      code: 'plan.invalid_transition',
    });
    await expect(planInvite(app.ctx, plan.id)).rejects.toMatchObject({ code: 'plan.no_invite' });
  });

  it('done records the conversation in the same step, links it, and takes the person off the stuck list', async () => {
    await importAda();
    const { plan } = await createPlan(app.ctx, { person: 'Ada' });
    // Ada has sent six messages: Rapport suggests a 20-minute call.
    expect(plan).toMatchObject({ kind: 'call', minutes: 20 });
    expect((await today(app.ctx)).entries[0]).toMatchObject({
      name: 'Ada Lovelace',
      bucket: 'stuck',
      plan: { id: plan.id, kind: 'call', status: 'suggested' },
    });

    const done = await completePlan(app.ctx, plan.id, { note: '  Agreed a pilot  ', minutes: 25 });
    expect(done.plan).toMatchObject({ status: 'done', outcome: 'Agreed a pilot', minutes: 25 });
    expect(done.plan.interactionId).toBe(done.interactionId);
    expect(done.stillStuck).toBe(false);
    expect(done.followUp.thankYouBy).toBe(NOW + 2 * 86_400_000);
    expect(done.followUp.next.kind).toBe('video');

    const shown = await showPerson(app.ctx, 'Ada');
    expect(shown.flags).not.toContain('stuck');
    expect(shown.timeline[0]).toMatchObject({
      id: done.interactionId,
      activity: 'call',
      channel: 'call',
      length: 25,
      note: 'Agreed a pilot',
    });
    expect((await today(app.ctx)).entries.map((e) => e.name)).not.toContain('Ada Lovelace');
    await expect(completePlan(app.ctx, plan.id)).rejects.toMatchObject({ code: 'plan.invalid_transition' });
  });

  it('drafts with the user’s template, refuses unknown placeholders, and keeps an edited draft', async () => {
    await importAda();
    await expect(setTemplate(app.ctx, 'coffee', 'Hi {first_name}, see you at {venue}')).rejects.toMatchObject(
      {
        code: 'input.invalid',
      },
    );
    await setTemplate(
      app.ctx,
      'coffee',
      'Hi {first_name}! {minutes} minutes at {place}?\n{slots}\n{your_name}',
    );
    await setPlanningSetting(app.ctx, 'planning.coffeePlace', 'Café Einstein');
    const { plan } = await createPlan(app.ctx, { person: 'Ada', kind: 'coffee', minutes: 30 });
    // Twenty minutes of travel before a coffee: not at 09:00 sharp when the day starts at 09:00.
    expect(plan.draft).toMatch(
      /^Hi Ada! 30 minutes at Café Einstein\?\n {2}1\. Mon 30 Nov, 09:30–10:00 \(Europe\/Berlin\)\n/,
    );
    expect(plan.draft).toMatch(/Morgan Avery$/);

    const edited = await setPlanDraft(app.ctx, plan.id, 'Dear Ada,\r\nCoffee soon?\u0007\n');
    expect(edited.draft).toBe('Dear Ada,\nCoffee soon?');
    expect((await plansRepository.get(app.ctx.store.db, plan.id))?.draft).toBe('Dear Ada,\nCoffee soon?');
  });

  it('says so when no free time fits, and makes no plan', async () => {
    await importAda();
    await setPlanningSetting(app.ctx, 'planning.workingDays', 'sat');
    const error = await createPlan(app.ctx, { person: 'Ada', kind: 'video', withinDays: 3 }).catch(
      (e: unknown) => e,
    );
    expect(refusal(error)).toMatchObject({
      code: 'plan.no_slots',
      message: expect.stringMatching(/No free 30-minute time for a video call in the next 3 days/),
    });
    expect(await listPlans(app.ctx)).toEqual([]);
  });
});
