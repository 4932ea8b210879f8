// HTTP for a bureau's API keys.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import type { Capability } from '../../platform/auth/principal.js';
import type { ApiKeyTable } from '../../platform/db/schema.js';
import { BureauCode, errorResponses, IdParam, listOf, ProblemSchema } from '../../platform/http/schemas.js';
import { CapabilitySchema } from '../units/units.schema.js';
import { createApiKey, listApiKeys, revokeApiKey } from './apikeys.service.js';
import { requirePrincipal } from './auth.hook.js';

const ApiKeySchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    bureauCode: Type.String(),
    unitId: Type.String(),
    prefix: Type.String(),
    capabilities: Type.Array(Type.String()),
    createdAt: Type.String(),
    createdBy: Type.String(),
    lastUsedAt: Type.Union([Type.String(), Type.Null()]),
    revokedAt: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'ApiKey' },
);
const CreatedApiKeySchema = Type.Composite([
  ApiKeySchema,
  Type.Object({ key: Type.String({ description: 'The key itself; shown this once only' }) }),
]);
const CreateBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 120, pattern: '\\S' }),
    unitId: IdParam,
    capabilities: Type.Array(CapabilitySchema, { minItems: 1, uniqueItems: true }),
  },
  { additionalProperties: false },
);
const BureauParams = Type.Object({ code: BureauCode }, { additionalProperties: false });
const KeyParams = Type.Object({ code: BureauCode, id: IdParam }, { additionalProperties: false });

function toDto(r: ApiKeyTable) {
  return {
    id: r.id,
    name: r.name,
    bureauCode: r.bureau_code,
    unitId: r.unit_id,
    prefix: r.prefix,
    capabilities: JSON.parse(r.capabilities) as string[],
    createdAt: r.created_at,
    createdBy: r.created_by,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

export async function apiKeyRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/bureaus/:code/api-keys',
    {
      schema: {
        tags: ['organisation'],
        summary: "List a bureau's API keys (never the keys themselves)",
        params: BureauParams,
        response: { 200: listOf(ApiKeySchema), ...errorResponses },
      },
    },
    async (request) => {
      const { code } = request.params as { code: string };
      return { items: (await listApiKeys(ctx, requirePrincipal(request), code)).map(toDto) };
    },
  );

  app.post(
    '/bureaus/:code/api-keys',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Create an API key for a unit; the key is in this answer only',
        params: BureauParams,
        body: CreateBody,
        response: { 201: CreatedApiKeySchema, ...errorResponses, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { code } = request.params as { code: string };
      const body = request.body as { name: string; unitId: string; capabilities: Capability[] };
      const { row, key } = await createApiKey(ctx, requirePrincipal(request), code, body, {
        requestId: request.id,
      });
      reply.header('cache-control', 'no-store');
      return reply.status(201).send({ ...toDto(row), key });
    },
  );

  app.post(
    '/bureaus/:code/api-keys/:id/revoke',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Revoke an API key at once',
        params: KeyParams,
        body: Type.Optional(Type.Object({}, { additionalProperties: false })),
        response: { 200: ApiKeySchema, ...errorResponses },
      },
    },
    async (request) => {
      const { code, id } = request.params as { code: string; id: string };
      return toDto(await revokeApiKey(ctx, requirePrincipal(request), code, id, { requestId: request.id }));
    },
  );
}
