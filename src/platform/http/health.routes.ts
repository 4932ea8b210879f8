// Liveness (the process answers) and readiness (the database answers).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { ping } from '../db/migrations.js';

export async function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/health/live', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/health/ready', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await ping(ctx.db);
      return { status: 'ok', database: ctx.handle.dialect };
    } catch {
      return reply.status(503).type('application/problem+json').send({
        type: 'https://meridian.invalid/problems/not_ready',
        title: 'Service unavailable',
        status: 503,
        code: 'not_ready',
        detail: 'The database does not answer',
      });
    }
  });
}
