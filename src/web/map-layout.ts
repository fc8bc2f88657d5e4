/**
 * Where each person sits on the map, pure and deterministic: you in the middle, each company a
 * sector of the circle (people without a known company share the rest), and the stronger the
 * relationship the nearer the middle.
 */

export interface MapPerson {
  id: number;
  company: string | null;
  strength: number;
}

export interface Placed {
  id: number;
  x: number;
  y: number;
}

export interface Sector {
  company: string;
  /** Where the sector's label goes, just outside its outermost person. */
  x: number;
  y: number;
}

const INNER = 90;
const OUTER = 520;

/** The radius for a strength 0–100: 100 sits at INNER, 0 at OUTER. */
export function radiusFor(strength: number): number {
  const s = Math.min(100, Math.max(0, strength));
  return INNER + (OUTER - INNER) * (1 - s / 100);
}

/** Positions for everyone and a label spot per company with at least `minCluster` people shown. */
export function layoutMap(
  people: readonly MapPerson[],
  minCluster = 2,
): { placed: Placed[]; sectors: Sector[] } {
  const groups = new Map<string, MapPerson[]>();
  const key = (p: MapPerson) => p.company?.trim().toLowerCase() || '';
  for (const p of people) {
    const k = key(p);
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  // Small companies join the shared remainder, so sectors stay readable.
  const clusters: { company: string; people: MapPerson[] }[] = [];
  const rest: MapPerson[] = [];
  for (const [k, members] of groups) {
    if (k && members.length >= minCluster)
      clusters.push({ company: members[0]!.company!.trim(), people: members });
    else rest.push(...members);
  }
  clusters.sort((a, b) => b.people.length - a.people.length || a.company.localeCompare(b.company));
  if (rest.length) clusters.push({ company: '', people: rest });

  const total = people.length || 1;
  const placed: Placed[] = [];
  const sectors: Sector[] = [];
  let angle = -Math.PI / 2;
  for (const cluster of clusters) {
    const span = (2 * Math.PI * cluster.people.length) / total;
    const members = [...cluster.people].sort((a, b) => b.strength - a.strength || a.id - b.id);
    members.forEach((p, i) => {
      // Spread along the sector's arc; alternate a little in radius so neighbours do not overlap.
      const t = members.length === 1 ? 0.5 : (i + 0.5) / members.length;
      const a = angle + span * t;
      const r = radiusFor(p.strength) + (i % 2) * 14;
      placed.push({ id: p.id, x: Math.round(r * Math.cos(a)), y: Math.round(r * Math.sin(a)) });
    });
    if (cluster.company) {
      const mid = angle + span / 2;
      const r = Math.max(...members.map((p) => radiusFor(p.strength))) + 60;
      sectors.push({
        company: cluster.company,
        x: Math.round(r * Math.cos(mid)),
        y: Math.round(r * Math.sin(mid)),
      });
    }
    angle += span;
  }
  return { placed, sectors };
}

/** The colour of an offline ratio: from the online colour (0) to the offline colour (1); grey when unknown. */
export function offlineColour(ratio: number | null): string {
  if (ratio === null) return '#8a8f98';
  const from = [0xb4, 0x53, 0x1a];
  const to = [0x1c, 0x7a, 0x4a];
  const mix = from.map((f, i) => Math.round(f + (to[i]! - f) * Math.min(1, Math.max(0, ratio))));
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
