import { expect, it } from 'vitest';
import { relationshipGraph } from '../../src/services/graph.service.js';
import { importExport } from '../../src/services/import.service.js';
import { logInteraction } from '../../src/services/log.service.js';
import { showPerson } from '../../src/services/person.service.js';
import { type Contact, connectedOn, thread } from '../support/linkedin-export.js';
import { describeEachDatabase } from '../support/stores.js';
import { useTestApp } from '../support/test-app.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const DAY = 86_400_000;
const contact = (first: string, last: string, company: string): Contact => ({
  first,
  last,
  slug: `${first}-${last}`.toLowerCase(),
  company,
  connectedOn: connectedOn(NOW, 300),
});
const ada = contact('Ada', 'Lovelace', 'Analytical Engines');
const charles = contact('Charles', 'Babbage', 'Analytical Engines');
const grace = contact('Grace', 'Hopper', 'Navy');

describeEachDatabase('relationship graph', (dialect) => {
  const app = useTestApp(dialect, NOW);

  it('shows the strongest people, their shared interactions and company clusters', async () => {
    await importExport(app.ctx, [
      app.linkedinExport({
        contacts: [ada, charles, grace],
        messages: [...thread(ada, NOW, 6, 4, 2), ...thread(charles, NOW, 2, 1, 1)],
      }),
    ]);
    // A coffee with Ada that Charles joined: one interaction, two participants.
    const { interactionId } = await logInteraction(app.ctx, {
      person: 'Ada',
      kind: 'coffee',
      at: NOW - 3 * DAY,
    });
    const charlesId = (await showPerson(app.ctx, 'Charles')).id;
    await app.ctx.store.db
      .insertInto('interaction_participants')
      .values({
        interaction_id: interactionId,
        person_id: charlesId,
        identity_id: null,
        occurred_at: NOW - 3 * DAY,
      })
      .execute();

    const graph = await relationshipGraph(app.ctx, { limit: 2 });
    expect(graph.total).toBe(3);
    expect(graph.nodes.map((n) => n.name)).toEqual(['Ada Lovelace', 'Charles Babbage']);
    expect(graph.nodes[0]!.strength).toBeGreaterThan(graph.nodes[1]!.strength);
    expect(graph.nodes[0]!.offlineRatio).toBeGreaterThan(0);
    const adaId = graph.nodes[0]!.id;
    expect(graph.edges).toEqual([
      { a: Math.min(adaId, charlesId), b: Math.max(adaId, charlesId), shared: 1 },
    ]);
    expect(graph.companies).toEqual([{ name: 'Analytical Engines', size: 2 }]);

    const everyone = await relationshipGraph(app.ctx);
    expect(everyone.nodes.map((n) => n.name)).toContain('Grace Hopper');
    expect(everyone.companies).toEqual([{ name: 'Analytical Engines', size: 2 }]);
    await expect(relationshipGraph(app.ctx, { limit: 0 })).rejects.toMatchObject({ code: 'input.invalid' });
  });
});
