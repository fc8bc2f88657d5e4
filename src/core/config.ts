import { RapportError } from '../errors.js';
import { CHANNELS, RELATIONSHIP_TYPES, type ScoreConfig } from './types.js';

/** The defaults of DESIGN.md ("The relationship ladder", "Relationship score"). */
export const DEFAULT_SCORE_CONFIG: ScoreConfig = Object.freeze({
  weights: Object.freeze({
    broadcast: 0,
    reaction: 0.05,
    comment: 0.15,
    message: 0.3,
    email: 0.35,
    call: 0.7,
    video: 0.8,
    in_person: 1.0,
  }),
  groupFactor: 0.5,
  halfLifeDays: 90,
  liveReferenceMinutes: 30,
  textReferenceWords: 150,
  balanceWindowDays: 180,
  tenureCapDays: 1825,
  structureCap: 10,
  termWeights: Object.freeze({ intensity: 0.5, reciprocity: 0.2, tenure: 0.15, structure: 0.15 }),
  stuck: Object.freeze({
    windowDays: 90,
    minInteractions: 5,
    minInbound: 2,
    maxOfflineRatio: 0.15,
    liveWindowDays: 180,
    minKnownDays: 30,
  }),
  dormantDays: 180,
  cadenceDays: Object.freeze({
    client: 30,
    prospect: 21,
    partner: 45,
    colleague: 60,
    friend: 90,
    other: null,
  }),
}) as ScoreConfig;

/** A user's override: any subset of the keys, at any depth. */
export type ScoreConfigOverride = {
  [K in keyof ScoreConfig]?: ScoreConfig[K] extends Record<string, unknown>
    ? Partial<ScoreConfig[K]>
    : ScoreConfig[K];
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(key: string, message: string): RapportError {
  return new RapportError('input.invalid', `Score configuration: ${key} ${message}.`, { key });
}

function mergeAt(base: Record<string, unknown>, patch: Record<string, unknown>, path: string): unknown {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const at = path ? `${path}.${key}` : key;
    if (!Object.hasOwn(base, key)) throw invalid(at, 'is not a known setting; check its spelling');
    if (value === undefined) continue;
    const current = base[key];
    if (isPlainObject(current)) {
      if (!isPlainObject(value)) throw invalid(at, 'must be an object of settings');
      out[key] = mergeAt(current, value, at);
    } else {
      if (isPlainObject(value)) throw invalid(at, 'must be a single value, not an object');
      out[key] = value;
    }
  }
  return out;
}

/**
 * `base` with `override` deep-merged over it (undefined keeps the base value, null is a value),
 * then validated. Throws RapportError 'input.invalid' naming the key for an unknown key, a
 * wrong shape, or a value validateConfig rejects.
 */
export function mergeConfig(base: ScoreConfig, override: ScoreConfigOverride | undefined): ScoreConfig {
  if (override === undefined) return validateConfig(base);
  if (!isPlainObject(override)) throw invalid('(root)', 'must be an object of settings');
  const merged = mergeAt(base as unknown as Record<string, unknown>, override, '') as ScoreConfig;
  return validateConfig(merged);
}

function checkNumber(key: string, value: unknown, min: number, max: number, integer = false): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(key, 'must be a finite number');
  if (integer && !Number.isInteger(value)) throw invalid(key, 'must be a whole number');
  if (value < min || value > max) throw invalid(key, `must be between ${min} and ${max} (got ${value})`);
}

function checkWeights(config: ScoreConfig): void {
  let previous = 0;
  for (const channel of CHANNELS) {
    const key = `weights.${channel}`;
    const value = config.weights?.[channel];
    checkNumber(key, value, 0, 1);
    if (channel === 'broadcast' && value !== 0)
      throw invalid(key, 'must be 0: a broadcast never counts for a relationship');
    if (channel !== 'broadcast' && value <= previous) {
      throw invalid(
        key,
        `must be greater than the weight of the rung below it (${previous}); weights follow the ladder order`,
      );
    }
    previous = value;
  }
}

/**
 * Returns `config` unchanged when every weight follows the ladder order and every number is in
 * range; otherwise throws RapportError 'input.invalid' whose message and details.key name the key.
 */
export function validateConfig(config: ScoreConfig): ScoreConfig {
  checkWeights(config);
  checkNumber('groupFactor', config.groupFactor, 0, 1);
  // Under a month, a few weeks of silence would all but erase a relationship's intensity.
  checkNumber('halfLifeDays', config.halfLifeDays, 30, 3650);
  checkNumber('liveReferenceMinutes', config.liveReferenceMinutes, 1, 1440);
  checkNumber('textReferenceWords', config.textReferenceWords, 1, 100_000);
  checkNumber('balanceWindowDays', config.balanceWindowDays, 1, 3650);
  checkNumber('tenureCapDays', config.tenureCapDays, 1, 36_500);
  checkNumber('structureCap', config.structureCap, 1, 100_000);
  const terms = config.termWeights;
  let sum = 0;
  for (const term of ['intensity', 'reciprocity', 'tenure', 'structure'] as const) {
    checkNumber(`termWeights.${term}`, terms?.[term], 0, 1);
    sum += terms[term];
  }
  if (Math.abs(sum - 1) > 1e-9) throw invalid('termWeights', `must add up to 1 (got ${sum})`);
  const stuck = config.stuck;
  checkNumber('stuck.windowDays', stuck?.windowDays, 1, 3650);
  checkNumber('stuck.minInteractions', stuck.minInteractions, 1, 10_000, true);
  checkNumber('stuck.minInbound', stuck.minInbound, 0, stuck.minInteractions, true);
  checkNumber('stuck.maxOfflineRatio', stuck.maxOfflineRatio, 0, 1);
  checkNumber('stuck.liveWindowDays', stuck.liveWindowDays, 1, 3650);
  checkNumber('stuck.minKnownDays', stuck.minKnownDays, 0, 3650);
  checkNumber('dormantDays', config.dormantDays, 1, 36_500);
  for (const type of RELATIONSHIP_TYPES) {
    const days = config.cadenceDays?.[type];
    if (days !== null) checkNumber(`cadenceDays.${type}`, days, 1, 3650);
  }
  return config;
}
