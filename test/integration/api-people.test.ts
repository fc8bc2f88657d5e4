import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { generateLinkedInExport } from '../../src/sample/linkedin-export.generator.js';
import { listPeople } from '../../src/services/people.service.js';
import { describeEachDatabase } from '../support/stores.js';
import { multipartBody, useTestServer } from '../support/test-server.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const DAY = 86_400_000;

describeEachDatabase('API: today, people, one person, log', (dialect) => {
  const api = useTestServer(dialect, NOW);

  /** Uploads a generated LinkedIn export zip through the multipart route, as the web app will. */
  async function uploadSample() {
    const dir = await api.folder({});
    const zipPath = join(dir, 'Complete_LinkedInDataExport_11-29-2026.zip');
    await generateLinkedInExport(zipPath, { seed: 7, connections: 30, messages: 300, now: NOW });
    const body = multipartBody([
      { name: 'Complete_LinkedInDataExport_11-29-2026.zip', content: readFileSync(zipPath) },
    ]);
    const response = await api.call('POST', '/api/v1/imports', body);
    expect(response.statusCode).toBe(201);
    return response.json();
  }

  it('imports an uploaded LinkedIn zip and lists Today with reasons and next steps', async () => {
    const { imports } = await uploadSample();
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({
      source: 'linkedin',
      label: 'Complete_LinkedInDataExport_11-29-2026.zip',
    });
    expect(imports[0].totals.peopleCreated).toBeGreaterThanOrEqual(30);

    const response = await api.call('GET', '/api/v1/today?limit=3');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const { now, entries } = response.json();
    expect(now).toBe(NOW);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length).toBeLessThanOrEqual(3);
    expect(entries[0]).toMatchObject({
      rank: 1,
      reason: expect.any(String),
      nextStep: { kind: expect.any(String) },
    });

    expect((await api.call('GET', '/api/v1/today?limit=0')).json().error.code).toBe('input.invalid');
  });

  it('pages, sorts, orders, searches and filters the people list', async () => {
    await uploadSample();
    const all = (await api.call('GET', '/api/v1/people?limit=500')).json();
    const expected = await listPeople(api.ctx);
    expect(all.total).toBe(expected.total);
    // The API gives list figures to the precision anyone reads them at.
    const round = (n: number | null, digits: number) =>
      n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;
    expect(all.items).toEqual(
      expected.people.map((p) => ({
        ...p,
        strength: round(p.strength, 2),
        offlineRatio: round(p.offlineRatio, 4),
        liveRatio: round(p.liveRatio, 4),
      })),
    );
    expect(all.total).toBeGreaterThan(20);
    expect(all.nextOffset).toBeNull();
    const strengths = all.items.map((p: { strength: number }) => p.strength);
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));

    const first = (await api.call('GET', '/api/v1/people?limit=10')).json();
    const second = (await api.call('GET', '/api/v1/people?limit=10&offset=10')).json();
    expect(first).toMatchObject({ total: all.total, limit: 10, offset: 0, nextOffset: 10 });
    expect(second).toMatchObject({ offset: 10, nextOffset: 20 });
    expect([...first.items, ...second.items].map((p: { id: number }) => p.id)).toEqual(
      all.items.slice(0, 20).map((p: { id: number }) => p.id),
    );
    expect((await api.call('GET', '/api/v1/people?offset=1000')).json()).toMatchObject({
      items: [],
      total: all.total,
      nextOffset: null,
    });

    const names = (order: string) =>
      api
        .call('GET', `/api/v1/people?sort=name&limit=500${order}`)
        .then((r) => r.json().items.map((p: { name: string }) => p.name));
    const az = await names('');
    expect(az).toEqual([...az].sort((a, b) => a.localeCompare(b)));
    expect(await names('&order=asc')).toEqual(az);
    expect(await names('&order=desc')).toEqual([...az].reverse());

    const someone = all.items[0];
    const searched = (
      await api.call('GET', `/api/v1/people?q=${encodeURIComponent(someone.name.toUpperCase())}`)
    ).json();
    expect(searched.items.map((p: { id: number }) => p.id)).toContain(someone.id);
    const stuck = (await api.call('GET', '/api/v1/people?filter=stuck&limit=500')).json();
    expect(stuck.items.every((p: { flags: string[] }) => p.flags.includes('stuck'))).toBe(true);

    for (const query of [
      'sort=shoe',
      'order=up',
      'limit=0',
      'limit=501',
      'offset=-1',
      'filter=asleep',
      'limit=ten',
    ]) {
      const response = await api.call('GET', `/api/v1/people?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code, query).toBe('input.invalid');
      expect(response.json().error.details.issues.length, query).toBeGreaterThan(0);
    }
  });

  it('shows one person, changes their type and cadence, and logs a conversation', async () => {
    await uploadSample();
    const [person] = (await api.call('GET', '/api/v1/people?limit=1&sort=name')).json().items;
    const detail = await api.call('GET', `/api/v1/people/${person.id}?timeline=5`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      id: person.id,
      name: person.name,
      evaluation: { score: { strength: person.strength } },
    });
    expect(detail.json().timeline.length).toBeLessThanOrEqual(5);

    const patched = await api.call('PATCH', `/api/v1/people/${person.id}`, {
      body: { relationshipType: 'client', cadenceDays: 30 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().relationshipType).toBe('client');
    for (const body of [
      {},
      { relationshipType: 'rival' },
      { cadenceDays: 0 },
      { cadenceDays: 5000 },
      { nickname: 'x' },
    ]) {
      const response = await api.call('PATCH', `/api/v1/people/${person.id}`, { body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('input.invalid');
    }

    const logged = await api.call('POST', `/api/v1/people/${person.id}/log`, {
      body: { kind: 'coffee', at: NOW - DAY, minutes: 45, note: 'Talked about the pilot' },
    });
    expect(logged.statusCode).toBe(201);
    expect(logged.json().person.timeline[0]).toMatchObject({
      at: NOW - DAY,
      activity: 'coffee',
      note: 'Talked about the pilot',
    });
    expect(logged.json().person.evaluation.lastRealConversationAt).toBe(NOW - DAY);
    for (const body of [
      { kind: 'telepathy' },
      { kind: 'coffee', at: NOW + DAY },
      { kind: 'call', minutes: 100_000 },
      {},
    ]) {
      const response = await api.call('POST', `/api/v1/people/${person.id}/log`, { body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('input.invalid');
    }
  });

  it('answers 404 for people who do not exist and 400 for ids that are not ids', async () => {
    for (const [method, url, body] of [
      ['GET', '/api/v1/people/999999', undefined],
      ['PATCH', '/api/v1/people/999999', { relationshipType: 'client' }],
      ['POST', '/api/v1/people/999999/log', { kind: 'coffee' }],
    ] as const) {
      const response = await api.call(method, url, { body });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('person.not_found');
    }
    for (const id of ['abc', '0', '-3', '1.5']) {
      const response = await api.call('GET', `/api/v1/people/${id}`);
      expect(response.statusCode, id).toBe(400);
      expect(response.json().error.code).toBe('input.invalid');
    }
    const badJson = await api.call('PATCH', '/api/v1/people/1', {
      body: '{"relationshipType":',
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.code).toBe('input.invalid');
  });
});
