// HTTP for searching the databases. Searches are POSTs: the query (a name, a document number)
// is personal data and must not travel in a URL that proxies and logs keep.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { errorResponses } from '../../../platform/http/schemas.js';
import { requirePrincipal } from '../../identity/auth.hook.js';
import { metaOf } from '../records.routes.js';
import { RecordExistsSchema, RecordSchema } from '../records.schema.js';
import { searchDna, searchIdentifiers, searchPersons, searchText } from './search.service.js';

const Purpose = Type.String({
  minLength: 3,
  maxLength: 500,
  description: 'Why you search (audited, shown to owners)',
});
const Databases = Type.Optional(
  Type.Array(Type.String({ pattern: '^[a-z_]{2,40}$' }), { minItems: 1, maxItems: 19, uniqueItems: true }),
);
const ResultSchema = Type.Object({
  access: Type.Union([Type.Literal('see'), Type.Literal('exists')]),
  match: Type.String(),
  hitId: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown()),
  record: Type.Union([RecordSchema, RecordExistsSchema]),
});
const Results = Type.Object({ items: Type.Array(ResultSchema) });

export async function searchRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    '/search/identifiers',
    {
      schema: {
        tags: ['search'],
        summary:
          'Exact identifier search (documents, VINs, plates, hulls, serials…), look-alikes marked similar',
        body: Type.Object(
          {
            value: Type.String({ minLength: 1, maxLength: 100 }),
            kind: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$' })),
            databases: Databases,
            purpose: Purpose,
          },
          { additionalProperties: false },
        ),
        response: { 200: Results, ...errorResponses },
      },
    },
    async (request) => {
      const body = request.body as { value: string; kind?: string; databases?: string[]; purpose: string };
      return {
        items: await searchIdentifiers(ctx, requirePrincipal(request), body, metaOf(request, body.purpose)),
      };
    },
  );

  app.post(
    '/search/persons',
    {
      schema: {
        tags: ['search'],
        summary: 'Person search by name (any script), date of birth and nationality, scored',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            dateOfBirth: Type.Optional(Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' })),
            nationality: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
            sex: Type.Optional(
              Type.Union([Type.Literal('female'), Type.Literal('male'), Type.Literal('unknown')]),
            ),
            databases: Databases,
            purpose: Purpose,
          },
          { additionalProperties: false },
        ),
        response: { 200: Results, ...errorResponses },
      },
    },
    async (request) => {
      const body = request.body as Parameters<typeof searchPersons>[2];
      return {
        items: await searchPersons(ctx, requirePrincipal(request), body, metaOf(request, body.purpose)),
      };
    },
  );

  app.post(
    '/search/text',
    {
      schema: {
        tags: ['search'],
        summary: 'Free-text search over the records you may see',
        body: Type.Object(
          {
            q: Type.String({ minLength: 1, maxLength: 200 }),
            databases: Databases,
            cursor: Type.Optional(Type.String({ pattern: '^[0-9a-f-]{36}$' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
            purpose: Purpose,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(ResultSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const body = request.body as {
        q: string;
        databases?: string[];
        cursor?: string;
        limit?: number;
        purpose: string;
      };
      return searchText(
        ctx,
        requirePrincipal(request),
        { ...body, limit: body.limit ?? 25 },
        metaOf(request, body.purpose),
      );
    },
  );

  app.post(
    '/search/dna',
    {
      schema: {
        tags: ['search'],
        summary:
          'Compare an STR profile with the DNA database: matching loci, mismatches, full or partial match',
        body: Type.Object(
          {
            loci: Type.Record(
              Type.String({ pattern: '^[A-Za-z0-9_.-]{2,20}$' }),
              Type.Array(Type.String({ pattern: '^[0-9XY]{1,2}(\\.[0-9])?$' }), { minItems: 1, maxItems: 2 }),
            ),
            purpose: Purpose,
          },
          { additionalProperties: false },
        ),
        response: { 200: Results, ...errorResponses },
      },
    },
    async (request) => {
      const body = request.body as { loci: Record<string, string[]>; purpose: string };
      return { items: await searchDna(ctx, requirePrincipal(request), body, metaOf(request, body.purpose)) };
    },
  );
}
