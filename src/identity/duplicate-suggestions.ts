import { foldName } from '../importers/identity-keys.js';

/** What matching reads about a person. */
export interface MatchCandidate {
  id: number;
  displayName: string;
  company: string | null;
  identities: readonly { network: string; key: string }[];
}

/** Two people who are likely one human, with why and how sure. */
export interface DuplicateSuggestion {
  keepId: number;
  mergeId: number;
  /** 0–1. */
  confidence: number;
  reasons: string[];
}

/** Confidence of each kind of evidence; a pair takes the strongest and adds a little per extra reason. */
export const EVIDENCE = {
  sameNameSameCompany: 0.9,
  initialSameCompany: 0.75,
  nameMatchesEmail: 0.7,
  sameName: 0.6,
} as const;

const tokens = (name: string) =>
  foldName(name)
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .split(' ')
    .filter(Boolean);

function localParts(candidate: MatchCandidate): string[] {
  return candidate.identities
    .filter((i) => i.network === 'email')
    .map((i) => i.key.slice(0, i.key.indexOf('@')).replace(/[^a-z0-9]/g, ''));
}

/** Whether an email local part spells this name: ada.lovelace, adalovelace, alovelace, lovelace.ada. */
function emailSpellsName(local: string, parts: readonly string[]): boolean {
  if (parts.length < 2 || local.length < 4) return false;
  const first = parts[0]!;
  const last = parts.at(-1)!;
  return [first + last, last + first, first[0] + last, first + last[0]].includes(local);
}

function evidence(a: MatchCandidate, b: MatchCandidate): { confidence: number; reasons: string[] } | null {
  const ta = tokens(a.displayName);
  const tb = tokens(b.displayName);
  const sameCompany = !!a.company && !!b.company && foldName(a.company) === foldName(b.company);
  const found: [number, string][] = [];
  if (ta.length > 0 && ta.join(' ') === tb.join(' ')) {
    found.push(
      sameCompany
        ? [EVIDENCE.sameNameSameCompany, `same name and company (${a.company})`]
        : [EVIDENCE.sameName, `same name "${a.displayName}"`],
    );
  } else if (
    sameCompany &&
    ta.length >= 2 &&
    tb.length >= 2 &&
    ta.at(-1) === tb.at(-1) &&
    ta[0]![0] === tb[0]![0]
  ) {
    found.push([EVIDENCE.initialSameCompany, `"${a.displayName}" and "${b.displayName}" at ${a.company}`]);
  }
  for (const [x, y, ty] of [[a, b, tb] as const, [b, a, ta] as const]) {
    const local = localParts(x).find((l) => emailSpellsName(l, ty));
    if (local)
      found.push([
        EVIDENCE.nameMatchesEmail,
        `the email of ${x.displayName} (${local}@…) spells ${y.displayName}`,
      ]);
  }
  if (found.length === 0) return null;
  found.sort((p, q) => q[0] - p[0]);
  const confidence = Math.min(0.99, found[0]![0] + 0.05 * (found.length - 1));
  return { confidence, reasons: found.map((f) => f[1]) };
}

/**
 * Likely duplicates among `people`, most certain first: the same name (with the same company,
 * more so), an initial and surname at the same company, or an email address that spells the
 * other's name. Compares only people sharing a surname or an email spelling, so it stays fast
 * on large books. The person with more identities is the one to keep. Never throws.
 */
export function suggestDuplicates(people: readonly MatchCandidate[]): DuplicateSuggestion[] {
  const blocks = new Map<string, MatchCandidate[]>();
  const add = (key: string, person: MatchCandidate) => {
    const list = blocks.get(key);
    if (list) list.push(person);
    else blocks.set(key, [person]);
  };
  for (const person of people) {
    const parts = tokens(person.displayName);
    if (parts.length > 0) add(`last:${parts.at(-1)}`, person);
    for (const local of localParts(person)) add(`mail:${local}`, person);
    if (parts.length >= 2) {
      const [first, last] = [parts[0]!, parts.at(-1)!];
      for (const spelled of [first + last, last + first, first[0] + last, first + last[0]])
        add(`mail:${spelled}`, person);
    }
  }
  const seen = new Set<string>();
  const suggestions: DuplicateSuggestion[] = [];
  for (const block of blocks.values()) {
    // A block this big is a common name, not evidence; the same-name rule still pairs within it.
    if (block.length < 2 || block.length > 200) continue;
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const [a, b] = [block[i]!, block[j]!];
        if (a.id === b.id) continue;
        const pair = a.id < b.id ? `${a.id}:${b.id}` : `${b.id}:${a.id}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        const found = evidence(a, b);
        if (!found) continue;
        const keepA =
          a.identities.length > b.identities.length ||
          (a.identities.length === b.identities.length && a.id < b.id);
        suggestions.push({ keepId: keepA ? a.id : b.id, mergeId: keepA ? b.id : a.id, ...found });
      }
    }
  }
  return suggestions.sort(
    (p, q) => q.confidence - p.confidence || p.keepId - q.keepId || p.mergeId - q.mergeId,
  );
}
