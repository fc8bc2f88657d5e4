import { homedir } from 'node:os';
import { join } from 'node:path';
import type { StoreLocation } from '../store/store-dialect.js';

export interface LocationInputs {
  /** --db PATH (a file path, or a postgres:// URL). */
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
  home?: string;
}

/**
 * Where the data lives: --db, then RAPPORT_DB, then DATABASE_URL (PostgreSQL), then the
 * default SQLite file in the XDG data folder (~/.local/share/rapport/rapport.db).
 */
export function resolveLocation({ flag, env, home = homedir() }: LocationInputs): StoreLocation {
  const explicit = flag ?? env.RAPPORT_DB ?? env.DATABASE_URL;
  if (explicit && /^postgres(ql)?:\/\//i.test(explicit)) return { dialect: 'postgres', url: explicit };
  if (explicit) return { dialect: 'sqlite', path: explicit };
  const dataHome = env.XDG_DATA_HOME || join(home, '.local', 'share');
  return { dialect: 'sqlite', path: join(dataHome, 'rapport', 'rapport.db') };
}
