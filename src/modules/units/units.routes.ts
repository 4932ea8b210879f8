// HTTP for a bureau's units.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requireIfMatch, setEtag } from '../../platform/http/etag.js';
import { BureauCode, errorResponses, IdParam, listOf, ProblemSchema } from '../../platform/http/schemas.js';
import { requirePrincipal } from '../identity/auth.hook.js';
import {
  CreateUnitBody,
  type CreateUnitInput,
  toUnitDto,
  UnitSchema,
  UpdateUnitBody,
  type UpdateUnitInput,
} from './units.schema.js';
import { createUnit, getUnit, listUnitsOf, updateUnit } from './units.service.js';

const BureauParams = Type.Object({ code: BureauCode }, { additionalProperties: false });
const UnitParams = Type.Object({ code: BureauCode, id: IdParam }, { additionalProperties: false });
type BP = { code: string };
type UP = { code: string; id: string };

export async function unitRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/bureaus/:code/units',
    {
      schema: {
        tags: ['organisation'],
        summary: "List a bureau's units",
        params: BureauParams,
        response: { 200: listOf(UnitSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { code } = request.params as BP;
      const rows = await listUnitsOf(ctx, requirePrincipal(request), code);
      return { items: rows.map(toUnitDto) };
    },
  );

  app.get(
    '/bureaus/:code/units/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Read one unit (with its ETag)',
        params: UnitParams,
        response: { 200: UnitSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { code, id } = request.params as UP;
      const row = await getUnit(ctx, requirePrincipal(request), code, id);
      setEtag(reply, row.version);
      return toUnitDto(row);
    },
  );

  app.post(
    '/bureaus/:code/units',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Create a unit (bureau administrators)',
        params: BureauParams,
        body: CreateUnitBody,
        response: { 201: UnitSchema, ...errorResponses, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { code } = request.params as BP;
      const row = await createUnit(ctx, requirePrincipal(request), code, request.body as CreateUnitInput, {
        requestId: request.id,
      });
      setEtag(reply, row.version);
      return reply.status(201).send(toUnitDto(row));
    },
  );

  app.patch(
    '/bureaus/:code/units/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Change a unit (bureau administrators; needs If-Match)',
        params: UnitParams,
        body: UpdateUnitBody,
        response: {
          200: UnitSchema,
          ...errorResponses,
          409: ProblemSchema,
          412: ProblemSchema,
          428: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const { code, id } = request.params as UP;
      const principal = requirePrincipal(request);
      const version = requireIfMatch(request);
      const row = await updateUnit(ctx, principal, code, id, version, request.body as UpdateUnitInput, {
        requestId: request.id,
      });
      setEtag(reply, row.version);
      return toUnitDto(row);
    },
  );
}
