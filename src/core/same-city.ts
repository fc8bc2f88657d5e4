/**
 * Whether two free-text locations name the same city. Profile locations come as
 * "Berlin, Germany", "Greater Berlin Area", "Berlin Metropolitan Area" or just "Berlin";
 * the city is the first comma-separated part with the area words removed.
 * Returns null when either side is unknown.
 */
export function sameCity(a: string | null | undefined, b: string | null | undefined): boolean | null {
  const cityA = cityOf(a);
  const cityB = cityOf(b);
  if (!cityA || !cityB) return null;
  return cityA === cityB;
}

const AREA_WORDS = /\b(greater|metropolitan|metro|area|region|city of|bay area)\b/g;

/** The folded city name of a location, or null. */
export function cityOf(location: string | null | undefined): string | null {
  const first = location?.split(',')[0];
  if (!first) return null;
  const city = first
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(AREA_WORDS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return city || null;
}
