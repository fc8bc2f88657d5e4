import { describe, expect, it } from 'vitest';
import { isRapportError } from '../errors.js';
import { DEFAULT_SCORE_CONFIG, mergeConfig, validateConfig } from './config.js';
import { CHANNELS, type ScoreConfig } from './types.js';

function keyOfError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    if (isRapportError(error)) return { code: error.code, key: error.details.key };
    throw error;
  }
  throw new Error('expected a throw');
}

describe('DEFAULT_SCORE_CONFIG', () => {
  it('is valid and its weights follow the ladder order', () => {
    expect(validateConfig(DEFAULT_SCORE_CONFIG)).toBe(DEFAULT_SCORE_CONFIG);
    const weights = CHANNELS.map((c) => DEFAULT_SCORE_CONFIG.weights[c]);
    expect([...weights].sort((a, b) => a - b)).toEqual(weights);
    expect(new Set(weights).size).toBe(weights.length);
  });

  it('has the DESIGN.md defaults', () => {
    const c = DEFAULT_SCORE_CONFIG;
    expect(c.weights).toEqual({
      broadcast: 0,
      reaction: 0.05,
      comment: 0.15,
      message: 0.3,
      email: 0.35,
      call: 0.7,
      video: 0.8,
      in_person: 1,
    });
    expect([c.groupFactor, c.halfLifeDays, c.liveReferenceMinutes, c.textReferenceWords]).toEqual([
      0.5, 90, 30, 150,
    ]);
    expect([c.balanceWindowDays, c.tenureCapDays, c.structureCap, c.dormantDays]).toEqual([
      180, 1825, 10, 180,
    ]);
    expect(c.stuck).toEqual({
      windowDays: 90,
      minInteractions: 5,
      minInbound: 2,
      maxOfflineRatio: 0.15,
      liveWindowDays: 180,
      minKnownDays: 30,
    });
    expect(c.cadenceDays).toEqual({
      client: 30,
      prospect: 21,
      partner: 45,
      colleague: 60,
      friend: 90,
      other: null,
    });
  });
});

describe('mergeConfig', () => {
  it('deep-merges a partial override and leaves the base alone', () => {
    const merged = mergeConfig(DEFAULT_SCORE_CONFIG, {
      halfLifeDays: 60,
      stuck: { windowDays: 60 },
      cadenceDays: { other: 14, client: null },
      weights: { email: 0.4 },
    });
    expect(merged.halfLifeDays).toBe(60);
    expect(merged.stuck).toEqual({ ...DEFAULT_SCORE_CONFIG.stuck, windowDays: 60 });
    expect(merged.cadenceDays.other).toBe(14);
    expect(merged.cadenceDays.client).toBeNull();
    expect(merged.cadenceDays.prospect).toBe(21);
    expect(merged.weights.email).toBe(0.4);
    expect(DEFAULT_SCORE_CONFIG.halfLifeDays).toBe(90);
    expect(DEFAULT_SCORE_CONFIG.cadenceDays.client).toBe(30);
  });

  it('keeps the base where the override says undefined, and accepts no override', () => {
    expect(mergeConfig(DEFAULT_SCORE_CONFIG, { halfLifeDays: undefined })).toEqual(DEFAULT_SCORE_CONFIG);
    expect(mergeConfig(DEFAULT_SCORE_CONFIG, undefined)).toEqual(DEFAULT_SCORE_CONFIG);
  });

  it('names an unknown or misshapen key', () => {
    const bad = { stuck: { windowDayz: 3 } } as unknown as Parameters<typeof mergeConfig>[1];
    expect(keyOfError(() => mergeConfig(DEFAULT_SCORE_CONFIG, bad))).toEqual({
      code: 'input.invalid',
      key: 'stuck.windowDayz',
    });
    const flat = { stuck: 3 } as unknown as Parameters<typeof mergeConfig>[1];
    expect(keyOfError(() => mergeConfig(DEFAULT_SCORE_CONFIG, flat))).toEqual({
      code: 'input.invalid',
      key: 'stuck',
    });
  });

  it('validates the result', () => {
    expect(keyOfError(() => mergeConfig(DEFAULT_SCORE_CONFIG, { weights: { email: 0.9 } }))).toEqual({
      code: 'input.invalid',
      key: 'weights.call',
    });
  });
});

describe('validateConfig', () => {
  const cases: [string, (c: ScoreConfig) => ScoreConfig, string][] = [
    [
      'weights out of ladder order',
      (c) => ({ ...c, weights: { ...c.weights, comment: 0.01 } }),
      'weights.comment',
    ],
    [
      'a broadcast weight',
      (c) => ({ ...c, weights: { ...c.weights, broadcast: 0.01 } }),
      'weights.broadcast',
    ],
    ['a negative weight', (c) => ({ ...c, weights: { ...c.weights, reaction: -1 } }), 'weights.reaction'],
    ['a weight above 1', (c) => ({ ...c, weights: { ...c.weights, in_person: 2 } }), 'weights.in_person'],
    ['a short half-life', (c) => ({ ...c, halfLifeDays: 5 }), 'halfLifeDays'],
    ['a NaN group factor', (c) => ({ ...c, groupFactor: Number.NaN }), 'groupFactor'],
    [
      'term weights not adding to 1',
      (c) => ({ ...c, termWeights: { ...c.termWeights, intensity: 0.6 } }),
      'termWeights',
    ],
    [
      'a fractional count',
      (c) => ({ ...c, stuck: { ...c.stuck, minInteractions: 2.5 } }),
      'stuck.minInteractions',
    ],
    [
      'more inbound than interactions',
      (c) => ({ ...c, stuck: { ...c.stuck, minInbound: 9 } }),
      'stuck.minInbound',
    ],
    ['a zero cadence', (c) => ({ ...c, cadenceDays: { ...c.cadenceDays, friend: 0 } }), 'cadenceDays.friend'],
    [
      'a ratio above 1',
      (c) => ({ ...c, stuck: { ...c.stuck, maxOfflineRatio: 1.5 } }),
      'stuck.maxOfflineRatio',
    ],
  ];
  it.each(cases)('rejects %s, naming the key', (_name, change, key) => {
    expect(keyOfError(() => validateConfig(change(DEFAULT_SCORE_CONFIG)))).toEqual({
      code: 'input.invalid',
      key,
    });
  });

  it('says which key in the message', () => {
    expect(() => validateConfig({ ...DEFAULT_SCORE_CONFIG, dormantDays: -3 })).toThrow(/dormantDays/);
  });
});
