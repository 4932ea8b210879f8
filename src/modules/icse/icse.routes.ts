// HTTP for child-exploitation media (ICSE). Thin: validate, call the services, shape. Media
// travel base64 in JSON (cookie-authenticated changes are JSON only); previews and revealed
// originals go back as bytes that no cache keeps.
import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, RequestMeta } from '../../context.js';
import { requireIfMatch, setEtag } from '../../platform/http/etag.js';
import { badRequest } from '../../platform/http/problem.js';
import { errorResponses, IdParam } from '../../platform/http/schemas.js';
import { requirePrincipal } from '../identity/auth.hook.js';
import { ingestUpload } from './icse.ingest.js';
import {
  classifyMedium,
  listMedia,
  previewOf,
  readBatch,
  readMedium,
  revealOriginal,
  withResults,
} from './icse.media.js';
import {
  addSubject,
  createSeries,
  identifySubject,
  listNotifications,
  listSeries,
  markNotificationRead,
  readSeries,
  readSubject,
  updateSeries,
} from './icse.series.js';
import { SUBJECT_ROLES, type SubjectRole } from './icse.types.js';
import { exportVics, importEntries, parsePdqList, parseVics } from './icse.vics.js';

const tags = ['icse'];
const IdParams = Type.Object({ id: IdParam }, { additionalProperties: false });
const meta = (request: FastifyRequest): RequestMeta => ({ requestId: request.id });
/** Nested results, described in the summary; every field is sent. */
const Open = Type.Object({}, { additionalProperties: true });
const ok = (schema: TSchema = Open) => ({ 200: schema, ...errorResponses });
const Limit = Type.Optional(Type.String({ pattern: '^(?:[1-9]\\d?|1\\d\\d|200)$' }));
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store, private');

