import cytoscape, { type Core } from 'cytoscape';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { RelationshipGraph } from '../../services/graph.service.js';
import { ErrorBanner, Loading } from '../components/status.js';
import { layoutMap, offlineColour } from '../map-layout.js';
import { navigate } from '../router.js';
import { useApi } from '../use-api.js';

const SIZES = [100, 300, 1000] as const;

/** The relationship graph: you in the middle, people by strength, coloured by how much is offline. */
export default function MapPage() {
  const [limit, setLimit] = useState<number>(300);
  const { data, error, loading } = useApi<RelationshipGraph>(`/graph?limit=${limit}`);
  const box = useRef<HTMLDivElement>(null);
  const graph = useRef<Core | null>(null);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<string>();

  useEffect(() => {
    if (!data || !box.current) return;
    const { placed, sectors } = layoutMap(data.nodes);
    const at = new Map(placed.map((p) => [p.id, p]));
    const dark =
      document.documentElement.dataset.theme === 'dark' ||
      (!document.documentElement.dataset.theme && matchMedia('(prefers-color-scheme: dark)').matches);
    const text = dark ? '#e8e8e6' : '#1d1f23';
    const cy = cytoscape({
      container: box.current,
      layout: { name: 'preset' },
      minZoom: 0.2,
      maxZoom: 4,
      elements: [
        {
          data: { id: 'me', label: 'You', size: 46, colour: '#1f5fbf' },
          position: { x: 0, y: 0 },
          classes: 'me',
        },
        ...data.nodes.map((n) => ({
          data: {
            id: `p${n.id}`,
            person: n.id,
            label: n.name,
            size: 12 + (n.strength / 100) * 30,
            colour: offlineColour(n.offlineRatio),
          },
          position: { x: at.get(n.id)!.x, y: at.get(n.id)!.y },
        })),
        ...sectors.map((s, i) => ({
          data: { id: `c${i}`, label: s.company },
          position: { x: s.x, y: s.y },
          classes: 'company',
          selectable: false,
          grabbable: false,
        })),
        ...data.nodes.map((n) => ({
          data: { id: `e${n.id}`, source: 'me', target: `p${n.id}`, width: 0.5 + (n.strength / 100) * 3 },
          classes: 'tie',
        })),
        ...data.edges.map((e) => ({
          data: {
            id: `s${e.a}-${e.b}`,
            source: `p${e.a}`,
            target: `p${e.b}`,
            width: Math.min(4, 0.5 + Math.log2(1 + e.shared)),
          },
          classes: 'shared',
        })),
      ],
      style: [
        {
          selector: 'node[size]',
          style: {
            width: 'data(size)',
            height: 'data(size)',
            'background-color': 'data(colour)',
            label: 'data(label)',
            color: text,
            'font-size': 9,
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'min-zoomed-font-size': 7,
          },
        },
        { selector: 'node.me', style: { 'font-size': 12, 'font-weight': 'bold' } },
        {
          selector: 'node.company',
          style: {
            label: 'data(label)',
            width: 1,
            height: 1,
            'background-opacity': 0,
            'font-size': 12,
            'font-weight': 'bold',
            color: text,
            'text-valign': 'center',
          },
        },
        { selector: 'edge.tie', style: { width: 'data(width)', 'line-color': '#9aa0a8', opacity: 0.25 } },
        { selector: 'edge.shared', style: { width: 'data(width)', 'line-color': '#7a62c9', opacity: 0.6 } },
        { selector: 'node.match', style: { 'border-width': 4, 'border-color': '#f2b705' } },
      ],
    });
    cy.on('tap', 'node', (event) => {
      const person = event.target.data('person') as number | undefined;
      if (person) navigate(`/people/${person}`);
    });
    graph.current = cy;
    return () => {
      cy.destroy();
      graph.current = null;
    };
  }, [data]);

  const find = (event: FormEvent) => {
    event.preventDefault();
    const cy = graph.current;
    if (!cy || !data) return;
    cy.nodes().removeClass('match');
    const needle = search.trim().toLowerCase();
    const hit = needle ? data.nodes.find((n) => n.name.toLowerCase().includes(needle)) : undefined;
    if (!hit) {
      setFound(needle ? `Nobody called “${search.trim()}” among the people shown.` : undefined);
      return;
    }
    const node = cy.getElementById(`p${hit.id}`);
    node.addClass('match');
    cy.animate({ center: { eles: node }, zoom: 2 }, { duration: 300 });
    setFound(`${hit.name}: strength ${Math.round(hit.strength)}.`);
  };
  const zoom = (factor: number) => {
    const cy = graph.current;
    if (cy)
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };

  return (
    <>
      <h1>Map</h1>
      <p className="lead">
        You are in the middle; the nearer someone is, the stronger the relationship. Colour runs from orange
        (all online) to green (mostly real conversations); purple lines join people who meet in the same
        threads and meetings. Click a person to open them.
      </p>
      <div className="field-row">
        <search>
          <form onSubmit={find} className="field-row">
            <div>
              <label htmlFor="map-search">Find a person</label>
              <input
                id="map-search"
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
            </div>
            <button type="submit">Find</button>
          </form>
        </search>
        <div>
          <label htmlFor="map-size">People shown</label>
          <select id="map-size" value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
            {SIZES.map((s) => (
              <option key={s} value={s}>
                strongest {s}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="button" onClick={() => zoom(1.25)} aria-label="Zoom in">
            +
          </button>
          <button type="button" onClick={() => zoom(0.8)} aria-label="Zoom out">
            −
          </button>
          <button type="button" onClick={() => graph.current?.fit(undefined, 20)}>
            Fit
          </button>
        </div>
      </div>
      <p aria-live="polite" className="muted">
        {found ?? (data ? `The strongest ${data.nodes.length} of ${data.total} people.` : '')}
      </p>
      <ErrorBanner error={error} />
      {loading && !data ? <Loading what="the map" /> : null}
      <figure style={{ margin: 0 }}>
        <div ref={box} className="graph" />
        <figcaption className="muted">
          The same people, with every figure, are listed on the People page.
        </figcaption>
      </figure>
    </>
  );
}
