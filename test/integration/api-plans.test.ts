import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { importExport } from '../../src/services/import.service.js';
import { showPerson } from '../../src/services/person.service.js';
import { type Contact, connectedOn, thread } from '../support/linkedin-export.js';
import { describeEachDatabase } from '../support/stores.js';
import { useTestServer } from '../support/test-server.js';

// Sunday 29 November 2026, 10:00 in Berlin (UTC+1): the first working day is Monday the 30th.
const NOW = Date.UTC(2026, 10, 29, 9, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;
/** An instant by its Berlin wall-clock time in late 2026 (UTC+1). */
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

/** The parsed calendar of an .ics answer: its METHOD and first event's ORGANIZER, ATTENDEE and STATUS. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  const first = events[0];
  return {
    method: calendar.getFirstPropertyValue('method'),
    events: events.length,
    organizer: first?.getFirstPropertyValue('organizer'),
    attendee: first?.getFirstPropertyValue('attendee'),
    status: first?.getFirstPropertyValue('status'),
    start: first ? new ICAL.Event(first).startDate.toJSDate().getTime() : null,
  };
}

describeEachDatabase('API: plans, the invite and the feed, planning settings and templates', (dialect) => {
  const api = useTestServer(dialect, NOW);

  /** Ada has sent six LinkedIn messages and never spoken with the user: stuck online. */
  async function importStuckAda(): Promise<number> {
    await importExport(api.ctx, [
      api.linkedinExport({ contacts: [ada], messages: thread(ada, NOW, 12, 4, 2) }),
    ]);
    const set = await api.call('PUT', '/api/v1/settings/planning', {
      body: { key: 'planning.timeZone', value: 'Europe/Berlin' },
    });
    expect(set.statusCode).toBe(200);
    const person = await showPerson(api.ctx, 'Ada');
    expect(person.flags).toContain('stuck');
    return person.id;
  }

  const setYourEmail = () =>
    api.call('PUT', '/api/v1/settings/planning', { body: { key: 'yourEmail', value: 'morgan@example.com' } });

  it('plans a call for a stuck person and walks it to done with the follow-up', async () => {
    const adaId = await importStuckAda();
    expect((await setYourEmail()).statusCode).toBe(200);

    const created = await api.call('POST', '/api/v1/plans', { body: { person: adaId } });
    expect(created.statusCode).toBe(201);
    const { plan, invite, inviteMissing, suggested, reason, otherOpen } = created.json();
    // Six messages from her: Rapport suggests a 20-minute call, the first slot Monday at 09:00.
    expect(plan).toMatchObject({
      personId: adaId,
      personName: 'Ada Lovelace',
      kind: 'call',
      status: 'suggested',
      minutes: 20,
      startsAt: berlin(11, 30, 9),
      moves: ['propose', 'schedule', 'done', 'decline', 'cancel'],
    });
    expect(plan.slots[0]).toEqual({
      start: berlin(11, 30, 9),
      end: berlin(11, 30, 9, 20),
      label: 'Mon 30 Nov, 09:00–09:20 (Europe/Berlin)',
    });
    expect(plan.slots.length).toBeGreaterThanOrEqual(2);
    expect(plan.draft).toMatch(/^Hi Ada/);
    expect(suggested).toMatchObject({ kind: 'call', minutes: 20 });
    expect(reason).toMatch(/LinkedIn messages/);
    expect(invite).toMatchObject({ fileName: `rapport-plan-${plan.id}.ics`, method: 'REQUEST' });
    expect(inviteMissing).toBeNull();
    expect(otherOpen).toEqual([]);

    // By name too; the second plan lists the first among her other open plans.
    const byName = (
      await api.call('POST', '/api/v1/plans', { body: { person: 'Ada', kind: 'email' } })
    ).json();
    expect(byName.plan).toMatchObject({ kind: 'email', slots: [], minutes: null });
    expect(byName.invite).toBeNull();
    expect(byName.inviteMissing).toMatch(/email has no time/);
    expect(byName.otherOpen.map((p: { id: number }) => p.id)).toEqual([plan.id]);

    const listed = (await api.call('GET', '/api/v1/plans?status=open&limit=1')).json();
    expect(listed).toMatchObject({ total: 2, limit: 1, offset: 0, nextOffset: 1 });
    expect(listed.items[0].id).toBe(byName.plan.id);
    expect((await api.call('GET', `/api/v1/plans?person=${adaId}`)).json().total).toBe(2);
    expect((await api.call('GET', '/api/v1/plans?status=done')).json().items).toEqual([]);
    expect((await api.call('GET', `/api/v1/plans/${plan.id}`)).json()).toEqual(plan);

    const drafted = await api.call('PUT', `/api/v1/plans/${plan.id}/draft`, {
      body: { text: 'Dear Ada,\r\nA call next week?' },
    });
    expect(drafted.statusCode).toBe(200);
    expect(drafted.json()).toMatchObject({ id: plan.id, draft: 'Dear Ada,\nA call next week?' });

    const proposed = (
      await api.call('POST', `/api/v1/plans/${plan.id}/propose`, { body: { slot: 2 } })
    ).json();
    expect(proposed.plan).toMatchObject({
      status: 'proposed',
      startsAt: plan.slots[1].start,
      inviteSequence: 1,
    });
    expect(proposed.invite.method).toBe('REQUEST');

    const at = berlin(12, 4, 15);
    const scheduled = await api.call('POST', `/api/v1/plans/${plan.id}/schedule`, { body: { at } });
    expect(scheduled.statusCode).toBe(200);
    expect(scheduled.json().plan).toMatchObject({
      status: 'scheduled',
      startsAt: at,
      endsAt: at + 20 * MINUTE,
    });

    const download = await api.call('GET', `/api/v1/plans/${plan.id}/invite.ics`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="rapport-plan-${plan.id}.ics"`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(parseCalendar(download.body)).toEqual({
      method: 'REQUEST',
      events: 1,
      organizer: 'mailto:morgan@example.com',
      attendee: 'mailto:ada@example.com',
      status: 'CONFIRMED',
      start: at,
    });

    // The feed carries the scheduled call; an email has no time and stays out.
    const feed = await api.call('GET', '/api/v1/calendar.ics');
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers['content-disposition']).toBeUndefined();
    expect(parseCalendar(feed.body)).toMatchObject({ method: 'PUBLISH', events: 1, start: at });

    const done = await api.call('POST', `/api/v1/plans/${plan.id}/done`, {
      body: { note: 'Agreed a pilot', minutes: 25 },
    });
    expect(done.statusCode).toBe(200);
    const completed = done.json();
    expect(completed.plan).toMatchObject({
      status: 'done',
      outcome: 'Agreed a pilot',
      minutes: 25,
      moves: [],
    });
    expect(completed.plan.interactionId).toBe(completed.interactionId);
    expect(completed.stillStuck).toBe(false);
    expect(completed.followUp).toMatchObject({
      thankYouBy: NOW + 2 * DAY,
      text: expect.stringMatching(/thank-you email/),
      next: { kind: 'video' },
    });
    expect((await showPerson(api.ctx, 'Ada')).timeline[0]).toMatchObject({
      id: completed.interactionId,
      channel: 'call',
      note: 'Agreed a pilot',
    });

    // Closed: no more moves, and the draft stays as it was sent.
    for (const [method, url, body] of [
      ['POST', 'propose', {}],
      ['POST', 'done', {}],
      ['POST', 'cancel', {}],
      ['PUT', 'draft', { text: 'Hi' }],
    ] as const) {
      const refused = await api.call(method, `/api/v1/plans/${plan.id}/${url}`, { body });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: 'plan.invalid_transition',
        details: { planId: plan.id },
      });
    }
  });

  it('closes plans by declining, cancelling or a no-show, and says why there is no invite', async () => {
    const adaId = await importStuckAda();
    const plan = async (kind: string) =>
      (await api.call('POST', '/api/v1/plans', { body: { person: `#${adaId}`, kind } })).json().plan;

    // Without an address of the user's, there is no invite, and the reason says what to do.
    const video = await plan('video');
    const noAddress = await api.call('GET', `/api/v1/plans/${video.id}/invite.ics`);
    expect(noAddress.statusCode).toBe(409);
    expect(noAddress.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(noAddress.json().error).toMatchObject({
      code: 'plan.no_invite',
      message: expect.stringMatching(/planning\.yourEmail/),
      details: { planId: video.id },
    });
    await api.call('POST', `/api/v1/plans/${video.id}/propose`);
    expect((await api.call('GET', '/api/v1/calendar.ics')).json().error.code).toBe('plan.no_invite');

    await setYourEmail();
    // A no-show needs an agreed time.
    const early = await api.call('POST', `/api/v1/plans/${video.id}/no-show`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'plan.invalid_transition',
      details: { status: 'proposed', move: 'no_show' },
    });
    const declined = await api.call('POST', `/api/v1/plans/${video.id}/decline`, {
      body: { note: 'Too busy until spring' },
    });
    expect(declined.statusCode).toBe(200);
    expect(declined.json().plan).toMatchObject({ status: 'declined', outcome: 'Too busy until spring' });
    expect(declined.json().invite.method).toBe('CANCEL');
    const cancelled = parseCalendar((await api.call('GET', `/api/v1/plans/${video.id}/invite.ics`)).body);
    expect(cancelled).toMatchObject({ method: 'CANCEL', status: 'CANCELLED' });

    const coffee = await plan('coffee');
    await api.call('POST', `/api/v1/plans/${coffee.id}/schedule`, { body: { slot: 1 } });
    const missed = (await api.call('POST', `/api/v1/plans/${coffee.id}/no-show`)).json();
    expect(missed.plan).toMatchObject({ status: 'no_show', outcome: null });
    expect(missed.invite.method).toBe('REQUEST');

    const call = await plan('call');
    expect((await api.call('POST', `/api/v1/plans/${call.id}/cancel`)).json().plan.status).toBe('cancelled');

    const email = await plan('email');
    const noTime = await api.call('GET', `/api/v1/plans/${email.id}/invite.ics`);
    expect(noTime.json().error).toMatchObject({
      code: 'plan.no_invite',
      message: expect.stringMatching(/email has no time/),
    });
    const unschedulable = await api.call('POST', `/api/v1/plans/${email.id}/schedule`, {
      body: { at: NOW + DAY },
    });
    expect(unschedulable.json().error.code).toBe('plan.invalid_transition');

    // Nothing proposed or scheduled is left: the feed is an empty calendar.
    const feed = await api.call('GET', '/api/v1/calendar.ics');
    expect(feed.statusCode).toBe(200);
    expect(parseCalendar(feed.body)).toMatchObject({ method: 'PUBLISH', events: 0 });
    expect(
      (await api.call('GET', '/api/v1/plans?status=no_show')).json().items.map((p: { id: number }) => p.id),
    ).toEqual([coffee.id]);
  });

  it('refuses invalid input with the issues, unknown ids with 404, and cross-site writes', async () => {
    const adaId = await importStuckAda();
    const invalid = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => {
      const response = await api.call(method, url, body === undefined ? {} : { body });
      expect(response.statusCode, url).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe('input.invalid');
      expect(error.details.issues.length).toBeGreaterThan(0);
      return error.details.issues as { path: string; message: string }[];
    };
    expect((await invalid('POST', '/api/v1/plans', { person: 'Ada', kind: 'tea' }))[0]?.path).toBe(
      'body.kind',
    );
    expect((await invalid('POST', '/api/v1/plans', { person: 'Ada', minutes: 2 }))[0]?.path).toBe(
      'body.minutes',
    );
    await invalid('POST', '/api/v1/plans', { person: '' });
    await invalid('POST', '/api/v1/plans', { person: 'Ada', extra: true });
    expect((await invalid('GET', '/api/v1/plans?status=later'))[0]?.path).toBe('querystring.status');
    await invalid('GET', '/api/v1/plans/abc');

    const { plan } = (
      await api.call('POST', '/api/v1/plans', { body: { person: adaId, kind: 'call' } })
    ).json();
    await invalid('POST', `/api/v1/plans/${plan.id}/schedule`, {});
    await invalid('POST', `/api/v1/plans/${plan.id}/schedule`, { slot: 1, at: NOW + DAY });
    await invalid('POST', `/api/v1/plans/${plan.id}/propose`, { slot: 0 });
    await invalid('POST', `/api/v1/plans/${plan.id}/done`, { minutes: 'long' });
    await invalid('PUT', `/api/v1/plans/${plan.id}/draft`, {});
    // The service's own checks: a slot the plan does not have, a time already past, an empty draft.
    for (const [url, body] of [
      ['schedule', { slot: 9 }],
      ['schedule', { at: NOW - MINUTE }],
      ['done', { at: NOW + DAY }],
    ] as const) {
      const response = await api.call('POST', `/api/v1/plans/${plan.id}/${url}`, { body });
      expect(response.json().error.code, url).toBe('input.invalid');
    }
    expect(
      (await api.call('PUT', `/api/v1/plans/${plan.id}/draft`, { body: { text: ' ' } })).statusCode,
    ).toBe(400);

    const nobody = await api.call('POST', '/api/v1/plans', { body: { person: 999_999 } });
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json().error.code).toBe('person.not_found');
    for (const [method, url] of [
      ['GET', '/api/v1/plans/999999'],
      ['GET', '/api/v1/plans/999999/invite.ics'],
      ['POST', '/api/v1/plans/999999/propose'],
      ['POST', '/api/v1/plans/999999/done'],
      ['POST', '/api/v1/plans/999999/decline'],
      ['PUT', '/api/v1/plans/999999/draft'],
    ] as const) {
      const response = await api.call(method, url, method === 'PUT' ? { body: { text: 'Hi' } } : {});
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error).toMatchObject({ code: 'plan.not_found', details: { planId: 999_999 } });
    }

    const crossSite = await api.call('POST', `/api/v1/plans/${plan.id}/cancel`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('request.cross_site');
    expect((await api.call('GET', `/api/v1/plans/${plan.id}`)).json().status).toBe('suggested');
    expect((await api.call('GET', '/api/v1/calendar.ics', { token: null })).statusCode).toBe(401);
  });

  it('shows, sets and resets planning settings and message templates', async () => {
    const shown = (await api.call('GET', '/api/v1/settings/planning')).json();
    expect(shown.overrides).toEqual({});
    expect(shown.effective).toMatchObject({
      workStart: '09:00',
      workingDays: [1, 2, 3, 4, 5],
      minutes: { coffee: 45 },
    });

    const put = (key: string, value: unknown) =>
      api.call('PUT', '/api/v1/settings/planning', { body: { key, value } });
    expect((await put('planning.workStart', '08:30')).json().effective.workStart).toBe('08:30');
    expect((await put('workingDays', 'mon-wed')).json().effective.workingDays).toEqual([1, 2, 3]);
    expect((await put('workingDays', [5, 1])).json().effective.workingDays).toEqual([1, 5]);
    expect((await put('minutes.coffee', 30)).json().effective.minutes.coffee).toBe(30);
    expect((await put('holidays', ['2026-12-24', '2026-12-31'])).json().effective.holidays).toEqual([
      '2026-12-24',
      '2026-12-31',
    ]);
    await put('yourName', 'Morgan');
    const cleared = (await put('yourName', null)).json();
    expect(cleared.effective.yourName).toBeNull();
    expect(cleared.overrides).toEqual({
      workStart: '08:30',
      workingDays: [1, 5],
      minutes: { coffee: 30 },
      holidays: ['2026-12-24', '2026-12-31'],
      yourName: null,
    });

    // The service validates values and keys the way `rapport config set` does.
    for (const [key, value] of [
      ['workEnd', '07:00'],
      ['bufferMinutes', -1],
      ['yourEmail', 'not an address'],
      ['colour', 'blue'],
    ] as const) {
      const refused = await put(key, value);
      expect(refused.statusCode, key).toBe(400);
      expect(refused.json().error).toMatchObject({
        code: 'input.invalid',
        details: { key: expect.any(String) },
      });
    }
    const malformed = await put('work start', '08:00');
    expect(malformed.json().error.details.issues[0].path).toBe('body.key');
    expect((await put('workStart', { hour: 8 })).json().error.details.issues[0].path).toBe('body.value');

    const reset = await api.call('DELETE', '/api/v1/settings/planning?key=planning.workStart');
    expect(reset.statusCode).toBe(200);
    expect(reset.json().effective.workStart).toBe('09:00');
    expect(reset.json().overrides.workStart).toBeUndefined();
    expect((await api.call('DELETE', '/api/v1/settings/planning')).json().error.details.issues[0].path).toBe(
      'querystring.key',
    );
    expect((await api.call('DELETE', '/api/v1/settings/planning?key=colour')).json().error.code).toBe(
      'input.invalid',
    );

    const templates = (await api.call('GET', '/api/v1/settings/templates')).json();
    expect(templates.map((t: { kind: string }) => t.kind)).toEqual([
      'coffee',
      'lunch',
      'video',
      'call',
      'email',
    ]);
    expect(templates.every((t: { custom: boolean }) => !t.custom)).toBe(true);
    const own = await api.call('PUT', '/api/v1/settings/templates/coffee', {
      body: { text: 'Hi {first_name}! Coffee at {place}?\r\n{slots}\n' },
    });
    expect(own.json()).toEqual({
      kind: 'coffee',
      template: 'Hi {first_name}! Coffee at {place}?\n{slots}',
      custom: true,
    });
    expect((await api.call('GET', '/api/v1/settings/templates')).json()[0]).toEqual(own.json());
    const unknown = await api.call('PUT', '/api/v1/settings/templates/coffee', {
      body: { text: 'Hi {venue}' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/venue/);
    const noKind = await api.call('PUT', '/api/v1/settings/templates/tea', { body: { text: 'Hi' } });
    expect(noKind.json().error.details.issues[0].path).toBe('params.kind');
    const back = await api.call('DELETE', '/api/v1/settings/templates/coffee');
    expect(back.json()).toMatchObject({ kind: 'coffee', custom: false });
    expect(back.json().template).toBe(templates[0].template);

    for (const [method, url] of [
      ['PUT', '/api/v1/settings/planning'],
      ['DELETE', '/api/v1/settings/planning?key=workStart'],
      ['PUT', '/api/v1/settings/templates/coffee'],
    ] as const) {
      const crossSite = await api.call(method, url, {
        body: method === 'PUT' ? { key: 'workStart', value: '07:00', text: 'x' } : undefined,
        headers: { 'sec-fetch-site': 'cross-site' },
      });
      expect(crossSite.json().error.code, url).toBe('request.cross_site');
    }
    expect((await api.call('GET', '/api/v1/settings/planning')).json().effective.workStart).toBe('09:00');
  });

  it('documents the plan, planning, deal, insight and brief routes in the OpenAPI document', async () => {
    const spec = (await api.call('GET', '/api/openapi.json', { token: null })).json();
    const paths = {
      '/api/v1/plans': ['get', 'post'],
      '/api/v1/plans/{id}': ['get'],
      '/api/v1/plans/{id}/propose': ['post'],
      '/api/v1/plans/{id}/schedule': ['post'],
      '/api/v1/plans/{id}/done': ['post'],
      '/api/v1/plans/{id}/decline': ['post'],
      '/api/v1/plans/{id}/no-show': ['post'],
      '/api/v1/plans/{id}/cancel': ['post'],
      '/api/v1/plans/{id}/draft': ['put'],
      '/api/v1/plans/{id}/invite.ics': ['get'],
      '/api/v1/calendar.ics': ['get'],
      '/api/v1/settings/planning': ['delete', 'get', 'put'],
      '/api/v1/settings/templates': ['get'],
      '/api/v1/settings/templates/{kind}': ['delete', 'put'],
      '/api/v1/deals': ['get', 'post'],
      '/api/v1/deals/{id}': ['get', 'patch'],
      '/api/v1/deals/{id}/close': ['post'],
      '/api/v1/deals/{id}/reopen': ['post'],
      '/api/v1/insights': ['get'],
      '/api/v1/people/{id}/brief': ['get'],
    };
    for (const [path, methods] of Object.entries(paths))
      expect(Object.keys(spec.paths[path] ?? {}).sort(), path).toEqual(methods);
    const invite = spec.paths['/api/v1/plans/{id}/invite.ics'].get.responses['200'];
    expect(Object.keys(invite.content)).toEqual(['text/calendar']);
    const create = spec.paths['/api/v1/plans'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(['person']);
    expect(Object.keys(create.properties)).toEqual(['person', 'kind', 'withinDays', 'minutes']);
    const created = spec.paths['/api/v1/plans'].post.responses['201'].content['application/json'].schema;
    expect(Object.keys(created.properties)).toEqual([
      'plan',
      'reason',
      'suggested',
      'invite',
      'inviteMissing',
      'otherOpen',
    ]);
  });
});
