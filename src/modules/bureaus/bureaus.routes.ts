import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { notFoundOrNoAccess } from '../../platform/http/problem.js';
import { errorResponses, listOf } from '../../platform/http/schemas.js';
import { requirePrincipal } from '../identity/auth.hook.js';
import { BureauCodeParam, BureauListQuery, BureauSchema, toBureauDto } from './bureaus.schema.js';
import { getBureau, listBureaus } from './bureaus.store.js';

export async function bureauRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/bureaus',
    {
      schema: {
        tags: ['organisation'],
        summary: 'The 196 member bureaus and the General Secretariat',
        querystring: BureauListQuery,
        response: { 200: listOf(BureauSchema), ...errorResponses },
      },
    },
    async (request) => {
      requirePrincipal(request);
      const { region } = request.query as { region?: string };
      const rows = await listBureaus(ctx.db, region ? { region: region as never } : {});
      return { items: rows.map(toBureauDto) };
    },
  );

  app.get(
    '/bureaus/:code',
    {
      schema: {
        tags: ['organisation'],
        summary: 'One bureau',
        params: BureauCodeParam,
        response: { 200: BureauSchema, ...errorResponses },
      },
    },
    async (request) => {
      requirePrincipal(request);
      const row = await getBureau(ctx.db, (request.params as { code: string }).code);
      if (!row) throw notFoundOrNoAccess();
      return toBureauDto(row);
    },
  );
}
