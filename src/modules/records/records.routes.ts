// HTTP for the catalogue and the lifecycle of records. Thin: validate, call the service, shape.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext, RequestMeta } from '../../context.js';
import { requireIfMatch, setEtag } from '../../platform/http/etag.js';
import { BureauCode, errorResponses, IdParam, ProblemSchema, pageOf } from '../../platform/http/schemas.js';
import { requirePrincipal } from '../identity/auth.hook.js';
import { toRecordDto } from './records.row.js';
import {
  CloseRecordBody,
  CreateRecordBody,
  type CreateRecordInput,
  RecordExistsSchema,
  RecordSchema,
  RecordVersionSchema,
  UpdateRecordBody,
  type UpdateRecordInput,
} from './records.schema.js';
import {
  browseRecords,
  catalogueFor,
  closeRecord,
  createRecord,
  deleteRecord,
  readRecord,
  recordHistory,
  updateRecord,
} from './records.service.js';

const DbParams = Type.Object(
  { db: Type.String({ pattern: '^[a-z_]{2,40}$' }) },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: IdParam }, { additionalProperties: false });
const PurposeQuery = Type.Optional(
  Type.String({ minLength: 3, maxLength: 500, description: 'Why you read it (recorded in the audit chain)' }),
);
// Query strings are text; types are not coerced anywhere, so numbers are parsed in the handler.
export const LimitQuery = Type.Optional(
  Type.String({ pattern: '^(?:[1-9]\\d?|100)$', description: '1–100, default 25' }),
);
const Cursor = Type.Optional(Type.String({ pattern: '^[0-9a-f-]{36}$' }));

const DatabaseSchema = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  capability: Type.String(),
  ownership: Type.String(),
  managedBy: Type.Union([Type.String(), Type.Null()]),
  reviewYears: Type.Integer(),
  closeReasons: Type.Array(Type.String()),
  identifierKinds: Type.Array(Type.String()),
  holdsPersons: Type.Boolean(),
  needsLegalBasis: Type.Boolean({ description: 'Every record needs a legal basis' }),
  legalBasisWhenPersons: Type.Boolean({ description: 'A record that names a person needs a legal basis' }),
  canRead: Type.Boolean(),
  canCreate: Type.Boolean(),
  ownRecords: Type.Integer(),
  schema: Type.Record(Type.String(), Type.Unknown(), { description: 'JSON Schema of the record data' }),
});

export function metaOf(request: FastifyRequest, purpose?: string): RequestMeta {
  return { requestId: request.id, purpose };
}

export async function recordRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/databases',
    {
      schema: {
        tags: ['databases'],
        summary: 'The 19 databases, their record schemas and what you may do in each',
        response: { 200: Type.Object({ items: Type.Array(DatabaseSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await catalogueFor(ctx, requirePrincipal(request)) }),
  );

  app.get(
    '/databases/:db/records',
    {
      schema: {
        tags: ['databases'],
        summary: 'Browse the records of a database you may see, newest first',
        params: DbParams,
        querystring: Type.Object(
          {
            owner: Type.Optional(BureauCode),
            status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('closed')])),
            cursor: Cursor,
            limit: LimitQuery,
            purpose: PurposeQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: pageOf(RecordSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { db } = request.params as { db: string };
      const q = request.query as {
        owner?: string;
        status?: 'active' | 'closed';
        cursor?: string;
        limit?: string;
        purpose?: string;
      };
      const page = await browseRecords(
        ctx,
        requirePrincipal(request),
        db,
        { owner: q.owner, status: q.status, cursor: q.cursor, limit: q.limit ? Number(q.limit) : 25 },
        metaOf(request, q.purpose),
      );
      return { items: page.rows.map(toRecordDto), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/databases/:db/records',
    {
      schema: {
        tags: ['databases'],
        summary: 'Record data in a database (your bureau owns it; Idempotency-Key supported)',
        params: DbParams,
        body: CreateRecordBody,
        response: { 201: RecordSchema, ...errorResponses, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { db } = request.params as { db: string };
      const body = request.body as CreateRecordInput;
      const row = await createRecord(ctx, requirePrincipal(request), db, body, metaOf(request, body.purpose));
      setEtag(reply, row.version);
      return reply.status(201).send(toRecordDto(row));
    },
  );

  app.get(
    '/records/:id',
    {
      schema: {
        tags: ['databases'],
        summary: 'Read a record: the record, or only that it exists (contact the owner)',
        params: IdParams,
        querystring: Type.Object({ purpose: PurposeQuery }, { additionalProperties: false }),
        response: { 200: Type.Union([RecordSchema, RecordExistsSchema]), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { purpose } = request.query as { purpose?: string };
      const got = await readRecord(ctx, requirePrincipal(request), id, metaOf(request, purpose));
      if ('exists' in got) return got.exists;
      setEtag(reply, got.row.version);
      return toRecordDto(got.row);
    },
  );

  app.patch(
    '/records/:id',
    {
      schema: {
        tags: ['databases'],
        summary: 'Change a record (owner bureau; needs If-Match); the old version goes to the history',
        params: IdParams,
        body: UpdateRecordBody,
        response: { 200: RecordSchema, ...errorResponses, 412: ProblemSchema, 428: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const principal = requirePrincipal(request);
      const version = requireIfMatch(request);
      const body = request.body as UpdateRecordInput;
      const row = await updateRecord(ctx, principal, id, version, body, metaOf(request, body.purpose));
      setEtag(reply, row.version);
      return toRecordDto(row);
    },
  );

  app.post(
    '/records/:id/close',
    {
      schema: {
        tags: ['databases'],
        summary: 'Close a record (recovered, found, withdrawn…; owner bureau; needs If-Match)',
        params: IdParams,
        body: CloseRecordBody,
        response: {
          200: RecordSchema,
          ...errorResponses,
          409: ProblemSchema,
          412: ProblemSchema,
          428: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const principal = requirePrincipal(request);
      const version = requireIfMatch(request);
      const { reason } = request.body as { reason: string };
      const row = await closeRecord(ctx, principal, id, version, reason, metaOf(request));
      setEtag(reply, row.version);
      return toRecordDto(row);
    },
  );

  app.delete(
    '/records/:id',
    {
      schema: {
        tags: ['databases'],
        summary: 'Delete a record for good (owner bureau or its DPO; needs If-Match); the fact is audited',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses, 412: ProblemSchema, 428: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const principal = requirePrincipal(request);
      await deleteRecord(ctx, principal, id, requireIfMatch(request), metaOf(request));
      return reply.status(204).send();
    },
  );

  app.get(
    '/records/:id/history',
    {
      schema: {
        tags: ['databases'],
        summary: "A record's versions, newest first",
        params: IdParams,
        querystring: Type.Object({ purpose: PurposeQuery }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(RecordVersionSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { purpose } = request.query as { purpose?: string };
      return { items: await recordHistory(ctx, requirePrincipal(request), id, metaOf(request, purpose)) };
    },
  );
}
