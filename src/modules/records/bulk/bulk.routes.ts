// HTTP for imports (started here, run in the background, polled) and exports.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { errorResponses, IdParam, listOf } from '../../../platform/http/schemas.js';
import { isoPlusSeconds, nowIso } from '../../../platform/time.js';
import { requirePrincipal } from '../../identity/auth.hook.js';
import { metaOf } from '../records.routes.js';
import { CreateRecordBody, type CreateRecordInput } from '../records.schema.js';
import { exportRecords } from './export.service.js';
import { failAbandonedImports, getImport, importsSettled, listImports, startImport } from './import.jobs.js';

// An import travels as JSON (so the console's cookie-authenticated upload is allowed): 64 MiB.
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

const Defaults = Type.Partial(Type.Omit(CreateRecordBody, ['reference', 'data']), {
  additionalProperties: false,
  description: 'Envelope values for rows that leave them out',
});
const ImportSchema = Type.Object({
  id: Type.String(),
  database: Type.String(),
  format: Type.String(),
  mode: Type.String(),
  status: Type.String({ description: 'running, done, rolled_back (all-or-nothing refused) or failed' }),
  total: Type.Integer(),
  processed: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer({ description: '1-based number of the record in the file' }),
      reference: Type.Union([Type.String(), Type.Null()]),
      errors: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
    }),
  ),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.String(),
});

export async function bulkRoutes(app: FastifyInstance, ctx: AppContext) {
  await failAbandonedImports(ctx, isoPlusSeconds(nowIso(), -3600));
  app.addHook('onClose', importsSettled);

  app.post(
    '/databases/:db/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['databases'],
        summary: 'Import CSV or JSON Lines into a database (runs in the background; poll the import)',
        params: Type.Object(
          { db: Type.String({ pattern: '^[a-z_]{2,40}$' }) },
          { additionalProperties: false },
        ),
        body: Type.Object(
          {
            format: Type.Union([Type.Literal('csv'), Type.Literal('jsonl')]),
            mode: Type.Union([Type.Literal('all_or_nothing'), Type.Literal('valid_rows')]),
            content: Type.String({ minLength: 1, description: 'The file, as text (UTF-8)' }),
            defaults: Type.Optional(Defaults),
          },
          { additionalProperties: false },
        ),
        response: { 202: ImportSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { db } = request.params as { db: string };
      const body = request.body as {
        format: 'csv' | 'jsonl';
        mode: 'all_or_nothing' | 'valid_rows';
        content: string;
        defaults?: Partial<CreateRecordInput>;
      };
      const started = await startImport(ctx, requirePrincipal(request), db, body, metaOf(request));
      return reply.status(202).send(started);
    },
  );

  app.get(
    '/imports',
    {
      schema: {
        tags: ['databases'],
        summary: "Your bureau's latest imports",
        response: { 200: listOf(ImportSchema), ...errorResponses },
      },
    },
    async (request) => ({ items: await listImports(ctx, requirePrincipal(request)) }),
  );

  app.get(
    '/imports/:id',
    {
      schema: {
        tags: ['databases'],
        summary: 'Progress and report of an import',
        params: Type.Object({ id: IdParam }, { additionalProperties: false }),
        response: { 200: ImportSchema, ...errorResponses },
      },
    },
    async (request) => getImport(ctx, requirePrincipal(request), (request.params as { id: string }).id),
  );

  app.get(
    '/databases/:db/export',
    {
      schema: {
        tags: ['databases'],
        summary: "Export your bureau's records of a database (JSON Lines or CSV)",
        params: Type.Object(
          { db: Type.String({ pattern: '^[a-z_]{2,40}$' }) },
          { additionalProperties: false },
        ),
        querystring: Type.Object(
          {
            format: Type.Optional(
              Type.Union([Type.Literal('jsonl'), Type.Literal('csv')], { default: 'jsonl' }),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { db } = request.params as { db: string };
      const format = (request.query as { format?: 'jsonl' | 'csv' }).format ?? 'jsonl';
      const stream = await exportRecords(ctx, requirePrincipal(request), db, format, metaOf(request));
      return reply
        .header(
          'content-type',
          format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        )
        .header('content-disposition', `attachment; filename="${db}.${format}"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
}
