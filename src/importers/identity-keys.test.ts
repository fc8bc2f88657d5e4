import { describe, expect, it } from 'vitest';
import { detach, emailKey, foldName, linkedinSlug, nameKey } from './identity-keys.js';

describe('identity keys', () => {
  it('takes the member slug from LinkedIn profile URLs', () => {
    expect(linkedinSlug('https://www.linkedin.com/in/ada-lovelace-123')).toBe('ada-lovelace-123');
    expect(linkedinSlug('https://uk.linkedin.com/in/Ada-Lovelace-123/?trk=x#y')).toBe('ada-lovelace-123');
    expect(linkedinSlug('www.linkedin.com/in/j%C3%BCrgen-m')).toBe('jürgen-m');
    expect(linkedinSlug('https://www.linkedin.com/in/%E0%A4%A')).toBe('%e0%a4%a');
    expect(linkedinSlug('http://www.linkedin.com/pub/ada-lovelace/1/23/456/')).toBe(
      'pub/ada-lovelace/1/23/456',
    );
    expect(linkedinSlug('https://example.com/in/ada')).toBeUndefined();
    expect(linkedinSlug('https://www.linkedin.com/company/acme')).toBeUndefined();
    expect(linkedinSlug('')).toBeUndefined();
  });

  it('folds names and emails', () => {
    expect(foldName('  Zoë   ÅNGSTRÖM ')).toBe('zoe angstrom');
    expect(nameKey('Ada  Byron-Lovelace')).toBe('name:ada byron-lovelace');
    expect(nameKey('  ')).toBeUndefined();
    expect(emailKey(' Ada@Example.COM ')).toBe('ada@example.com');
    for (const bad of ['', 'ada', '@x', 'a@', 'a@b@c', 'a b@c']) expect(emailKey(bad), bad).toBeUndefined();
  });

  it('detaches a substring from its parent without changing it', () => {
    const big = `${'x'.repeat(1000)}https://www.linkedin.com/in/ada`;
    expect(detach(big.slice(1000))).toBe('https://www.linkedin.com/in/ada');
    expect(detach('short')).toBe('short');
  });
});
