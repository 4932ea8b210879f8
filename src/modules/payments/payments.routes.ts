// HTTP for payment interventions. Thin: validate, call the service, shape.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext, RequestMeta } from '../../context.js';
import { errorResponses, IdParam } from '../../platform/http/schemas.js';
import { requirePrincipal } from '../identity/auth.hook.js';
import { partActions } from './payments.actions.js';
import { figuresCsv, loadRates, paymentFigures, type RateInput } from './payments.figures.js';
import { type OpenCaseInput, openCase } from './payments.open.js';
import {
  acknowledgePart,
  forwardPart,
  listCases,
  type OutcomeInput,
  readCase,
  recordOutcome,
} from './payments.service.js';
import { FRAUD_TYPES, OUTCOMES } from './payments.types.js';

const tags = ['payments'];
const oneOf = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const Minor = Type.String({
  pattern: '^(0|[1-9]\\d{0,19})$',
  description: 'Integer minor units, e.g. "4200000000" = 42,000,000.00',
});
const IdParams = Type.Object({ id: IdParam }, { additionalProperties: false });
const meta = (request: FastifyRequest): RequestMeta => ({
  requestId: request.id,
  idempotency: request.idempotency,
});

const OpenBody = Type.Object(
  {
    fraudType: oneOf(FRAUD_TYPES),
    victim: Type.Object(
      {
        kind: Type.Union([Type.Literal('person'), Type.Literal('company')]),
        name: Type.String({ minLength: 1, maxLength: 200 }),
        country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
      },
      { additionalProperties: false },
    ),
    reportedAt: Type.String({ format: 'date-time' }),
    summary: Type.Optional(Type.String({ maxLength: 4000 })),
    transactions: Type.Array(
      Type.Object(
        {
          amountMinor: Minor,
          currency: Type.String({ pattern: '^[A-Z]{3}$' }),
          date: Type.String({ format: 'date' }),
          sendingAccount: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          receivingAccount: Type.String({ minLength: 4, maxLength: 64 }),
          receivingBic: Type.Optional(Type.String({ minLength: 8, maxLength: 11 })),
          beneficiaryName: Type.String({ minLength: 1, maxLength: 200 }),
          reference: Type.Optional(Type.String({ maxLength: 200 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);

export async function paymentRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    '/payments/cases',
    {
      schema: {
        tags,
        summary:
          "Open a case (the victim's bureau): transactions routed by their receiving country; Idempotency-Key honoured",
        body: OpenBody,
        response: { 201: Type.Object({ id: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = await openCase(ctx, requirePrincipal(request), request.body as OpenCaseInput, meta(request));
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/payments/cases',
    {
      schema: {
        tags,
        summary:
          "Your bureau's queue of requests to act on (most urgent first), the cases it opened, or the parts past a due time (every bureau's for the General Secretariat's reviewers)",
        querystring: Type.Object(
          {
            box: Type.Optional(
              Type.Union([Type.Literal('queue'), Type.Literal('opened'), Type.Literal('overdue')]),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(Type.Record(Type.String(), Type.Unknown())) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { box } = request.query as { box?: 'queue' | 'opened' | 'overdue' };
      return { items: await listCases(ctx, requirePrincipal(request), box ?? 'queue', meta(request)) };
    },
  );

  app.get(
    '/payments/cases/:id',
    {
      schema: {
        tags,
        summary: 'A case: its parts (a receiving bureau sees its own), transactions and timeline',
        params: IdParams,
        response: { 200: Type.Record(Type.String(), Type.Unknown()), ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const principal = requirePrincipal(request);
      const r = await readCase(ctx, principal, id, meta(request));
      return {
        id: r.case.id,
        requestingBureau: r.case.requesting_bureau,
        fraudType: r.case.fraud_type,
        victim: JSON.parse(r.case.victim) as unknown,
        reportedAt: r.case.reported_at,
        summary: r.case.summary,
        parentTransactionId: r.case.parent_transaction_id,
        parentCaseId: r.parentCaseId,
        createdAt: r.case.created_at,
        parts: r.parts.map((x) => ({
          id: x.id,
          receivingBureau: x.receiving_bureau,
          status: x.status,
          ackDueAt: x.ack_due_at,
          answerDueAt: x.answer_due_at,
          acknowledgedAt: x.acknowledged_at,
          forwardedUnit: x.forwarded_unit,
          firstAnswerAt: x.first_answer_at,
          overdue: Boolean(x.overdue_flagged_at || x.answer_overdue_flagged_at),
          actions: partActions(principal, x),
        })),
        transactions: r.transactions.map((t) => ({
          id: t.id,
          partId: t.part_id,
          seq: t.seq,
          amountMinor: t.amount_minor,
          currency: t.currency,
          date: t.date,
          sendingAccount: t.sending_account,
          receivingAccount: t.receiving_account,
          receivingBic: t.receiving_bic,
          receivingCountry: t.receiving_country,
          beneficiaryName: t.beneficiary_name,
          reference: t.reference,
          outcome: t.outcome,
          frozenMinor: t.frozen_minor,
          returnedMinor: t.returned_minor,
          movedToAccount: t.moved_to_account,
          movedToCountry: t.moved_to_country,
          followUpCaseId: t.follow_up_case_id,
        })),
        steps: r.steps.map((s) => ({
          at: s.at,
          action: s.action,
          actor: s.actor_name,
          actorBureau: s.actor_bureau,
          partId: s.part_id,
          transactionId: s.transaction_id,
          details: s.details ? (JSON.parse(s.details) as unknown) : null,
        })),
      };
    },
  );

  app.post(
    '/payments/parts/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Acknowledge a request (receiving bureau)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await acknowledgePart(ctx, requirePrincipal(request), id, meta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/payments/parts/:id/forward',
    {
      schema: {
        tags,
        summary: 'Forward a request to a financial unit of your bureau',
        params: IdParams,
        body: Type.Object({ unitId: IdParam }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { unitId } = request.body as { unitId: string };
      await forwardPart(ctx, requirePrincipal(request), id, unitId, meta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/payments/transactions/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Record what was found for a transaction; "moved_on" opens a chase to the next country',
        params: IdParams,
        body: Type.Object(
          {
            outcome: oneOf(OUTCOMES.filter((o) => o !== 'pending')),
            frozenMinor: Type.Optional(Minor),
            returnedMinor: Type.Optional(Minor),
            movedToAccount: Type.Optional(Type.String({ minLength: 4, maxLength: 64 })),
            movedToBic: Type.Optional(Type.String({ minLength: 8, maxLength: 11 })),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ followUpCaseId: Type.Union([Type.String(), Type.Null()]) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      return recordOutcome(ctx, requirePrincipal(request), id, request.body as OutcomeInput, meta(request));
    },
  );

  app.put(
    '/payments/rates',
    {
      schema: {
        tags,
        summary:
          'Load dated exchange rates to US dollars (the operator: a General Secretariat administrator)',
        body: Type.Object(
          {
            rates: Type.Array(
              Type.Object(
                {
                  day: Type.String({ format: 'date' }),
                  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
                  usdPerUnit: Type.String({
                    pattern: '^\\d{1,9}(\\.\\d{1,12})?$',
                    description: 'US dollars for one unit, e.g. "1.0842"',
                  }),
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 10_000 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ loaded: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => {
      const { rates } = request.body as { rates: RateInput[] };
      return { loaded: await loadRates(ctx, requirePrincipal(request), rates, meta(request)) };
    },
  );

  app.get(
    '/payments/figures',
    {
      schema: {
        tags,
        summary:
          'Amounts frozen and returned by currency and in US dollars, by country, fraud type and month; median minutes to freeze',
        response: { 200: Type.Record(Type.String(), Type.Unknown()), ...errorResponses },
      },
    },
    async (request) => paymentFigures(ctx, requirePrincipal(request), meta(request)),
  );

  app.get(
    '/payments/figures.csv',
    { schema: { tags, summary: 'The figures as CSV', produces: ['text/csv'] } },
    async (request, reply) => {
      const f = await paymentFigures(ctx, requirePrincipal(request), meta(request));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="payment-figures.csv"')
        .send(figuresCsv(f));
    },
  );
}
