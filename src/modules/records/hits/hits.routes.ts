// HTTP for the hit inbox (received), the hits one's bureau made (sent), replies and counts.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { errorResponses, IdParam } from '../../../platform/http/schemas.js';
import { requirePrincipal } from '../../identity/auth.hook.js';
import { LimitQuery, metaOf } from '../records.routes.js';
import { getHit, hitStats, listHitsFor, replyToHit } from './hits.service.js';

const ReplySchema = Type.Object({
  id: Type.String(),
  at: Type.String(),
  author: Type.String(),
  bureau: Type.String(),
  message: Type.String(),
});
const Nullable = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()]);
const HitSchema = Type.Object({
  id: Type.String(),
  at: Type.String(),
  recordId: Type.String(),
  database: Type.String(),
  ownerBureau: Type.String(),
  recordLabel: Nullable(Type.String()),
  recordReference: Nullable(Type.String()),
  searcher: Type.Object({
    type: Type.String(),
    name: Type.String(),
    bureau: Type.String(),
    unitId: Nullable(Type.String()),
    unitName: Nullable(Type.String()),
  }),
  purpose: Type.String(),
  searchKind: Type.String(),
  query: Type.String(),
  access: Type.String(),
  match: Type.String(),
  seenByOwnerAt: Nullable(Type.String()),
  replies: Type.Array(ReplySchema),
});
const CountSchema = Type.Object({ received: Type.Integer(), made: Type.Integer() });

export async function hitRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/hits',
    {
      schema: {
        tags: ['hits'],
        summary: "Hits on your bureau's records (box=received, the inbox) or made by your bureau (box=sent)",
        querystring: Type.Object(
          {
            box: Type.Optional(
              Type.Union([Type.Literal('received'), Type.Literal('sent')], { default: 'received' }),
            ),
            database: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$' })),
            unseen: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
            cursor: Type.Optional(Type.String({ pattern: '^[0-9a-f-]{36}$' })),
            limit: LimitQuery,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(HitSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const q = request.query as {
        box?: 'received' | 'sent';
        database?: string;
        unseen?: 'true' | 'false';
        cursor?: string;
        limit?: string;
      };
      return listHitsFor(ctx, requirePrincipal(request), {
        box: q.box ?? 'received',
        database: q.database,
        unseen: q.unseen === 'true',
        cursor: q.cursor,
        limit: q.limit ? Number(q.limit) : 25,
      });
    },
  );

  app.get(
    '/hits/stats',
    {
      schema: {
        tags: ['hits'],
        summary: 'Hits counted per database and per bureau (your own; everything for GS reviewers)',
        response: {
          200: Type.Object({
            scope: Type.String(),
            byDatabase: Type.Array(
              Type.Object({
                database: Type.String(),
                received: Type.Integer(),
                made: Type.Integer(),
                total: Type.Integer(),
              }),
            ),
            byBureau: Type.Array(Type.Composite([Type.Object({ bureau: Type.String() }), CountSchema])),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => hitStats(ctx, requirePrincipal(request)),
  );

  app.get(
    '/hits/:id',
    {
      schema: {
        tags: ['hits'],
        summary: 'One hit with its replies (the owner reading it marks it seen)',
        params: Type.Object({ id: IdParam }, { additionalProperties: false }),
        response: { 200: HitSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      return getHit(ctx, requirePrincipal(request), id, metaOf(request));
    },
  );

  app.post(
    '/hits/:id/replies',
    {
      schema: {
        tags: ['hits'],
        summary: 'Reply on a hit (the owner to the searcher, or back); the other bureau is notified',
        params: Type.Object({ id: IdParam }, { additionalProperties: false }),
        body: Type.Object(
          { message: Type.String({ minLength: 1, maxLength: 4000 }) },
          { additionalProperties: false },
        ),
        response: { 201: ReplySchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { message } = request.body as { message: string };
      const r = await replyToHit(ctx, requirePrincipal(request), id, message.trim(), metaOf(request));
      return reply.status(201).send(r);
    },
  );
}
