import { DEFAULT_SCORE_CONFIG, mergeConfig, type ScoreConfigOverride } from '../core/config.js';
import type { ScoreConfig } from '../core/types.js';
import { RapportError } from '../errors.js';
import { settingsRepository } from '../store/settings.repository.js';
import { type AppContext, SCORE_SETTINGS_KEY } from './app-context.js';

export interface ScoreSettings {
  /** The config in force: defaults with the user's overrides. */
  effective: ScoreConfig;
  /** Only what the user changed. */
  overrides: ScoreConfigOverride;
}

/** The scoring configuration in force and the user's overrides. */
export async function scoreSettings(ctx: AppContext): Promise<ScoreSettings> {
  const overrides =
    (await settingsRepository.get<ScoreConfigOverride>(ctx.store.db, SCORE_SETTINGS_KEY)) ?? {};
  return { effective: mergeConfig(DEFAULT_SCORE_CONFIG, overrides), overrides };
}

/** A setting's value from the command line: a number, `none` (no cadence), or true/false. */
export function parseSettingValue(text: string): number | null | boolean {
  const value = text.trim().toLowerCase();
  if (value === 'none' || value === 'null') return null;
  if (value === 'true' || value === 'false') return value === 'true';
  const n = Number(value);
  if (value === '' || !Number.isFinite(n)) {
    throw new RapportError(
      'input.invalid',
      `"${text}" is not a value a setting takes; use a number, or none for no cadence.`,
    );
  }
  return n;
}

/**
 * Sets one scoring setting by its dotted path (`halfLifeDays`, `weights.email`,
 * `cadenceDays.prospect`, `stuck.windowDays`). The whole config is validated before it is
 * stored; every stored evaluation is then redone on the next read. Throws input.invalid naming
 * the key.
 */
export async function setScoreSetting(
  ctx: AppContext,
  path: string,
  value: number | null | boolean,
): Promise<ScoreSettings> {
  const { overrides } = await scoreSettings(ctx);
  const next = setPath(structuredClone(overrides) as Record<string, unknown>, path.split('.'), value);
  const effective = mergeConfig(DEFAULT_SCORE_CONFIG, next as ScoreConfigOverride);
  await settingsRepository.set(ctx.store.db, SCORE_SETTINGS_KEY, next);
  return { effective, overrides: next as ScoreConfigOverride };
}

/** Puts a setting back to its default. */
export async function resetScoreSetting(ctx: AppContext, path: string): Promise<ScoreSettings> {
  const { overrides } = await scoreSettings(ctx);
  const next = structuredClone(overrides) as Record<string, unknown>;
  const keys = path.split('.');
  const parent = keys
    .slice(0, -1)
    .reduce<Record<string, unknown> | undefined>(
      (node, key) => node?.[key] as Record<string, unknown> | undefined,
      next,
    );
  if (parent) delete parent[keys.at(-1)!];
  await settingsRepository.set(ctx.store.db, SCORE_SETTINGS_KEY, next);
  return {
    effective: mergeConfig(DEFAULT_SCORE_CONFIG, next as ScoreConfigOverride),
    overrides: next as ScoreConfigOverride,
  };
}

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = keys;
  if (!head)
    throw new RapportError(
      'input.invalid',
      'Name a setting, for example halfLifeDays or cadenceDays.prospect.',
    );
  if (rest.length === 0) {
    target[head] = value;
    return target;
  }
  const child = target[head];
  target[head] = setPath(
    typeof child === 'object' && child !== null ? (child as Record<string, unknown>) : {},
    rest,
    value,
  );
  return target;
}
