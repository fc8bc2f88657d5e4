import { describe, expect, it } from 'vitest';
import { resolveLocation } from './db-location.js';

describe('resolveLocation', () => {
  const home = '/home/ada';

  it('defaults to the XDG data folder, honouring XDG_DATA_HOME', () => {
    expect(resolveLocation({ env: {}, home })).toEqual({
      dialect: 'sqlite',
      path: '/home/ada/.local/share/rapport/rapport.db',
    });
    expect(resolveLocation({ env: { XDG_DATA_HOME: '/data' }, home })).toEqual({
      dialect: 'sqlite',
      path: '/data/rapport/rapport.db',
    });
  });

  it('prefers --db over RAPPORT_DB over DATABASE_URL', () => {
    const env = { RAPPORT_DB: '/tmp/r.db', DATABASE_URL: 'postgres://db/rapport' };
    expect(resolveLocation({ flag: '/x.db', env, home })).toEqual({ dialect: 'sqlite', path: '/x.db' });
    expect(resolveLocation({ env, home })).toEqual({ dialect: 'sqlite', path: '/tmp/r.db' });
    expect(resolveLocation({ env: { DATABASE_URL: 'postgres://db/rapport' }, home })).toEqual({
      dialect: 'postgres',
      url: 'postgres://db/rapport',
    });
  });

  it('selects PostgreSQL for a postgres URL given anywhere', () => {
    expect(resolveLocation({ flag: 'postgresql://u@h/d', env: {}, home })).toEqual({
      dialect: 'postgres',
      url: 'postgresql://u@h/d',
    });
  });
});
