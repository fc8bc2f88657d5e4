import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RapportError } from '../../errors.js';
import type { AppContext } from '../../services/app-context.js';
import { type ImportEvent, importPaths } from '../../services/import.service.js';
import { listImports, undoImport } from '../../services/imports.service.js';
import { sampleImportId } from '../../services/sample.service.js';
import { ERROR_RESPONSES, idParams, page, pageOf, pageQuery } from '../api-schemas.js';
import { toApiError } from '../errors.js';

const totalsSchema = z.object({
  read: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  peopleCreated: z.number().int(),
});

const fileReportSchema = z.object({
  file: z.string(),
  status: z.enum(['read', 'skipped']),
  reason: z.string().optional(),
  read: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  rejections: z.array(z.object({ line: z.number().int().optional(), reason: z.string() })),
});

const importSummarySchema = z.object({
  id: z.number().int(),
  source: z.string(),
  label: z.string(),
  status: z.string(),
  startedAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
  totals: totalsSchema.nullable(),
  files: z.array(fileReportSchema),
  error: z.string().nullable(),
});

const importResultSchema = z.object({
  importId: z.number().int(),
  source: z.string(),
  label: z.string(),
  files: z.array(fileReportSchema),
  totals: totalsSchema,
  previousImportId: z.number().int().nullable().describe('the earlier import of the same content, if any'),
});

const undoResultSchema = z.object({
  importId: z.number().int(),
  interactionsRemoved: z.number().int(),
  identitiesRemoved: z.number().int(),
  peopleRemoved: z.number().int(),
});

/** Upload limits: a whole LinkedIn or Facebook export fits; a runaway upload does not fill the disk. */
export const UPLOAD_LIMITS = { fileSize: 4 * 1024 ** 3, files: 20, fields: 10, fieldSize: 1024 };

/** An uploaded file's name, kept (importers recognise some files by it) but made harmless. */
export function safeFileName(name: string | undefined): string {
  const base = basename((name ?? '').replace(/\\/g, '/'))
    .replace(/[^\p{L}\p{N} ._()+-]/gu, '_')
    .replace(/^[.\s]+/, '')
    .slice(-120);
  return base || 'upload';
}

/**
 * Saves the multipart upload's files into a private temporary folder (each in its own
 * subfolder, so equal names cannot collide) and reads the optional `region` field.
 */
async function receiveUpload(
  request: FastifyRequest,
  dir: string,
): Promise<{ paths: string[]; region?: string }> {
  const paths: string[] = [];
  let region: string | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (part.fieldname === 'region' && typeof part.value === 'string' && part.value.trim())
        region = part.value.trim().toUpperCase();
      continue;
    }
    const folder = join(dir, String(paths.length));
    await mkdir(folder, { mode: 0o700 });
    const path = join(folder, safeFileName(part.filename));
    await pipeline(part.file, createWriteStream(path, { mode: 0o600 }));
    if (part.file.truncated) {
      throw new RapportError(
        'request.too_large',
        `${safeFileName(part.filename)} is larger than ${UPLOAD_LIMITS.fileSize / 1024 ** 3} GB; import it from the command line: rapport import <file>.`,
      );
    }
    paths.push(path);
  }
  if (region !== undefined && !/^[A-Z]{2}$/.test(region)) {
    throw new RapportError(
      'input.invalid',
      `region is a two-letter country code such as DE (got "${region}").`,
    );
  }
  return region === undefined ? { paths } : { paths, region };
}

/** Whether the client asked to watch the import as it runs (newline-delimited JSON). */
function wantsProgress(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('application/x-ndjson');
}

/** Progress lines at most this often; file changes and the end always go out. */
const PROGRESS_EVERY_MS = 100;

/**
 * Runs the import while streaming its events, one JSON object per line, then the result or the
 * error in the API's one shape. The status is 200 once streaming starts, so the last line says
 * how it ended.
 */
async function streamImport(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  paths: string[],
  region: string | undefined,
): Promise<FastifyReply> {
  const stream = new PassThrough();
  const line = (value: unknown) => stream.write(`${JSON.stringify(value)}\n`);
  reply.status(200).type('application/x-ndjson; charset=utf-8').send(stream);
  let last = 0;
  const onEvent = (event: ImportEvent) => {
    const now = Date.now();
    if (event.type === 'progress' && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    line({ type: 'event', event });
  };
  try {
    const imports = await importPaths(ctx, paths, { defaultRegion: region, onEvent });
    line({ type: 'done', imports: z.array(importResultSchema).parse(imports) });
  } catch (error) {
    line({ type: 'error', ...toApiError(error, request).body });
  } finally {
    stream.end();
  }
  return reply;
}

/** Import history, uploads of export files, and exact undo. */
export function importsRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.get(
    '/imports',
    {
      schema: {
        summary: 'Import history, newest first',
        tags: ['imports'],
        querystring: pageQuery,
        response: { 200: pageOf(importSummarySchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => page(await listImports(ctx), request.query as typeof pageQuery._output),
  );

  api.post(
    '/imports',
    {
      schema: {
        summary: 'Import export files (multipart/form-data: one or more files, optional field region)',
        description:
          'Send each export file (zip, folder contents, mbox, .ics, .vcf, CSV…) as a file part; parts of one export are read together. The optional field `region` (e.g. DE) is the country for phone numbers written without a country code. Each source recognised becomes one import. With `Accept: application/x-ndjson` the answer is 200 and streams one JSON object per line while the import runs: `{"type":"event","event":{…}}` (a file being read or skipped, bytes read, people being scored; at most ten a second), then `{"type":"done","imports":[…]}` or `{"type":"error","error":{code,message,details}}`.',
        tags: ['imports'],
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ imports: z.array(importResultSchema) }), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new RapportError(
          'request.unsupported_media_type',
          'Upload the export files as multipart/form-data, one file part per file.',
        );
      }
      const dir = await mkdtemp(join(tmpdir(), 'rapport-upload-'));
      try {
        const { paths, region } = await receiveUpload(request, dir);
        if (paths.length === 0)
          throw new RapportError('input.invalid', 'Attach at least one export file to import.');
        if (wantsProgress(request)) return await streamImport(ctx, request, reply, paths, region);
        const imports = await importPaths(ctx, paths, { defaultRegion: region });
        reply.status(201);
        return { imports };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  api.get(
    '/imports/sample',
    {
      schema: {
        summary: 'Whether the book still holds the sample loaded into an empty database, and its import',
        tags: ['imports'],
        response: {
          200: z.object({
            importId: z
              .number()
              .int()
              .nullable()
              .describe('the sample import, undoable like any other; null when there is no sample'),
          }),
          ...ERROR_RESPONSES,
        },
      },
    },
    async () => ({ importId: await sampleImportId(ctx) }),
  );

  api.post(
    '/imports/:id/undo',
    {
      schema: {
        summary: 'Remove exactly what one import added',
        tags: ['imports'],
        params: idParams,
        response: { 200: undoResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => undoImport(ctx, (request.params as typeof idParams._output).id),
  );
}
