// POST /api/v1/match: several person queries in one call, each keyed, in the request and
// response shape users of OpenSanctions' yente `/match` know. Each query is a person search of
// the databases — the access policy, the audit chain and hits to owners apply as to any search.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { requirePrincipal } from '../identity/auth.hook.js';
import { metaOf } from '../records/records.routes.js';
import { RecordExistsSchema, RecordSchema } from '../records/records.schema.js';
import { personMatcher } from '../records/search/person-matcher.js';
import { type SearchResult, searchPersons } from '../records/search/search.service.js';

const Values = (pattern?: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 200, ...(pattern ? { pattern } : {}) }), {
    minItems: 1,
    maxItems: 5,
  });

const Query = Type.Object(
  {
    schema: Type.Literal('Person'),
    properties: Type.Object(
      {
        name: Values(),
        birthDate: Type.Optional(Values('^\\d{4}(-\\d{2}(-\\d{2})?)?$')),
        nationality: Type.Optional(Values('^[A-Za-z]{2}$')),
        gender: Type.Optional(Values('^(male|female|other|unknown)$')),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const MatchBody = Type.Object(
  {
    queries: Type.Record(Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$' }), Query, {
      minProperties: 1,
      maxProperties: 50,
    }),
    purpose: Type.String({ minLength: 3, maxLength: 500 }),
    threshold: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1, description: 'Score at which `match` is true' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 5 })),
  },
  { additionalProperties: false },
);
type MatchInput = {
  queries: Record<
    string,
    {
      schema: 'Person';
      properties: { name: string[]; birthDate?: string[]; nationality?: string[]; gender?: string[] };
    }
  >;
  purpose: string;
  threshold?: number;
  limit?: number;
};

const MatchResult = Type.Object({
  id: Type.String(),
  schema: Type.Literal('Person'),
  caption: Type.String(),
  score: Type.Number(),
  match: Type.Boolean(),
  explanations: Type.Array(Type.String()),
  hitId: Type.Union([Type.String(), Type.Null()]),
  record: Type.Union([RecordSchema, RecordExistsSchema]),
});

// Below the threshold, near misses are still shown (match: false), as yente does; not lower.
const SHOW_FROM = 0.5;

export async function matchRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    '/match',
    {
      schema: {
        tags: ['search'],
        summary: 'Match several persons at once (yente-style request and response)',
        body: MatchBody,
        response: {
          200: Type.Object({
            responses: Type.Record(
              Type.String(),
              Type.Object({
                status: Type.Integer(),
                results: Type.Array(MatchResult),
                total: Type.Object({ value: Type.Integer() }),
              }),
            ),
            threshold: Type.Number(),
            matcher: Type.String(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const body = request.body as MatchInput;
      const threshold = body.threshold ?? personMatcher.threshold;
      const responses: Record<string, { status: number; results: unknown[]; total: { value: number } }> = {};
      for (const [key, q] of Object.entries(body.queries)) {
        const p = q.properties;
        const gender = p.gender?.[0];
        const byRecord = new Map<string, SearchResult>();
        // Every name the query gives is searched; a record keeps its best score.
        for (const name of p.name) {
          const items = await searchPersons(
            ctx,
            principal,
            {
              name,
              dateOfBirth: p.birthDate?.[0],
              nationality: p.nationality?.[0]?.toUpperCase(),
              sex: gender === 'male' || gender === 'female' ? gender : undefined,
              purpose: body.purpose,
              minScore: Math.min(SHOW_FROM, threshold),
              limit: body.limit ?? 5,
            },
            metaOf(request, body.purpose),
          );
          for (const r of items) {
            const held = byRecord.get(r.record.id);
            if (!held || Number(r.detail.score) > Number(held.detail.score)) byRecord.set(r.record.id, r);
          }
        }
        const results = [...byRecord.values()]
          .sort((a, b) => Number(b.detail.score) - Number(a.detail.score))
          .slice(0, body.limit ?? 5)
          .map((r) => ({
            id: r.record.id,
            schema: 'Person' as const,
            caption: r.record.access === 'see' ? r.record.label : `Record of ${r.record.ownerBureau}`,
            score: Number(r.detail.score),
            match: Number(r.detail.score) >= threshold,
            explanations: (r.detail.reasons as string[] | undefined) ?? [],
            hitId: r.hitId,
            record: r.record,
          }));
        responses[key] = { status: 200, results, total: { value: results.length } };
      }
      return { responses, threshold, matcher: personMatcher.name };
    },
  );
}
