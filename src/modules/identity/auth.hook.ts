// Resolves who is calling, once per request: a console session cookie or an API key
// (`Authorization: Bearer mk_…`). Routes then ask `requirePrincipal`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import type { Principal, Role } from '../../platform/auth/principal.js';
import { ProblemError, unauthorized } from '../../platform/http/problem.js';
import { type ResolvedSession, resolveApiKey, resolveSession } from './auth.service.js';

export const SESSION_COOKIE = 'meridian_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    session: ResolvedSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installAuthentication(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = m ? await resolveApiKey(ctx, m[1]!) : null;
      if (!principal) throw unauthorized('invalid_api_key', 'The API key is unknown, malformed or revoked');
      request.principal = principal;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    // A cookie rides along on cross-site requests; demand what a form post cannot send.
    if (!SAFE_METHODS.has(request.method)) guardAgainstCrossSite(request);
    const session = await resolveSession(ctx, token);
    if (!session) return;
    request.session = session;
    if (session.stage === 'full') request.principal = session.principal;
  });
}

function guardAgainstCrossSite(request: FastifyRequest) {
  const type = request.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ProblemError(415, 'unsupported_media_type', 'Send the body as application/json (at least {})');
  }
  const origin = request.headers.origin;
  if (origin && originHost(origin) !== request.headers.host) {
    throw new ProblemError(403, 'cross_site_request', 'Requests from another site are refused');
  }
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal) return request.principal;
  if (request.session?.stage === 'totp_enrolment') {
    throw new ProblemError(403, 'totp_enrolment_required', 'Enrol a second factor before using Meridian');
  }
  throw unauthorized();
}

export function requireRole(request: FastifyRequest, ...roles: Role[]): Principal {
  const p = requirePrincipal(request);
  if (!roles.some((r) => p.roles.includes(r))) {
    throw new ProblemError(403, 'forbidden', `This needs one of the roles: ${roles.join(', ')}`);
  }
  return p;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
