// HTTP for managing a bureau's users.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requireIfMatch, setEtag } from '../../platform/http/etag.js';
import { BureauCode, errorResponses, IdParam, listOf, ProblemSchema } from '../../platform/http/schemas.js';
import { requirePrincipal } from './auth.hook.js';
import {
  CreateUserBody,
  type CreateUserInput,
  toUserDto,
  UpdateUserBody,
  type UpdateUserInput,
  UserSchema,
} from './users.schema.js';
import { createUser, listUsersOf, resetTotp, unlockUser, updateUser } from './users.service.js';

const BureauParams = Type.Object({ code: BureauCode }, { additionalProperties: false });
const UserParams = Type.Object({ code: BureauCode, id: IdParam }, { additionalProperties: false });
const Empty = Type.Optional(Type.Object({}, { additionalProperties: false }));
type UP = { code: string; id: string };

export async function userRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/bureaus/:code/users',
    {
      schema: {
        tags: ['organisation'],
        summary: "List a bureau's users (bureau administrators)",
        params: BureauParams,
        response: { 200: listOf(UserSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { code } = request.params as { code: string };
      const rows = await listUsersOf(ctx, requirePrincipal(request), code);
      const now = new Date().toISOString();
      return { items: rows.map((r) => toUserDto(r, now)) };
    },
  );

  app.post(
    '/bureaus/:code/users',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Create a user (bureau administrators)',
        params: BureauParams,
        body: CreateUserBody,
        response: { 201: UserSchema, ...errorResponses, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { code } = request.params as { code: string };
      const row = await createUser(ctx, requirePrincipal(request), code, request.body as CreateUserInput, {
        requestId: request.id,
      });
      setEtag(reply, row.version);
      return reply.status(201).send(toUserDto(row));
    },
  );

  app.patch(
    '/bureaus/:code/users/:id',
    {
      schema: {
        tags: ['organisation'],
        summary: "Change a user's name, roles, unit or status (needs If-Match)",
        params: UserParams,
        body: UpdateUserBody,
        response: { 200: UserSchema, ...errorResponses, 412: ProblemSchema, 428: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { code, id } = request.params as UP;
      const principal = requirePrincipal(request);
      const version = requireIfMatch(request);
      const row = await updateUser(ctx, principal, code, id, version, request.body as UpdateUserInput, {
        requestId: request.id,
      });
      setEtag(reply, row.version);
      return toUserDto(row);
    },
  );

  for (const [path, action, summary] of [
    ['unlock', unlockUser, 'Lift a lock-out after failed sign-ins'],
    ['reset-totp', resetTotp, 'Remove the second factor; the user enrols again at next sign-in'],
  ] as const) {
    app.post(
      `/bureaus/:code/users/:id/${path}`,
      {
        schema: {
          tags: ['organisation'],
          summary,
          params: UserParams,
          body: Empty,
          response: { 200: UserSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { code, id } = request.params as UP;
        const row = await action(ctx, requirePrincipal(request), code, id, { requestId: request.id });
        return toUserDto(row);
      },
    );
  }
}
