import { DEFAULT_TEMPLATES, validateTemplate } from '../core/draft.js';
import { PLAN_KINDS, type PlanKind } from '../core/plan-status.js';
import {
  defaultPlanningConfig,
  mergePlanning,
  PLANNING_KEYS,
  type PlanningConfig,
  type PlanningOverride,
  parsePlanningValue,
} from '../core/planning-config.js';
import { RapportError } from '../errors.js';
import type { Executor } from '../store/bulk-writer.js';
import { settingsRepository } from '../store/settings.repository.js';
import type { AppContext } from './app-context.js';

export const PLANNING_SETTINGS_KEY = 'planning';
export const TEMPLATES_SETTINGS_KEY = 'templates';

export interface PlanningSettings {
  /** The settings in force: defaults with the user's overrides. */
  effective: PlanningConfig;
  /** Only what the user changed. */
  overrides: PlanningOverride;
}

/** The zone of the machine Rapport runs on: the default until the user names one. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The planning settings in force and the user's overrides. */
export async function planningSettings(
  ctx: AppContext,
  db: Executor = ctx.store.db,
): Promise<PlanningSettings> {
  const overrides = (await settingsRepository.get<PlanningOverride>(db, PLANNING_SETTINGS_KEY)) ?? {};
  return { effective: mergePlanning(defaultPlanningConfig(systemTimeZone()), overrides), overrides };
}

/** `workStart` or `planning.workStart` → ['workStart']; `planning.minutes.coffee` → ['minutes', 'coffee']. */
function keyPath(key: string): string[] {
  return key.replace(/^planning\./, '').split('.');
}

/**
 * Sets one planning setting from its text as typed (`workStart 08:30`, `workingDays mon-fri`,
 * `yourEmail none`). Everything is validated before it is stored. Throws input.invalid naming
 * the key.
 */
export async function setPlanningSetting(
  ctx: AppContext,
  key: string,
  text: string,
): Promise<PlanningSettings> {
  const path = keyPath(key);
  const value = parsePlanningValue(path.join('.'), text);
  const { overrides } = await planningSettings(ctx);
  const next = structuredClone(overrides) as Record<string, unknown>;
  if (path.length === 2) next[path[0]!] = { ...(next[path[0]!] as object | undefined), [path[1]!]: value };
  else next[path[0]!] = value;
  const effective = mergePlanning(defaultPlanningConfig(systemTimeZone()), next as PlanningOverride);
  await settingsRepository.set(ctx.store.db, PLANNING_SETTINGS_KEY, next);
  return { effective, overrides: next as PlanningOverride };
}

/** Puts a planning setting back to its default. Throws input.invalid for an unknown key. */
export async function resetPlanningSetting(ctx: AppContext, key: string): Promise<PlanningSettings> {
  const path = keyPath(key);
  if (!(PLANNING_KEYS as readonly string[]).includes(path.join('.')))
    throw new RapportError(
      'input.invalid',
      `Planning setting ${path.join('.')} is not a known setting; use one of ${PLANNING_KEYS.join(', ')}.`,
      { key: `planning.${path.join('.')}` },
    );
  const { overrides } = await planningSettings(ctx);
  const next = structuredClone(overrides) as Record<string, Record<string, unknown> | unknown>;
  if (path.length === 2) delete (next[path[0]!] as Record<string, unknown> | undefined)?.[path[1]!];
  else delete next[path[0]!];
  await settingsRepository.set(ctx.store.db, PLANNING_SETTINGS_KEY, next);
  return {
    effective: mergePlanning(defaultPlanningConfig(systemTimeZone()), next as PlanningOverride),
    overrides: next as PlanningOverride,
  };
}

export interface MessageTemplate {
  kind: PlanKind;
  template: string;
  /** True when the user stored their own. */
  custom: boolean;
}

function checkKind(kind: string): PlanKind {
  if (!(PLAN_KINDS as readonly string[]).includes(kind))
    throw new RapportError(
      'input.invalid',
      `There is no ${kind} template; use one of ${PLAN_KINDS.join(', ')}.`,
    );
  return kind as PlanKind;
}

async function storedTemplates(db: Executor): Promise<Partial<Record<PlanKind, string>>> {
  return (await settingsRepository.get<Partial<Record<PlanKind, string>>>(db, TEMPLATES_SETTINGS_KEY)) ?? {};
}

/** Every kind's message template: the user's where they stored one, else Rapport's. */
export async function messageTemplates(ctx: AppContext): Promise<MessageTemplate[]> {
  const stored = await storedTemplates(ctx.store.db);
  return PLAN_KINDS.map((kind) => {
    const own = stored[kind];
    return own === undefined
      ? { kind, template: DEFAULT_TEMPLATES[kind], custom: false }
      : { kind, template: own, custom: true };
  });
}

/** The template drafts of this kind are written with. */
export async function templateFor(db: Executor, kind: PlanKind): Promise<string> {
  const own = (await storedTemplates(db))[kind];
  return own === undefined ? DEFAULT_TEMPLATES[kind] : validateTemplate(own, kind);
}

/**
 * Stores the user's own template for a kind. Throws input.invalid for an unknown kind, an
 * empty template, or one with an unknown placeholder.
 */
export async function setTemplate(ctx: AppContext, kind: string, text: string): Promise<MessageTemplate> {
  const checked = checkKind(kind);
  const template = validateTemplate(text.replace(/\r\n?/g, '\n').trimEnd(), checked);
  const stored = await storedTemplates(ctx.store.db);
  await settingsRepository.set(ctx.store.db, TEMPLATES_SETTINGS_KEY, { ...stored, [checked]: template });
  return { kind: checked, template, custom: true };
}

/** Goes back to Rapport's template for a kind. */
export async function resetTemplate(ctx: AppContext, kind: string): Promise<MessageTemplate> {
  const checked = checkKind(kind);
  const { [checked]: _, ...rest } = await storedTemplates(ctx.store.db);
  await settingsRepository.set(ctx.store.db, TEMPLATES_SETTINGS_KEY, rest);
  return { kind: checked, template: DEFAULT_TEMPLATES[checked], custom: false };
}
