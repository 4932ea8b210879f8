// HTTP for notices and diffusions. Thin: validate, call the service, shape.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext, RequestMeta } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { NoticeTable } from '../../platform/db/schema.js';
import { requireIfMatch, setEtag } from '../../platform/http/etag.js';
import { errorResponses, IdParam, ProblemSchema } from '../../platform/http/schemas.js';
import { requirePrincipal } from '../identity/auth.hook.js';
import { NOTICE_DEFINITIONS, NOTICE_KINDS, NOTICE_STATUSES, NOTICE_TYPES } from './notice.types.js';
import { availableActions, EDITABLE, type NoticeAction } from './notice.workflow.js';
import { addPhoto, MAX_PHOTO_BYTES, readPhoto, removePhoto } from './notices.files.js';
import { noticePdf, reviewAssistance } from './notices.review.js';
import { toNotice } from './notices.row.js';
import {
  CreateNoticeBody,
  type CreateNoticeInput,
  NoticeSchema,
  NoticeSummarySchema,
  StepBody,
  toNoticeDto,
  toSummaryDto,
  UpdateNoticeBody,
  type UpdateNoticeInput,
} from './notices.schema.js';
import {
  createNotice,
  LIST_SCOPES,
  listNotices,
  noticeCounts,
  readNotice,
  updateNotice,
} from './notices.service.js';
import { takeStep } from './notices.steps.js';
import * as store from './notices.store.js';

const IdParams = Type.Object({ id: IdParam }, { additionalProperties: false });
const PhotoParams = Type.Object({ id: IdParam, photoId: IdParam }, { additionalProperties: false });
const Purpose = Type.Optional(Type.String({ minLength: 3, maxLength: 500 }));
const enumOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

const meta = (request: FastifyRequest, purpose?: string): RequestMeta => ({ requestId: request.id, purpose });

async function dto(ctx: AppContext, p: Principal, row: NoticeTable) {
  const [steps, photos] = await Promise.all([store.stepsOf(ctx.db, row.id), store.filesOf(ctx.db, row.id)]);
  return present(p, row, steps, photos);
}

function present(
  p: Principal,
  row: NoticeTable,
  steps: Awaited<ReturnType<typeof store.stepsOf>>,
  photos: Awaited<ReturnType<typeof store.filesOf>>,
) {
  const n = toNotice(row);
  const actions = availableActions(p, {
    kind: n.kind,
    status: n.status,
    requestingBureau: n.requestingBureau,
    createdById: row.created_by,
    complianceChecked: row.compliance_checked_at !== null,
  });
  const editable =
    p.bureau === n.requestingBureau &&
    p.capabilities.includes('notices') &&
    EDITABLE.includes(n.status) &&
    (p.roles.includes('officer') || p.roles.includes('supervisor'));
  return toNoticeDto(row, steps, photos, actions, editable);
}