const UploadBody = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 255 }),
    contentType: Type.String({ minLength: 3, maxLength: 100 }),
    contentBase64: Type.String({ minLength: 1 }),
    batchId: Type.Optional(IdParam),
  },
  { additionalProperties: false },
);
const ClassifyBody = Type.Object(
  {
    category: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 4 }), Type.Null()])),
    seriesId: Type.Optional(Type.Union([IdParam, Type.Null()])),
    subjectIds: Type.Optional(Type.Array(IdParam, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
const SeriesBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
const SeriesPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 4000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
const SubjectBody = Type.Object(
  {
    role: Type.Unsafe<SubjectRole>({ type: 'string', enum: [...SUBJECT_ROLES] }),
    label: Type.String({ minLength: 1, maxLength: 200 }),
    notes: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);

function decodeBase64(text: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw badRequest('contentBase64', 'is not base64');
  }
  return Buffer.from(text, 'base64');
}

export async function icseRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    '/icse/media',
    {
      bodyLimit: Math.ceil((ctx.config.icseMaxUploadBytes * 4) / 3) + 64 * 1024,
      schema: {
        tags,
        summary:
          'Upload an image or a video (base64): hashed (MD5, SHA-1, SHA-256, PDQ), sealed, matched against everything known. 201 new, 200 when your bureau already holds these bytes',
        body: UploadBody,
        response: { 200: Open, 201: Open, ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const body = request.body as typeof UploadBody.static;
      const { media, created } = await ingestUpload(
        ctx,
        p,
        {
          fileName: body.fileName,
          contentType: body.contentType,
          content: decodeBase64(body.contentBase64),
          batchId: body.batchId,
        },
        meta(request),
      );
      const [result] = await withResults(ctx, p, [media]);
      return reply.status(created ? 201 : 200).send(result);
    },
  );

  app.get(
    '/icse/media',
    {
      schema: {
        tags,
        summary: 'Media, newest first (yours with own=true)',
        querystring: Type.Object(
          { own: Type.Optional(Type.Literal('true')), before: Type.Optional(IdParam), limit: Limit },
          { additionalProperties: false },
        ),
        response: ok(Type.Object({ items: Type.Array(Open) })),
      },
    },
    async (request) => {
      const q = request.query as { own?: 'true'; before?: string; limit?: string };
      const items = await listMedia(
        ctx,
        requirePrincipal(request),
        { own: q.own === 'true', before: q.before, limit: Number(q.limit ?? 50) },
        meta(request),
      );
      return { items };
    },
  );

  app.get(
    '/icse/media/:id',
    {
      schema: {
        tags,
        summary: 'A medium, what it matched, its series and status',
        params: IdParams,
        response: ok(),
      },
    },
    async (request, reply) => {
      const r = await readMedium(
        ctx,
        requirePrincipal(request),
        (request.params as { id: string }).id,
        meta(request),
      );
      setEtag(reply, r.media.version);
      return r;
    },
  );

  app.patch(
    '/icse/media/:id',
    {
      schema: {
        tags,
        summary: 'Classify your medium: category, series, victims and offenders shown (If-Match)',
        params: IdParams,
        body: ClassifyBody,
        response: ok(),
      },
    },
    async (request, reply) => {
      const r = await classifyMedium(
        ctx,
        requirePrincipal(request),
        (request.params as { id: string }).id,
        request.body as typeof ClassifyBody.static,
        requireIfMatch(request),
        meta(request),
      );
      setEtag(reply, r.media.version);
      return r;
    },
  );

  app.get(
    '/icse/media/:id/preview',
    { schema: { tags, summary: 'The blurred greyscale preview (JPEG); audited', params: IdParams } },
    async (request, reply) => {
      const bytes = await previewOf(
        ctx,
        requirePrincipal(request),
        (request.params as { id: string }).id,
        meta(request),
      );
      noStore(reply);
      return reply.type('image/jpeg').send(bytes);
    },
  );

  app.post(
    '/icse/media/:id/reveal',
    {
      schema: {
        tags,
        summary: 'The original medium: an explicit act with its reason, audited',
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { bytes, mime } = await revealOriginal(
        ctx,
        requirePrincipal(request),
        (request.params as { id: string }).id,
        (request.body as { reason: string }).reason,
        meta(request),
      );
      noStore(reply);
      return reply.type(mime).header('content-disposition', 'inline').send(bytes);
    },
  );

  app.get(
    '/icse/batches/:id',
    {
      schema: {
        tags,
        summary:
          'Your batch of uploads grouped by what they matched: known series, identified victims, known media, new material',
        params: IdParams,
        response: ok(Type.Object({ groups: Type.Array(Open) })),
      },
    },
    async (request) => ({
      groups: await readBatch(
        ctx,
        requirePrincipal(request),
        (request.params as { id: string }).id,
        meta(request),
      ),
    }),
  );

  app.get(
    '/icse/series',
    {
      schema: {
        tags,
        summary: 'Series, latest changed first, with their status and victims',
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), limit: Limit },
          { additionalProperties: false },
        ),
        response: ok(Type.Object({ items: Type.Array(Open) })),
      },
    },
    async (request) => {
      const q = request.query as { q?: string; limit?: string };
      return {
        items: await listSeries(
          ctx,
          requirePrincipal(request),
          { search: q.q, limit: Number(q.limit ?? 50) },
          meta(request),
        ),
      };
    },
  );

  app.post(
    '/icse/series',
    {
      schema: {
        tags,
        summary: 'Open a series',
        body: SeriesBody,
        response: { 201: Open, ...errorResponses },
      },
    },
    async (request, reply) => {
      const s = await createSeries(
        ctx,
        requirePrincipal(request),
        request.body as typeof SeriesBody.static,
        meta(request),
      );
      setEtag(reply, s.version);
      return reply.status(201).send(s);
    },
  );

  app.get(
    '/icse/series/:id',
    {
      schema: {
        tags,
        summary: 'A series: victims, offenders, media, bureaus holding them',
        params: IdParams,
        response: ok(),
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const r = await readSeries(ctx, p, (request.params as { id: string }).id, meta(request));
      setEtag(reply, r.series.version);
      return { ...r, media: await withResults(ctx, p, r.media) };
    },
  );

  app.patch(
    '/icse/series/:id',
    {
      schema: {
        tags,
        summary: 'Rename or describe your series (If-Match)',
        params: IdParams,
        body: SeriesPatch,
        response: ok(),
      },
    },
    async (request, reply) => {
      const s = await updateSeries(
        ctx,
        requirePrincipal(request),
        (request.params as { id: string }).id,
        request.body as typeof SeriesPatch.static,
        requireIfMatch(request),
        meta(request),
      );
      setEtag(reply, s.version);
      return s;
    },
  );

  app.post(
    '/icse/series/:id/subjects',
    {
      schema: {
        tags,
        summary: 'Add a victim or an offender to a series',
        params: IdParams,
        body: SubjectBody,
        response: { 201: Open, ...errorResponses },
      },
    },
    async (request, reply) => {
      const s = await addSubject(
        ctx,
        requirePrincipal(request),
        (request.params as { id: string }).id,
        request.body as typeof SubjectBody.static,
        meta(request),
      );
      setEtag(reply, s.version);
      return reply.status(201).send(s);
    },
  );

  app.get(
    '/icse/subjects/:id',
    {
      schema: {
        tags,
        summary: 'A victim or offender: series, media, bureaus holding them',
        params: IdParams,
        response: ok(),
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const r = await readSubject(ctx, p, (request.params as { id: string }).id, meta(request));
      setEtag(reply, r.subject.version);
      return { ...r, media: await withResults(ctx, p, r.media) };
    },
  );

  app.post(
    '/icse/subjects/:id/identify',
    {
      schema: {
        tags,
        summary:
          'Record that your bureau identified this victim or offender; every unit holding matching media is told (If-Match)',
        params: IdParams,
        body: Type.Object(
          { notes: Type.Optional(Type.String({ maxLength: 4000 })) },
          { additionalProperties: false },
        ),
        response: ok(),
      },
    },
    async (request, reply) => {
      const r = await identifySubject(
        ctx,
        requirePrincipal(request),
        (request.params as { id: string }).id,
        request.body as { notes?: string },
        requireIfMatch(request),
        meta(request),
      );
      setEtag(reply, r.subject.version);
      return r;
    },
  );

  app.get(
    '/icse/notifications',
    {
      schema: {
        tags,
        summary: "Your unit's notices (e.g. a victim in media you hold was identified)",
        response: ok(Type.Object({ items: Type.Array(Open) })),
      },
    },
    async (request) => ({ items: await listNotifications(ctx, requirePrincipal(request), meta(request)) }),
  );

  app.post(
    '/icse/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark a notice read',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await markNotificationRead(ctx, requirePrincipal(request), (request.params as { id: string }).id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/icse/import/vics',
    {
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import a Project VIC (VICS) JSON hash list, version 1 (cases) or 2 (media); matched like uploads',
        body: Open,
        response: ok(),
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      return importEntries(ctx, p, parseVics(request.body), 'vics', meta(request));
    },
  );

  app.post(
    '/icse/import/pdq',
    {
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import a `meridian pdq` hash list (hash,quality,file lines)',
        body: Type.Object({ csv: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
        response: ok(),
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      return importEntries(ctx, p, parsePdqList((request.body as { csv: string }).csv), 'pdq', meta(request));
    },
  );

  app.get(
    '/icse/export/vics',
    {
      schema: {
        tags,
        summary: "Your bureau's media as a VICS version 1 document (of one series, or all)",
        querystring: Type.Object({ series: Type.Optional(IdParam) }, { additionalProperties: false }),
        response: ok(),
      },
    },
    async (request, reply) => {
      const q = request.query as { series?: string };
      const doc = await exportVics(ctx, requirePrincipal(request), { seriesId: q.series }, meta(request));
      noStore(reply);
      reply.header('content-disposition', 'attachment; filename="meridian-vics.json"');
      return doc;
    },
  );
}
