// Builds the Fastify application from a configuration. Servers, tests and the CLI use it.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { Gauge } from 'prom-client';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { bureauRoutes } from './modules/bureaus/bureaus.routes.js';
import { icseRoutes } from './modules/icse/icse.routes.js';
import { apiKeyRoutes } from './modules/identity/apikeys.routes.js';
import { installAuthentication } from './modules/identity/auth.hook.js';
import { authRoutes } from './modules/identity/auth.routes.js';
import { userRoutes } from './modules/identity/users.routes.js';
import { matchRoutes } from './modules/matching/match.routes.js';
import { personIndexStats } from './modules/matching/person-index.sync.js';
import { messagingRoutes } from './modules/messaging/messaging.routes.js';
import { metaRoutes } from './modules/meta/meta.routes.js';
import { networksRoutes } from './modules/networks/networks.routes.js';
import { publicNoticeRoutes } from './modules/notices/notices.public.routes.js';
import { noticeRoutes } from './modules/notices/notices.routes.js';
import { paymentRoutes } from './modules/payments/payments.routes.js';
import { attachmentRoutes } from './modules/records/attachments/attachments.routes.js';
import { bulkRoutes } from './modules/records/bulk/bulk.routes.js';
import { hitRoutes } from './modules/records/hits/hits.routes.js';
import { recordRoutes } from './modules/records/records.routes.js';
import { searchRoutes } from './modules/records/search/search.routes.js';
import { screeningRoutes } from './modules/screening/screening.routes.js';
import { unitRoutes } from './modules/units/units.routes.js';
import { closeContext, createContext } from './platform/context-factory.js';
import { eventRoutes } from './platform/events/events.routes.js';
import { healthRoutes } from './platform/http/health.routes.js';
import { installIdempotency } from './platform/http/idempotency.js';
import { installMetrics } from './platform/http/metrics.js';
import { installProblemHandlers, sendProblem } from './platform/http/problem.js';
import { ProblemSchema } from './platform/http/schemas.js';
import { VERSION } from './version.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export interface BuiltApp {
  app: FastifyInstance;
  ctx: AppContext;
}

export async function buildApp(
  config: Config,
  opts: { ctx?: AppContext; background?: boolean } = {},
): Promise<BuiltApp> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Headers carry credentials and URLs' query strings may carry names: log neither.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: {
        req: (req) => ({ method: req.method, path: String(req.url).split('?')[0], requestId: req.id }),
      },
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    },
    ajv: {
      // Unknown fields and wrong types are the client's mistake to hear about, not to be guessed at.
      customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true, useDefaults: true },
    },
  });

  const ctx = opts.ctx ?? (await createContext(config, app.log));
  app.addHook('onClose', async () => {
    if (!opts.ctx) await closeContext(ctx);
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installProblemHandlers(app);
  // JSON only: a text/plain body would otherwise reach validation as a string.
  app.removeContentTypeParser('text/plain');
  app.addSchema(ProblemSchema);

  // Security headers (helmet), built once: @fastify/helmet rebuilt its middleware on every
  // request, a quarter of the cost of a trivial request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // blob: the ICSE reveal shows an original from an object URL that dies with its modal.
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
  await app.register(cookie);
  // preHandler: the sign-in limit is keyed on the username, so it must run after the body is parsed.
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  installMetrics(app, (registry) => {
    const stats = () => personIndexStats(ctx);
    new Gauge({
      name: 'meridian_person_index_persons',
      help: 'Persons held by the person-search index of this process (0 before its first load)',
      registers: [registry],
      collect() {
        this.set(stats().persons);
      },
    });
    new Gauge({
      name: 'meridian_person_index_load_seconds',
      help: 'Duration of the last full load of the person-search index',
      registers: [registry],
      collect() {
        this.set(stats().loadSeconds);
      },
    });
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Meridian API',
        version: VERSION,
        description:
          'International police cooperation. Errors are RFC 9457 application/problem+json. ' +
          'Machines authenticate with `Authorization: Bearer <API key>`; the console with a session cookie.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: mk_…' },
          session: { type: 'apiKey', in: 'cookie', name: 'meridian_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installAuthentication(app, ctx);
  installIdempotency(app, ctx.db);

  await healthRoutes(app, ctx);
  await app.register(
    async (api) => {
      await metaRoutes(api, ctx);
      await authRoutes(api, ctx);
      await bureauRoutes(api, ctx);
      await unitRoutes(api, ctx);
      await userRoutes(api, ctx);
      await apiKeyRoutes(api, ctx);
      await auditRoutes(api, ctx);
      await recordRoutes(api, ctx);
      await searchRoutes(api, ctx);
      await hitRoutes(api, ctx);
      await attachmentRoutes(api, ctx);
      await bulkRoutes(api, ctx);
      await matchRoutes(api, ctx);
      await screeningRoutes(api, ctx);
      await noticeRoutes(api, ctx);
      await messagingRoutes(api, ctx);
      await paymentRoutes(api, ctx);
      await icseRoutes(api, ctx);
      await networksRoutes(api, ctx);
      await eventRoutes(api, ctx);
    },
    { prefix: '/api/v1' },
  );

  await publicNoticeRoutes(app, ctx);
  await serveConsole(app, config.webRoot);
  if (opts.background !== false && !opts.ctx) {
    await ctx.events.start();
    await ctx.jobs.start();
  }
  return { app, ctx };
}

/** The built console at /, with every non-API path answered by index.html (client-side routes). */
async function serveConsole(app: FastifyInstance, webRoot: string) {
  const index = path.join(webRoot, 'index.html');
  const hasConsole = fs.existsSync(index);
  if (hasConsole) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const p = request.url.split('?')[0]!;
    const isApi =
      p.startsWith('/api/') || p.startsWith('/health/') || p.startsWith('/notices/v1/') || p === '/metrics';
    if (hasConsole && request.method === 'GET' && !isApi) {
      // Try the exact file first (assets), else hand the route to the console.
      const file = path.join(webRoot, path.normalize(p));
      if (file.startsWith(webRoot) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return reply.sendFile(path.relative(webRoot, file));
      }
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(reply, request, 404, 'no_such_route', `No route ${request.method} ${p}`);
  });
}
