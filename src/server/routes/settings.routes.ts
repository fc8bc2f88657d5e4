import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type AppContext, configKey } from '../../services/app-context.js';
import {
  resetScoreSetting,
  type ScoreSettings,
  scoreSettings,
  setScoreSetting,
} from '../../services/settings.service.js';
import { ERROR_RESPONSES } from '../api-schemas.js';

const settingsSchema = z.object({
  effective: z.record(z.string(), z.unknown()).describe('the settings in force: defaults with your changes'),
  overrides: z.record(z.string(), z.unknown()).describe('only what you changed'),
});

const settingKey = z
  .string()
  .regex(
    /^[A-Za-z]\w*(\.[A-Za-z]\w*)*$/,
    'a dotted setting name such as halfLifeDays or cadenceDays.prospect',
  )
  .max(100);

const putBody = z
  .object({
    key: settingKey,
    value: z
      .union([z.number(), z.boolean(), z.null()])
      .describe('a number, true/false, or null for no cadence'),
  })
  .strict();

const deleteQuery = z.object({ key: settingKey });

/** The scoring settings: show, set one by its dotted name, put one back to its default. */
export function settingsRoutes(api: FastifyInstance, ctx: AppContext): void {
  // This long-running process keeps the config in force in its context, as each CLI command
  // reads it afresh: a change applies to the next request at once.
  const apply = (settings: ScoreSettings): ScoreSettings => {
    ctx.config = settings.effective;
    ctx.configKey = configKey(settings.effective);
    return settings;
  };

  api.get(
    '/settings/score',
    {
      schema: {
        summary: 'The scoring settings in force and your changes',
        tags: ['settings'],
        response: { 200: settingsSchema, ...ERROR_RESPONSES },
      },
    },
    async () => scoreSettings(ctx),
  );

  api.put(
    '/settings/score',
    {
      schema: {
        summary: 'Set one scoring setting by its dotted name (validated against the whole config)',
        tags: ['settings'],
        body: putBody,
        response: { 200: settingsSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { key, value } = request.body as typeof putBody._output;
      return apply(await setScoreSetting(ctx, key, value));
    },
  );

  api.delete(
    '/settings/score',
    {
      schema: {
        summary: 'Put one scoring setting back to its default',
        tags: ['settings'],
        querystring: deleteQuery,
        response: { 200: settingsSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => apply(await resetScoreSetting(ctx, (request.query as typeof deleteQuery._output).key)),
  );
}
