// GET /api/v1/events: a server-sent-events stream. Each principal receives only the events
// the access policy lets it see; each delivery is audited. Resumes with Last-Event-ID.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal, SESSION_COOKIE } from '../../modules/identity/auth.hook.js';
import { resolveApiKey, resolveSession } from '../../modules/identity/auth.service.js';
import type { Principal } from '../auth/principal.js';
import { decideAccess } from '../policy/access.js';
import type { StoredEvent } from './event-bus.js';

const HEARTBEAT_MS = 15_000;
// A stream outlives a sign-out unless it checks; this is how long a revoked session may linger.
const RECHECK_MS = 30_000;

export async function eventRoutes(app: FastifyInstance, ctx: AppContext) {
  // Open streams would keep the server from closing; end them first.
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const close of [...open]) close();
  });

  app.get(
    '/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Server-sent events the caller may see (text/event-stream)',
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const lastIdHeader = request.headers['last-event-id'];
      const lastId =
        typeof lastIdHeader === 'string' && /^\d+$/.test(lastIdHeader) ? Number(lastIdHeader) : null;

      const res = reply.raw;
      await ctx.audit.record({
        actor: principal,
        action: 'events.subscribe',
        outcome: 'success',
        requestId: request.id,
      });

      const resumeAfter = lastId ?? 0;
      // Ids are drawn at insert and transactions commit out of order (on PostgreSQL across
      // processes): an event may arrive after one with a higher id. So a stream remembers what it
      // wrote (the recent ids) rather than a high-water mark, which would drop the late one.
      const written = new Set<number>();
      // Deliveries go out in order, each only after its audit event is committed (fail closed).
      let chain: Promise<void> = Promise.resolve();
      const write = (ev: StoredEvent) => {
        if (!res.writableEnded) {
          // No `event:` line: every event is a plain message (EventSource.onmessage) whose data names its topic.
          res.write(
            `id: ${ev.id}\ndata: ${JSON.stringify({ id: ev.id, at: ev.at, topic: ev.topic, payload: ev.payload })}\n\n`,
          );
        }
      };
      const send = (ev: StoredEvent) => {
        if (ev.id <= resumeAfter || written.has(ev.id)) return;
        if (decideAccess(principal, ev.access) !== 'see') return;
        written.add(ev.id);
        if (written.size > 20_000) {
          for (const id of written) {
            written.delete(id);
            if (written.size <= 10_000) break;
          }
        }
        chain = chain.then(async () => {
          if (ev.access.handling === 'public') return write(ev);
          try {
            await ctx.audit.record({
              actor: principal,
              action: 'events.deliver',
              outcome: 'success',
              requestId: request.id,
              target: { type: 'event', id: String(ev.id), bureau: ev.access.ownerBureau },
              details: { topic: ev.topic },
            });
            write(ev);
            ctx.events.delivered(principal, ev);
          } catch (err) {
            request.log.error({ err }, 'audit of an event delivery failed; the event was not sent');
          }
        });
      };

      // Subscribe before answering, so a client that has the headers misses nothing;
      // replay after subscribing, so nothing published in between is lost.
      const unsubscribe = ctx.events.subscribe(send);
      reply.hijack();
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      res.write(': connected\n\n');

      if (lastId !== null) {
        for (const ev of await ctx.events.since(lastId)) send(ev);
      }

      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const recheck = setInterval(() => {
        void stillValid(ctx, request, principal).then((ok) => {
          if (!ok) close();
        });
      }, RECHECK_MS);
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearInterval(recheck);
        unsubscribe();
        open.delete(close);
        res.end();
      };
      open.add(close);
      request.raw.on('close', close);
    },
  );
}

async function stillValid(ctx: AppContext, request: FastifyRequest, principal: Principal): Promise<boolean> {
  const auth = request.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    return Boolean(m && (await resolveApiKey(ctx, m[1]!)));
  }
  const token = request.cookies[SESSION_COOKIE];
  const session = token ? await resolveSession(ctx, token) : null;
  return session?.principal.id === principal.id && session.stage === 'full';
}
