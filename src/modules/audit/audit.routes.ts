// The audit explorer for data-protection officers: a bureau's DPO sees what concerns their
// bureau (its people's actions and actions on its data); the General Secretariat's DPO sees all.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { type AuditFilter, queryAudit } from '../../platform/audit/audit.query.js';
import { verifyAuditChain } from '../../platform/audit/audit.verify.js';
import { GENERAL_SECRETARIAT } from '../../platform/auth/principal.js';
import { badRequest, ProblemError } from '../../platform/http/problem.js';
import { BureauCode, errorResponses, pageOf } from '../../platform/http/schemas.js';
import { requireRole } from '../identity/auth.hook.js';

const IsoTime = Type.String({ format: 'date-time', description: 'UTC ISO 8601' });

const AuditQuery = Type.Object(
  {
    bureau: Type.Optional(BureauCode),
    actorId: Type.Optional(Type.String({ maxLength: 100 })),
    targetId: Type.Optional(Type.String({ maxLength: 200 })),
    targetType: Type.Optional(Type.String({ maxLength: 50 })),
    action: Type.Optional(Type.String({ maxLength: 100, pattern: '^[a-z0-9_.]+\\*?$' })),
    outcome: Type.Optional(Type.String({ maxLength: 20 })),
    from: Type.Optional(IsoTime),
    to: Type.Optional(IsoTime),
    cursor: Type.Optional(Type.String({ maxLength: 100 })),
    // Query strings are text; types are not coerced anywhere, so the number is parsed here.
    limit: Type.Optional(
      Type.String({ pattern: '^(?:[1-9]\\d{0,1}|[1-4]\\d{2}|500)$', description: '1–500, default 50' }),
    ),
  },
  { additionalProperties: false },
);

const AuditEventSchema = Type.Object(
  {
    seq: Type.Integer(),
    id: Type.String(),
    at: Type.String(),
    actorType: Type.String(),
    actorId: Type.Union([Type.String(), Type.Null()]),
    bureau: Type.Union([Type.String(), Type.Null()]),
    unitId: Type.Union([Type.String(), Type.Null()]),
    action: Type.String(),
    purpose: Type.Union([Type.String(), Type.Null()]),
    targetType: Type.Union([Type.String(), Type.Null()]),
    targetId: Type.Union([Type.String(), Type.Null()]),
    targetBureau: Type.Union([Type.String(), Type.Null()]),
    outcome: Type.String(),
    requestId: Type.Union([Type.String(), Type.Null()]),
    details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    prevHash: Type.String(),
    hash: Type.String(),
  },
  { $id: 'AuditEvent' },
);

type Q = AuditFilter & { bureau?: string; cursor?: string; limit?: string };

export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit chain (data-protection officers)',
        querystring: AuditQuery,
        response: { 200: pageOf(AuditEventSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, 'dpo');
      const q = request.query as Q;
      const atGs = principal.bureau === GENERAL_SECRETARIAT;
      if (q.bureau && !atGs && q.bureau !== principal.bureau) {
        throw new ProblemError(403, 'forbidden', 'A DPO may search the audit of their own bureau only', [
          { field: 'bureau', message: 'must be your own bureau' },
        ]);
      }
      if (q.from && q.to && q.from > q.to) throw badRequest('from', 'must not be after to');
      const scope = atGs ? q.bureau : principal.bureau;
      const page = await queryAudit(
        ctx.db,
        { ...filterOf(q), bureau: scope },
        { cursor: q.cursor, limit: q.limit ? Number(q.limit) : 50 },
      );
      await ctx.audit.record({
        actor: principal,
        action: 'audit.search',
        outcome: 'success',
        requestId: request.id,
        target: { type: 'audit', bureau: scope ?? undefined },
        details: { results: page.items.length },
      });
      return page;
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Walk the whole chain and report the first broken event (General Secretariat DPO)',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            firstBroken: Type.Optional(Type.Object({ seq: Type.Integer(), reason: Type.String() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const principal = requireRole(request, 'dpo');
      if (principal.bureau !== GENERAL_SECRETARIAT) {
        throw new ProblemError(403, 'forbidden', 'Only the General Secretariat DPO verifies the whole chain');
      }
      const result = await verifyAuditChain(ctx.db);
      await ctx.audit.record({
        actor: principal,
        action: 'audit.verify',
        outcome: result.ok ? 'success' : 'failure',
        requestId: request.id,
        details: {
          checked: result.checked,
          ...(result.firstBroken ? { firstBroken: result.firstBroken.seq } : {}),
        },
      });
      return result;
    },
  );
}

function filterOf({ cursor: _c, limit: _l, ...filter }: Q): AuditFilter {
  return filter;
}
