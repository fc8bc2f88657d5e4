import { describe, expect, it } from 'vitest';
import { cityOf, sameCity } from './same-city.js';

describe('sameCity', () => {
  it('matches the city across the ways profiles write it', () => {
    expect(sameCity('Berlin, Germany', 'Greater Berlin Area')).toBe(true);
    expect(sameCity('München', 'Munchen, Bavaria, Germany')).toBe(true);
    expect(sameCity('Berlin Metropolitan Area', 'Paris, Île-de-France, France')).toBe(false);
  });

  it('is unknown when either side is missing or blank', () => {
    expect(sameCity(null, 'Berlin')).toBeNull();
    expect(sameCity('Berlin', '  ')).toBeNull();
    expect(cityOf('Greater Area')).toBeNull();
  });
});
