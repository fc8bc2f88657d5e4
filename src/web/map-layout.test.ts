import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutMap, offlineColour, radiusFor } from './map-layout.js';

describe('map layout', () => {
  it('puts stronger relationships nearer the middle', () => {
    expect(radiusFor(100)).toBeLessThan(radiusFor(50));
    expect(radiusFor(50)).toBeLessThan(radiusFor(0));
    expect(radiusFor(-5)).toBe(radiusFor(0));
  });

  it('places everyone once, and gives each company of two or more a sector label', () => {
    const people = [
      { id: 1, company: 'Acme', strength: 80 },
      { id: 2, company: 'acme ', strength: 20 },
      { id: 3, company: 'Solo', strength: 50 },
      { id: 4, company: null, strength: 10 },
    ];
    const { placed, sectors } = layoutMap(people);
    expect(placed.map((p) => p.id).sort()).toEqual([1, 2, 3, 4]);
    expect(sectors.map((s) => s.company)).toEqual(['Acme']);
    const r = (id: number) => {
      const p = placed.find((x) => x.id === id)!;
      return Math.hypot(p.x, p.y);
    };
    expect(r(1)).toBeLessThan(r(2));
  });

  it('keeps every person within the map for any book', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.integer({ min: 1, max: 1e6 }),
            company: fc.option(fc.constantFrom('A', 'B', 'C', 'D'), { nil: null }),
            strength: fc.double({ min: 0, max: 100, noNaN: true }),
          }),
          { maxLength: 60 },
        ),
        (people) => {
          const { placed } = layoutMap(people);
          expect(placed).toHaveLength(people.length);
          for (const p of placed) expect(Math.hypot(p.x, p.y)).toBeLessThanOrEqual(540);
        },
      ),
    );
  });

  it('colours by offline ratio, grey when unknown', () => {
    expect(offlineColour(0)).toBe('#b4531a');
    expect(offlineColour(1)).toBe('#1c7a4a');
    expect(offlineColour(null)).toBe('#8a8f98');
  });
});
