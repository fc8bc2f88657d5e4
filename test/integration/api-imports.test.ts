import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEFAULT_SCORE_CONFIG } from '../../src/core/config.js';
import { ensureSampleData } from '../../src/services/sample.service.js';
import { type Contact, connectedOn, thread } from '../support/linkedin-export.js';
import { describeEachDatabase } from '../support/stores.js';
import { multipartBody, useTestServer } from '../support/test-server.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const XSS = '<img src=x onerror=alert(1)>';
const ada: Contact = {
  first: 'Ada',
  last: 'Lovelace',
  slug: 'ada-lovelace-1a2b',
  company: 'Analytical Engines',
  connectedOn: connectedOn(NOW, 400),
};
const alias: Contact = { ...ada, first: 'A.', slug: 'a-lovelace-77', connectedOn: connectedOn(NOW, 100) };
const mallory: Contact = {
  first: XSS,
  last: '<script>alert(2)</script>',
  slug: 'mallory-x',
  connectedOn: connectedOn(NOW, 50),
};

describeEachDatabase('API: imports, merges, settings', (dialect) => {
  const api = useTestServer(dialect, NOW);

  /** Uploads the loose files of an export folder, one file part each. */
  async function upload(folder: string, files: string[]) {
    const body = multipartBody(files.map((name) => ({ name, content: readFileSync(join(folder, name)) })));
    return api.call('POST', '/api/v1/imports', body);
  }

  it('imports uploaded files, lists the import and undoes it exactly once', async () => {
    const folder = api.linkedinExport({ contacts: [ada, mallory], messages: thread(ada, NOW, 6, 3, 1) });
    const uploaded = await upload(folder, ['Profile.csv', 'Connections.csv', 'messages.csv']);
    expect(uploaded.statusCode).toBe(201);
    const [result] = uploaded.json().imports;
    expect(result.totals).toMatchObject({ peopleCreated: 2, rejected: 0 });
    expect(result.totals.imported).toBeGreaterThanOrEqual(8);
    expect(result.label).toBe('Profile.csv, Connections.csv, messages.csv');

    const list = (await api.call('GET', '/api/v1/imports')).json();
    expect(list).toMatchObject({
      total: 1,
      nextOffset: null,
      items: [{ id: result.importId, status: 'done' }],
    });

    const again = await upload(folder, ['Profile.csv', 'Connections.csv', 'messages.csv']);
    expect(again.json().imports[0]).toMatchObject({
      previousImportId: result.importId,
      totals: { imported: 0 },
    });

    const repeat = again.json().imports[0].importId;
    expect((await api.call('POST', `/api/v1/imports/${repeat}/undo`)).statusCode).toBe(200);
    const undone = await api.call('POST', `/api/v1/imports/${result.importId}/undo`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toMatchObject({ importId: result.importId, peopleRemoved: 2 });
    expect((await api.call('GET', '/api/v1/people')).json().total).toBe(0);
    const twice = await api.call('POST', `/api/v1/imports/${result.importId}/undo`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('import.already_undone');
    const missing = await api.call('POST', '/api/v1/imports/9999/undo');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('import.not_found');
  });

  it('streams the import as it runs when asked for newline-delimited JSON, and ends with the result or the error', async () => {
    const folder = api.linkedinExport({ contacts: [ada], messages: thread(ada, NOW, 6, 3, 1) });
    const files = ['Profile.csv', 'Connections.csv', 'messages.csv'];
    const body = multipartBody(files.map((name) => ({ name, content: readFileSync(join(folder, name)) })));
    const lines = (text: string) =>
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
    const streamed = await api.call('POST', '/api/v1/imports', {
      ...body,
      headers: { ...body.headers, accept: 'application/x-ndjson' },
    });
    expect(streamed.statusCode).toBe(200);
    expect(streamed.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const got = lines(streamed.body);
    const reading = got.filter((l) => l.type === 'event' && l.event.type === 'file').map((l) => l.event.file);
    expect(reading).toEqual(expect.arrayContaining(files));
    expect(got.at(-1)).toMatchObject({
      type: 'done',
      imports: [{ source: 'linkedin', totals: { peopleCreated: 1 } }],
    });

    const junk = multipartBody([{ name: 'notes.txt', content: 'just some words\n' }]);
    const failed = await api.call('POST', '/api/v1/imports', {
      ...junk,
      headers: { ...junk.headers, accept: 'application/x-ndjson' },
    });
    expect(lines(failed.body).at(-1)).toMatchObject({
      type: 'error',
      error: { code: 'import.unrecognised' },
    });
  });

  it('says whether the book still holds the sample, and undoing it takes the whole sample out', async () => {
    expect((await api.call('GET', '/api/v1/imports/sample')).json()).toEqual({ importId: null });
    const { imported } = await ensureSampleData(api.ctx);
    const sample = (await api.call('GET', '/api/v1/imports/sample')).json();
    expect(sample).toEqual({ importId: imported!.importId });
    expect((await api.call('GET', '/api/v1/people')).json().total).toBeGreaterThan(100);
    expect((await api.call('POST', `/api/v1/imports/${sample.importId}/undo`)).statusCode).toBe(200);
    expect((await api.call('GET', '/api/v1/imports/sample')).json()).toEqual({ importId: null });
    // The diary of meetings logged on top of the sample leaves with it: nobody stays behind.
    expect((await api.call('GET', '/api/v1/people')).json().total).toBe(0);
  });

  it('rejects uploads that are not exports, not multipart, or empty', async () => {
    const junk = await api.call(
      'POST',
      '/api/v1/imports',
      multipartBody([{ name: 'notes.txt', content: 'just some words\n' }]),
    );
    expect(junk.statusCode).toBe(422);
    expect(junk.json().error.code).toBe('import.unrecognised');

    const json = await api.call('POST', '/api/v1/imports', { body: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('request.unsupported_media_type');

    const none = await api.call('POST', '/api/v1/imports', multipartBody([], { region: 'DE' }));
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('input.invalid');
    const region = await api.call(
      'POST',
      '/api/v1/imports',
      multipartBody([{ name: 'notes.txt', content: 'x' }], { region: 'Germany' }),
    );
    expect(region.json().error.code).toBe('input.invalid');
  });

  it('returns imported markup as a plain JSON string, never as HTML', async () => {
    const folder = api.linkedinExport({ contacts: [mallory] });
    expect((await upload(folder, ['Profile.csv', 'Connections.csv'])).statusCode).toBe(201);
    const response = await api.call('GET', `/api/v1/people?q=${encodeURIComponent('onerror')}`);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBeUndefined();
    const [person] = response.json().items;
    expect(person.name).toBe(`${XSS} <script>alert(2)</script>`);
    const detail = await api.call('GET', `/api/v1/people/${person.id}`);
    expect(detail.json().name).toBe(person.name);
    expect(detail.headers['content-type']).toBe('application/json; charset=utf-8');
    // The page at / is fixed text: nothing imported ever reaches it.
    expect((await api.call('GET', '/')).body).not.toMatch(/onerror|alert/);
  });

  it('suggests duplicates, merges them, lists the merge and unmerges it exactly', async () => {
    const folder = api.linkedinExport({
      contacts: [ada, alias],
      messages: [...thread(ada, NOW, 4, 3, 1), ...thread(alias, NOW, 3, 5, 2)],
    });
    expect((await upload(folder, ['Profile.csv', 'Connections.csv', 'messages.csv'])).statusCode).toBe(201);
    const duplicates = (await api.call('GET', '/api/v1/duplicates')).json();
    expect(duplicates.total).toBe(1);
    const [suggestion] = duplicates.items;
    expect(suggestion).toMatchObject({ keepName: 'Ada Lovelace', mergeName: 'A. Lovelace' });
    expect((await api.call('GET', '/api/v1/duplicates?minConfidence=0.99')).json().total).toBe(0);

    const merged = await api.call('POST', '/api/v1/merges', {
      body: { keepId: suggestion.keepId, mergeId: suggestion.mergeId, reason: 'same person' },
    });
    expect(merged.statusCode).toBe(201);
    expect(merged.json()).toMatchObject({
      keptId: suggestion.keepId,
      mergedName: 'A. Lovelace',
      undoneAt: null,
    });
    expect((await api.call('GET', '/api/v1/people')).json().total).toBe(1);
    expect((await api.call('GET', `/api/v1/people/${suggestion.mergeId}`)).statusCode).toBe(404);
    const merges = (await api.call('GET', '/api/v1/merges')).json();
    expect(merges.items.map((m: { id: number }) => m.id)).toEqual([merged.json().id]);

    const undone = await api.call('POST', `/api/v1/merges/${merged.json().id}/undo`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toEqual({ keptId: suggestion.keepId, restoredId: suggestion.mergeId });
    expect((await api.call('GET', `/api/v1/people/${suggestion.mergeId}`)).statusCode).toBe(200);
    const twice = await api.call('POST', `/api/v1/merges/${merged.json().id}/undo`);
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'merge.already_undone']);
    const missing = await api.call('POST', '/api/v1/merges/999/undo');
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'merge.not_found']);

    const self = await api.call('POST', '/api/v1/merges', {
      body: { keepId: suggestion.keepId, mergeId: suggestion.keepId },
    });
    expect([self.statusCode, self.json().error.code]).toEqual([422, 'merge.invalid']);
    const nobody = await api.call('POST', '/api/v1/merges', {
      body: { keepId: suggestion.keepId, mergeId: 99999 },
    });
    expect([nobody.statusCode, nobody.json().error.code]).toEqual([404, 'person.not_found']);
    const invalid = await api.call('POST', '/api/v1/merges', { body: { keepId: 'one' } });
    expect([invalid.statusCode, invalid.json().error.code]).toEqual([400, 'input.invalid']);
  });

  it('shows, sets and resets scoring settings, and scores with them at once', async () => {
    const shown = (await api.call('GET', '/api/v1/settings/score')).json();
    expect(shown).toEqual({ effective: DEFAULT_SCORE_CONFIG, overrides: {} });

    const set = await api.call('PUT', '/api/v1/settings/score', { body: { key: 'halfLifeDays', value: 30 } });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ effective: { halfLifeDays: 30 }, overrides: { halfLifeDays: 30 } });
    expect(api.ctx.config.halfLifeDays).toBe(30);
    expect((await api.call('GET', '/api/v1/settings/score')).json().overrides).toEqual({ halfLifeDays: 30 });

    for (const body of [
      { key: 'halfLifeDayz', value: 30 },
      { key: 'halfLifeDays', value: -1 },
      { key: 'halfLifeDays', value: 'long' },
      { key: 'weights.__proto__', value: 1 },
      { value: 1 },
    ]) {
      const response = await api.call('PUT', '/api/v1/settings/score', { body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('input.invalid');
    }

    const reset = await api.call('DELETE', '/api/v1/settings/score?key=halfLifeDays');
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toEqual({ effective: DEFAULT_SCORE_CONFIG, overrides: {} });
    expect(api.ctx.config.halfLifeDays).toBe(DEFAULT_SCORE_CONFIG.halfLifeDays);
    expect((await api.call('DELETE', '/api/v1/settings/score')).json().error.code).toBe('input.invalid');
  });
});