export async function noticeRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/notices/types',
    {
      schema: {
        tags: ['notices'],
        summary: 'The notice types, what each asks and the JSON schema of its data',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                type: Type.String(),
                purpose: Type.String(),
                subject: Type.String(),
                publicExtract: Type.Boolean(),
                schema: Type.Record(Type.String(), Type.Unknown()),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      requirePrincipal(request);
      return {
        items: NOTICE_TYPES.map((t) => {
          const d = NOTICE_DEFINITIONS[t];
          return {
            type: t,
            purpose: d.purpose,
            subject: d.subject,
            publicExtract: d.publicExtract !== null,
            schema: d.schema as Record<string, unknown>,
          };
        }),
      };
    },
  );

  app.get(
    '/notices',
    {
      schema: {
        tags: ['notices'],
        summary:
          "Notices: your bureau's requests, those in force from others, or the General Secretariat's review queue",
        querystring: Type.Object(
          {
            scope: Type.Optional(enumOf(LIST_SCOPES)),
            type: Type.Optional(enumOf(NOTICE_TYPES)),
            status: Type.Optional(enumOf(NOTICE_STATUSES)),
            kind: Type.Optional(enumOf(NOTICE_KINDS)),
            before: Type.Optional(IdParam),
            limit: Type.Optional(
              Type.String({ pattern: '^(?:[1-9]\\d?|100)$', description: '1–100, default 50' }),
            ),
            purpose: Purpose,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(NoticeSummarySchema),
            next: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query as Record<string, string | undefined>;
      const out = await listNotices(
        ctx,
        requirePrincipal(request),
        {
          scope: (q.scope ?? 'all') as (typeof LIST_SCOPES)[number],
          type: q.type,
          status: q.status,
          kind: q.kind,
          before: q.before,
          limit: q.limit ? Number(q.limit) : 50,
        },
        meta(request, q.purpose),
      );
      return { items: out.items.map(toSummaryDto), next: out.next };
    },
  );

  app.get(
    '/notices/stats',
    {
      schema: {
        tags: ['notices'],
        summary: 'Counts by kind, type, status and year (General Secretariat)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                kind: Type.String(),
                type: Type.String(),
                status: Type.String(),
                year: Type.Integer(),
                count: Type.Integer(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await noticeCounts(ctx, requirePrincipal(request)) }),
  );

  app.post(
    '/notices',
    {
      schema: {
        tags: ['notices'],
        summary: 'Draft a notice or diffusion (officers and supervisors of the requesting bureau)',
        body: CreateNoticeBody,
        response: { 201: NoticeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const row = await createNotice(ctx, p, request.body as CreateNoticeInput, meta(request));
      setEtag(reply, row.version);
      return reply.status(201).send(await dto(ctx, p, row));
    },
  );

  app.get(
    '/notices/:id',
    {
      schema: {
        tags: ['notices'],
        summary: 'Read a notice with its steps, photos and what you may do with it',
        params: IdParams,
        querystring: Type.Object({ purpose: Purpose }, { additionalProperties: false }),
        response: { 200: NoticeSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const { id } = request.params as { id: string };
      const { purpose } = request.query as { purpose?: string };
      const { row, steps, files } = await readNotice(ctx, p, id, meta(request, purpose));
      setEtag(reply, row.version);
      return present(p, row, steps, files);
    },
  );

  app.patch(
    '/notices/:id',
    {
      schema: {
        tags: ['notices'],
        summary:
          'Change a draft, approved or returned notice (needs If-Match; an approved one returns to draft)',
        params: IdParams,
        body: UpdateNoticeBody,
        response: { 200: NoticeSchema, ...errorResponses, 412: ProblemSchema, 428: ProblemSchema },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const { id } = request.params as { id: string };
      const version = requireIfMatch(request);
      const row = await updateNotice(ctx, p, id, version, request.body as UpdateNoticeInput, meta(request));
      setEtag(reply, row.version);
      return dto(ctx, p, row);
    },
  );

  app.post(
    '/notices/:id/steps',
    {
      schema: {
        tags: ['notices'],
        summary:
          'Take a workflow step: approve, submit, take, request_info, refuse, publish, cancel, withdraw, confirm_compliance, extend (needs If-Match)',
        params: IdParams,
        body: StepBody,
        response: { 200: NoticeSchema, ...errorResponses, 412: ProblemSchema, 428: ProblemSchema },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const { id } = request.params as { id: string };
      const version = requireIfMatch(request);
      const { action, reason } = request.body as { action: NoticeAction; reason?: string };
      const row = await takeStep(ctx, p, id, version, action, reason, meta(request));
      setEtag(reply, row.version);
      return dto(ctx, p, row);
    },
  );

  app.get(
    '/notices/:id/review',
    {
      schema: {
        tags: ['notices'],
        summary:
          'Review assistance for the General Secretariat reviewer: neutrality, red notice criteria, refugee status, possible duplicates',
        params: IdParams,
        response: {
          200: Type.Object({
            flags: Type.Array(
              Type.Object({
                code: Type.String(),
                severity: Type.String(),
                field: Type.Optional(Type.String()),
                message: Type.String(),
                details: Type.Optional(
                  Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
                ),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      return { flags: await reviewAssistance(ctx, requirePrincipal(request), id, meta(request)) };
    },
  );

  app.get(
    '/notices/:id/pdf',
    {
      schema: {
        tags: ['notices'],
        summary: 'The printable notice (PDF) in Arabic, English, French or Spanish',
        params: IdParams,
        querystring: Type.Object(
          { lang: Type.Optional(enumOf(['ar', 'en', 'fr', 'es'])) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { lang } = request.query as { lang?: 'ar' | 'en' | 'fr' | 'es' };
      const { pdf, name } = await noticePdf(ctx, requirePrincipal(request), id, lang ?? 'en', meta(request));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.post(
    '/notices/:id/photos',
    {
      bodyLimit: Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 4096,
      schema: {
        tags: ['notices'],
        summary:
          'Add a photo (JPEG or PNG, at most 5 MiB; requesting bureau, while it may change the notice)',
        params: IdParams,
        body: Type.Object(
          { contentBase64: Type.String({ minLength: 4, pattern: '^[A-Za-z0-9+/]*={0,2}$' }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Type.String(), mediaType: Type.String(), size: Type.Integer() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { contentBase64 } = request.body as { contentBase64: string };
      const f = await addPhoto(ctx, requirePrincipal(request), id, contentBase64, meta(request));
      return reply.status(201).send({ id: f.id, mediaType: f.media_type, size: f.size });
    },
  );

  app.get(
    '/notices/:id/photos/:photoId',
    { schema: { tags: ['notices'], summary: 'A photo of a notice', params: PhotoParams } },
    async (request, reply) => {
      const { id, photoId } = request.params as { id: string; photoId: string };
      const f = await readPhoto(ctx, requirePrincipal(request), id, photoId, meta(request));
      return reply
        .header('content-type', f.media_type)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(f.content);
    },
  );

  app.delete(
    '/notices/:id/photos/:photoId',
    {
      schema: {
        tags: ['notices'],
        summary: 'Remove a photo (requesting bureau, while it may change the notice)',
        params: PhotoParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, photoId } = request.params as { id: string; photoId: string };
      await removePhoto(ctx, requirePrincipal(request), id, photoId, meta(request));
      return reply.status(204).send();
    },
  );
}
