// HTTP for border screening. POSTs only: document numbers and names are personal data and must
// not travel in URLs. The body's items are judged one by one by the service (a bad item is
// answered `invalid`, never a failed call), so the route schema checks only the envelope.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { requirePrincipal } from '../identity/auth.hook.js';
import { metaOf } from '../records/records.routes.js';
import { ScreeningAnswerSchema } from './screening.schema.js';
import { DOCUMENTS, MAX_ITEMS, type Screening, screen, TRAVELLERS, VEHICLES } from './screening.service.js';

// 10,000 travellers with three-line MRZs and names are about 2.5 MB of JSON.
const BODY_LIMIT = 8 * 1024 * 1024;

const body = (item: string) =>
  Type.Object(
    {
      items: Type.Array(Type.Unknown({ description: item }), { minItems: 1, maxItems: MAX_ITEMS }),
      purpose: Type.Optional(
        Type.String({
          minLength: 3,
          maxLength: 500,
          description: 'Why (audited, shown to owners); default "Border check"',
        }),
      ),
    },
    { additionalProperties: false },
  );

const ROUTES = [
  {
    path: '/screening/documents',
    summary:
      'Check travel and administrative documents (number, issuing country, type) — one or up to 10,000',
    item: '{ number, issuingCountry, type? }',
    spec: DOCUMENTS,
  },
  {
    path: '/screening/vehicles',
    summary: 'Check vehicles (VIN, or plate and country) against stolen vehicles — one or up to 10,000',
    item: '{ vin?, plate?, country? }',
    spec: VEHICLES,
  },
  {
    path: '/screening/travellers',
    summary:
      'Check travellers — from an MRZ (TD1, TD2, TD3) or fields: the document, and the person through the person matcher',
    item: '{ mrz } or { document: { number, issuingCountry, type? }, person: { name, dateOfBirth?, nationality?, sex? } }',
    spec: TRAVELLERS,
  },
] as const;

export async function screeningRoutes(app: FastifyInstance, ctx: AppContext) {
  for (const r of ROUTES) {
    app.post(
      r.path,
      {
        bodyLimit: BODY_LIMIT,
        schema: {
          tags: ['screening'],
          summary: r.summary,
          description:
            'Items are answered in input order: no_hit, hit (what the policy lets this unit see, or ' +
            'access "exists": contact the owner bureau) or invalid (with reasons). Idempotency-Key honoured.',
          body: body(r.item),
          response: { 200: ScreeningAnswerSchema, ...errorResponses },
        },
      },
      async (request) => {
        const b = request.body as { items: unknown[]; purpose?: string };
        return screen(
          ctx,
          requirePrincipal(request),
          r.spec as Screening<unknown>,
          b,
          metaOf(request, b.purpose),
        );
      },
    );
  }
}
