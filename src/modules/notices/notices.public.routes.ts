// The public notices API, outside /api/v1 and without sign-in, at the paths INTERPOL's public
// web service uses: /notices/v1/red, /notices/v1/yellow, /notices/v1/un/persons, each with
// /{id}, /{id}/images and /{id}/images/{picture_id}. Rate-limited per address.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import * as problem from '../../platform/http/problem.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { nowIso } from '../../platform/time.js';
import {
  listPublic,
  PUBLIC_PATH,
  type PublicKind,
  publicImage,
  publicImages,
  readPublic,
} from './notices.public.js';

const Int = (description: string) => Type.Optional(Type.String({ pattern: '^\\d{1,4}$', description }));
const ListQuery = Type.Object(
  {
    forename: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    nationality: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO alpha-2' })),
    ageMin: Int('Minimum age in years'),
    ageMax: Int('Maximum age in years'),
    sexId: Type.Optional(Type.Union([Type.Literal('M'), Type.Literal('F'), Type.Literal('U')])),
    arrestWarrantCountryId: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    page: Int('Page, from 1'),
    resultPerPage: Int('1–160, default 20'),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object(
  {
    id: Type.String({
      pattern: '^\\d{4}-\\d{5}$',
      description: 'entity_id with "-" for "/", e.g. 2026-00012',
    }),
  },
  { additionalProperties: false },
);
const PictureParams = Type.Object(
  { id: IdParams.properties.id, pictureId: Type.String({ pattern: '^[0-9a-f-]{36}$' }) },
  { additionalProperties: false },
);

const baseOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

function bounded(field: string, raw: string | undefined, min: number, max: number, fallback?: number) {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (n < min || n > max) {
    throw problem.badRequest(field, `must be between ${min} and ${max}`);
  }
  return n;
}
export async function publicNoticeRoutes(app: FastifyInstance, ctx: AppContext) {
  const config = { rateLimit: { max: 600, timeWindow: '1 minute' } };
  for (const kind of ['red', 'yellow', 'un'] as PublicKind[]) {
    const path = `/notices/v1/${PUBLIC_PATH[kind]}`;
    const tags = ['public notices'];
    app.get(
      path,
      {
        config,
        schema: {
          tags,
          summary: `Published ${kind} notices (public extracts)`,
          querystring: ListQuery,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const q = request.query as Record<string, string | undefined>;
        const ageMin = bounded('ageMin', q.ageMin, 0, 120);
        const ageMax = bounded('ageMax', q.ageMax, 0, 120);
        if (ageMin !== undefined && ageMax !== undefined && ageMin > ageMax) {
          throw problem.badRequest('ageMax', 'must not be below ageMin');
        }
        const body = await listPublic(
          ctx,
          kind,
          {
            forename: q.forename,
            name: q.name,
            nationality: q.nationality,
            ageMin,
            ageMax,
            sexId: q.sexId as 'M' | 'F' | 'U' | undefined,
            arrestWarrantCountryId: q.arrestWarrantCountryId,
            page: bounded('page', q.page, 1, 9999, 1)!,
            resultPerPage: bounded('resultPerPage', q.resultPerPage, 1, 160, 20)!,
          },
          baseOf(request),
          nowIso().slice(0, 10),
        );
        return reply.type('application/hal+json').send(body);
      },
    );
    app.get(
      `${path}/:id`,
      {
        config,
        schema: { tags, summary: `One published ${kind} notice`, params: IdParams, response: errorResponses },
      },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        return reply.type('application/hal+json').send(await readPublic(ctx, kind, id, baseOf(request)));
      },
    );
    app.get(
      `${path}/:id/images`,
      {
        config,
        schema: {
          tags,
          summary: `The images of a published ${kind} notice`,
          params: IdParams,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        return reply.type('application/hal+json').send(await publicImages(ctx, kind, id, baseOf(request)));
      },
    );
    app.get(
      `${path}/:id/images/:pictureId`,
      { config, schema: { tags, summary: 'One image', params: PictureParams } },
      async (request, reply) => {
        const { id, pictureId } = request.params as { id: string; pictureId: string };
        const f = await publicImage(ctx, kind, id, pictureId);
        return reply
          .header('content-type', f.media_type)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'public, max-age=300')
          .send(f.content);
      },
    );
  }
}
