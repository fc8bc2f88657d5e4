import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../services/app-context.js';
import {
  messageTemplates,
  planningSettings,
  resetPlanningSetting,
  resetTemplate,
  setPlanningSetting,
  setTemplate,
} from '../../services/planning-settings.service.js';
import { ERROR_RESPONSES } from '../api-schemas.js';
import {
  planningDeleteQuery,
  planningPutBody,
  planningSettingsSchema,
  templateBody,
  templateParams,
  templateSchema,
} from './plan.schemas.js';

/**
 * A JSON value as the text `rapport config set planning.KEY` would take: lists joined by
 * commas, null as "none" (which clears text and holidays).
 */
function asTyped(value: typeof planningPutBody._output.value): string {
  if (value === null) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(',');
  return String(value);
}

type TemplateParams = z.output<typeof templateParams>;

/** The planning settings (working hours, zone, buffers, who you are) and the message templates. */
export function planningRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.get(
    '/settings/planning',
    {
      schema: {
        summary: 'The planning settings in force and your changes',
        tags: ['settings'],
        response: { 200: planningSettingsSchema, ...ERROR_RESPONSES },
      },
    },
    async () => planningSettings(ctx),
  );

  api.put(
    '/settings/planning',
    {
      schema: {
        summary: 'Set one planning setting, validated as `rapport config set planning.KEY VALUE` does',
        tags: ['settings'],
        body: planningPutBody,
        response: { 200: planningSettingsSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { key, value } = request.body as typeof planningPutBody._output;
      return setPlanningSetting(ctx, key, asTyped(value));
    },
  );

  api.delete(
    '/settings/planning',
    {
      schema: {
        summary: 'Put one planning setting back to its default',
        tags: ['settings'],
        querystring: planningDeleteQuery,
        response: { 200: planningSettingsSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => resetPlanningSetting(ctx, (request.query as typeof planningDeleteQuery._output).key),
  );

  api.get(
    '/settings/templates',
    {
      schema: {
        summary: "Every kind's message template: yours where you stored one, else Rapport's",
        tags: ['settings'],
        response: { 200: z.array(templateSchema), ...ERROR_RESPONSES },
      },
    },
    async () => messageTemplates(ctx),
  );

  api.put(
    '/settings/templates/:kind',
    {
      schema: {
        summary: 'Store your own template for a kind (unknown placeholders are refused)',
        tags: ['settings'],
        params: templateParams,
        body: templateBody,
        response: { 200: templateSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      setTemplate(
        ctx,
        (request.params as TemplateParams).kind,
        (request.body as typeof templateBody._output).text,
      ),
  );

  api.delete(
    '/settings/templates/:kind',
    {
      schema: {
        summary: "Go back to Rapport's template for a kind",
        tags: ['settings'],
        params: templateParams,
        response: { 200: templateSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => resetTemplate(ctx, (request.params as TemplateParams).kind),
  );
}
