import { createHash } from 'node:crypto';
import {
  DEFAULT_SCORE_CONFIG,
  mergeConfig,
  type ScoreConfigOverride,
  validateConfig,
} from '../core/config.js';
import type { ScoreConfig } from '../core/types.js';
import { settingsRepository } from '../store/settings.repository.js';
import { openStore, type Store } from '../store/store.js';
import type { StoreLocation } from '../store/store-dialect.js';

/** What every service works with: the store, the scoring config, and the clock. */
export interface AppContext {
  store: Store;
  config: ScoreConfig;
  /** Fingerprint of `config`, stored with per-person totals so a config change rebuilds them. */
  configKey: string;
  /** The time services treat as now (ms); injectable for tests and reproducible runs. */
  clock: () => number;
}

export const SCORE_SETTINGS_KEY = 'score';

/** Opens the database at `location` and reads the user's scoring overrides from it. */
export async function openApp(
  location: StoreLocation,
  options: { clock?: () => number } = {},
): Promise<AppContext> {
  const store = await openStore(location);
  try {
    const override = await settingsRepository.get<ScoreConfigOverride>(store.db, SCORE_SETTINGS_KEY);
    const config = validateConfig(mergeConfig(DEFAULT_SCORE_CONFIG, override));
    return { store, config, configKey: configKey(config), clock: options.clock ?? Date.now };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** A short, stable fingerprint of a scoring config. */
export function configKey(config: ScoreConfig): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16);
}
