import { describe, expect, it } from 'vitest';
import { DAY_MS } from './duration.js';
import { type TextSample, topKeywords } from './keywords.js';
import { isStopword } from './stopwords.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const daysAgo = (days: number, text: string): TextSample => ({ text, at: NOW - days * DAY_MS });
const top = (samples: TextSample[], max = 8, exclude: string[] = []) =>
  topKeywords(samples, { now: NOW, max, exclude });

describe('topKeywords', () => {
  it('keeps product words, codes and hyphenated terms as written', () => {
    const result = top([
      daysAgo(1, 'Our Series-A closes in Q3; the Kubernetes migration comes first.'),
      daysAgo(2, 'Kubernetes costs are the worry for Q3.'),
    ]);
    expect(result.slice(0, 2).sort()).toEqual(['Kubernetes', 'Q3']);
    expect(result).toContain('Series-A');
    expect(result).toContain('migration');
  });

  it('drops stopwords in four languages and chat filler', () => {
    const result = top([
      daysAgo(1, 'Hi! Thanks a lot, lol. Ok, see you tomorrow :)'),
      daysAgo(1, 'Danke für die Nachricht, bis morgen. Merci pour le message, à bientôt.'),
      daysAgo(1, 'Gracias por todo, hasta mañana. Hola!'),
    ]);
    expect(result.every((k) => !isStopword(k.toLowerCase()))).toBe(true);
    expect(result).toEqual(expect.arrayContaining(['Nachricht', 'bientôt']));
    expect(result).not.toContain('Hi');
    expect(result).not.toContain('lol');
  });

  it('drops links, e-mail addresses, handles, numbers and times', () => {
    const result = top([
      daysAgo(
        1,
        'Deck at https://example.com/deck?id=7 or www.example.org, mail ada@example.com, ping @ada_l, ' +
          'call 2026 at 10am, budget 12,000 on the 2nd, see example.io javascript:alert(1)',
      ),
    ]);
    expect(result).toEqual(expect.arrayContaining(['Deck', 'budget', 'ping']));
    for (const word of result) {
      expect(word).not.toMatch(/example|https|www|ada|alert|^\d|10am|2nd/i);
    }
  });

  it("leaves out the person's and the owner's names, possessives included", () => {
    const result = top(
      [daysAgo(1, "Ada's pilot with Morgan: Ada and Morgan Avery agree on the pilot. Jean-Luc joins.")],
      8,
      ['Ada Lovelace', 'Morgan Avery', 'Jean-Luc Picard'],
    );
    expect(result).toEqual(['pilot', 'agree', 'joins']);
  });

  it('finds repeated word pairs and does not repeat their words alone', () => {
    const result = top([
      daysAgo(1, 'We talked about machine learning for the pricing model.'),
      daysAgo(3, 'More machine learning ideas: pricing model v2.'),
      daysAgo(5, 'The model works.'),
    ]);
    expect(result.slice(0, 2).sort()).toEqual(['machine learning', 'pricing model']);
    expect(result).not.toContain('machine');
    expect(result).not.toContain('learning');
    // "model" also came up on its own once.
    expect(result).toContain('model');
  });

  it('does not pair words across punctuation, links or dropped words', () => {
    const result = top([
      daysAgo(1, 'pricing. model pricing, model pricing https://x.io model'),
      daysAgo(2, 'pricing and model, pricing the model'),
    ]);
    expect(result).not.toContain('pricing model');
  });

  it('ranks newer texts above older ones with the same counts', () => {
    const result = top([daysAgo(50, 'procurement procurement'), daysAgo(2, 'onboarding onboarding')]);
    expect(result).toEqual(['onboarding', 'procurement']);
  });

  it('ranks by frequency times recency: many old mentions can beat one new one', () => {
    const result = top([daysAgo(30, 'budget budget budget budget'), daysAgo(0, 'hiring')]);
    expect(result).toEqual(['budget', 'hiring']);
  });

  it('groups spellings and returns the most used one', () => {
    expect(top([daysAgo(1, 'SaaS saas SaaS')])).toEqual(['SaaS']);
    expect(top([daysAgo(1, 'l’équipe et l’équipe')])).toEqual(['équipe']);
  });

  it('returns at most max keywords, none for max 0 or no text', () => {
    const samples = [daysAgo(1, 'alpha bravo charlie delta echo foxtrot golf hotel india juliett')];
    expect(top(samples, 3)).toHaveLength(3);
    expect(top(samples, 0)).toEqual([]);
    expect(top([], 5)).toEqual([]);
  });

  it('does not depend on the order of the texts', () => {
    const samples = [daysAgo(1, 'alpha bravo'), daysAgo(1, 'bravo alpha'), daysAgo(4, 'charlie')];
    expect(top([...samples].reverse())).toEqual(top(samples));
  });
});
