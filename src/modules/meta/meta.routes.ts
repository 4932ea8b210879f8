// What a client needs to know about this server before signing in.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { CAPABILITIES, ROLES } from '../../platform/auth/principal.js';
import { VERSION } from '../../version.js';
import { isDemoInstance } from '../demo/demo.store.js';
import { UNIT_KINDS } from '../units/units.schema.js';

export async function metaRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/meta',
    {
      schema: {
        tags: ['meta'],
        summary: 'Version, languages and the vocabularies of roles, capabilities and unit kinds',
        security: [],
        response: {
          200: Type.Object({
            version: Type.String(),
            demo: Type.Boolean(),
            languages: Type.Array(Type.String()),
            roles: Type.Array(Type.String()),
            capabilities: Type.Array(Type.String()),
            unitKinds: Type.Array(Type.String()),
          }),
        },
      },
    },
    async () => ({
      version: VERSION,
      demo: await isDemoInstance(ctx.db),
      languages: ['ar', 'en', 'fr', 'es'],
      roles: [...ROLES],
      capabilities: [...CAPABILITIES],
      unitKinds: [...UNIT_KINDS],
    }),
  );
}
