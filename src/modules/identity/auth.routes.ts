// HTTP for sign-in, second factor and sign-out. Thin: validation here, rules in auth.service.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../context.js';
import { unauthorized } from '../../platform/http/problem.js';
import { ProblemSchema } from '../../platform/http/schemas.js';
import { requirePrincipal, SESSION_COOKIE } from './auth.hook.js';
import { confirmTotp, login, logout, logoutEverywhere, setupTotp } from './auth.service.js';
import { describePrincipal, PrincipalSchema } from './principal.dto.js';

const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    totp: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit code, when asked' })),
  },
  { additionalProperties: false },
);

const StageResponse = Type.Object({
  stage: Type.Union([Type.Literal('full'), Type.Literal('totp_enrolment')]),
  principal: Type.Optional(PrincipalSchema),
});

const Empty = Type.Object({}, { additionalProperties: false });

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.secureCookies,
      maxAge: ctx.config.sessionAbsoluteSeconds,
    });

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username, password and, when the account has one, the second factor',
        body: LoginBody,
        response: { 200: StageResponse, 401: ProblemSchema, 429: ProblemSchema },
      },
      config: {
        // Per address and username, so one attacker cannot lock others out of the form.
        rateLimit: {
          max: ctx.config.signInRatePerMinute,
          timeWindow: '1 minute',
          keyGenerator: (req) =>
            `${req.ip}|${String((req.body as { username?: string })?.username ?? '').toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      const body = request.body as { username: string; password: string; totp?: string };
      const result = await login(ctx, body, { requestId: request.id });
      setCookie(reply, result.token);
      if (result.stage === 'totp_enrolment') return { stage: result.stage };
      return { stage: result.stage, principal: await describePrincipal(ctx, result.principal) };
    },
  );

  app.post(
    '/auth/totp/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start enrolling a second factor: returns the secret to put in an authenticator app',
        body: Empty,
        response: { 200: Type.Object({ secret: Type.String(), otpauthUri: Type.String() }) },
      },
    },
    async (request) => {
      if (!request.session) throw unauthorized();
      return setupTotp(ctx, request.session.principal);
    },
  );

  app.post(
    '/auth/totp/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: 'Finish enrolling the second factor with a code from the app',
        body: Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false }),
        response: { 200: StageResponse },
      },
    },
    async (request) => {
      if (!request.session) throw unauthorized();
      await confirmTotp(ctx, request.session, (request.body as { code: string }).code, {
        requestId: request.id,
      });
      return { stage: 'full' as const, principal: await describePrincipal(ctx, request.session.principal) };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out of this session', body: Type.Optional(Empty) } },
    async (request, reply) => {
      if (request.session) await logout(ctx, request.session, { requestId: request.id });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/logout-all',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out of every session of this user',
        body: Type.Optional(Empty),
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await logoutEverywhere(ctx, principal, { requestId: request.id });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in',
        response: { 200: PrincipalSchema, 401: ProblemSchema },
      },
    },
    async (request) => describePrincipal(ctx, requirePrincipal(request)),
  );
}
