// HTTP for messaging: send, boxes, one message, acknowledge, forward, permissions, the GS grant,
// attachments, templates and the bureaus' published signing keys. Thin: validate, call, shape.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext, RequestMeta } from '../../context.js';
import { notFoundOrNoAccess } from '../../platform/http/problem.js';
import { BureauCode, errorResponses, IdParam } from '../../platform/http/schemas.js';
import { requirePrincipal } from '../identity/auth.hook.js';
import { publishedKeys, rotateBureauKey } from './bureau-keys.js';
import {
  acknowledge,
  forward,
  grantGeneralSecretariat,
  permitOnwardTransmission,
} from './messaging.actions.js';
import { startDeliveryMarks } from './messaging.delivery.js';
import { listBox, messagingUnits, readAttachment, readMessage, unread } from './messaging.read.js';
import {
  AddresseesSchema,
  MessageSchema,
  MessageSummarySchema,
  SendBody,
  type SendBodyInput,
  toMessageDto,
  toSummaryDto,
} from './messaging.schema.js';
import { MAX_ATTACHMENT_BYTES, sendMessage } from './messaging.send.js';
import { renderTemplate, TEMPLATES, templateOf } from './messaging.templates.js';
import { MESSAGE_LANGUAGES, type MessageLanguage } from './messaging.types.js';

const IdParams = Type.Object({ id: IdParam }, { additionalProperties: false });
const meta = (request: FastifyRequest, purpose?: string): RequestMeta => ({ requestId: request.id, purpose });
const tags = ['messaging'];

export async function messagingRoutes(app: FastifyInstance, ctx: AppContext) {
  startDeliveryMarks(app, ctx);

  app.post(
    '/messages',
    {
      // Up to five files of 10 MiB, base64 (4/3), but one call carries at most 24 MiB.
      bodyLimit: 24 * 1024 * 1024 + 64 * 1024,
      schema: {
        tags,
        summary:
          'Send a message (signed by your bureau; durable once answered 201; Idempotency-Key honoured)',
        body: SendBody,
        response: { 201: MessageSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const { message, deliveries, attachments } = await sendMessage(ctx, p, request.body as SendBodyInput, {
        ...meta(request),
        idempotency: request.idempotency,
      });
      const signature = { kid: message.kid, bureau: message.sender_bureau, valid: true };
      return reply.status(201).send(toMessageDto(message, deliveries, attachments, signature, false));
    },
  );

  app.get(
    '/messages',
    {
      schema: {
        tags,
        summary: 'Your bureau’s inbox or sent messages; a thread; a search within them',
        querystring: Type.Object(
          {
            box: Type.Optional(Type.Union([Type.Literal('inbox'), Type.Literal('sent')])),
            thread: Type.Optional(IdParam),
            q: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
            unread: Type.Optional(Type.Literal('true')),
            before: Type.Optional(IdParam),
            limit: Type.Optional(Type.String({ pattern: '^(?:[1-9]\\d?|100)$' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(MessageSummarySchema),
            next: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      const q = request.query as Record<string, string | undefined>;
      const out = await listBox(
        ctx,
        p,
        {
          box: (q.box ?? 'inbox') as 'inbox' | 'sent',
          threadId: q.thread,
          search: q.q,
          unread: q.unread === 'true',
          before: q.before,
          limit: q.limit ? Number(q.limit) : 50,
        },
        meta(request),
      );
      return { items: out.items.map((i) => toSummaryDto(i.message, i.recipients, p.bureau)), next: out.next };
    },
  );

  app.get(
    '/messages/unread',
    {
      schema: {
        tags,
        summary: 'How many messages your bureau (or unit) has not read',
        response: { 200: Type.Object({ count: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => ({ count: await unread(ctx, requirePrincipal(request)) }),
  );

  app.get(
    '/messages/:id',
    {
      schema: {
        tags,
        summary:
          'Read a message: its signature checked, the delivery state of every recipient (reading it marks it read for your bureau)',
        params: IdParams,
        response: { 200: MessageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const r = await readMessage(ctx, requirePrincipal(request), id, meta(request));
      return toMessageDto(r.message, r.recipients, r.attachments, r.signature, r.granted);
    },
  );

  app.post(
    '/messages/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Acknowledge a message your bureau received',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await acknowledge(ctx, requirePrincipal(request), id, meta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/messages/:id/forward',
    {
      schema: {
        tags,
        summary:
          'Pass a message on (refused without the sender’s permission when marked not to be passed on)',
        params: IdParams,
        body: Type.Object(
          {
            to: AddresseesSchema,
            cc: Type.Optional(AddresseesSchema),
            comment: Type.Optional(Type.String({ maxLength: 10_000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: MessageSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const p = requirePrincipal(request);
      const body = request.body as Parameters<typeof forward>[3];
      const { message, deliveries, attachments } = await forward(ctx, p, id, body, meta(request));
      return reply
        .status(201)
        .send(
          toMessageDto(
            message,
            deliveries,
            attachments,
            { kid: message.kid, bureau: message.sender_bureau, valid: true },
            false,
          ),
        );
    },
  );

  app.post(
    '/messages/:id/permissions',
    {
      schema: {
        tags,
        summary: 'Let a bureau pass your message on (sender’s bureau)',
        params: IdParams,
        body: Type.Object(
          { bureau: Type.String({ pattern: '^[A-Za-z]{2}$' }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { bureau } = request.body as { bureau: string };
      await permitOnwardTransmission(ctx, requirePrincipal(request), id, bureau, meta(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/messages/:id/grant-gs',
    {
      schema: {
        tags,
        summary:
          'Let the General Secretariat read this exchange (its whole thread); a party’s decision, audited',
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 3, maxLength: 1000 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { reason } = request.body as { reason: string };
      await grantGeneralSecretariat(ctx, requirePrincipal(request), id, reason, meta(request));
      return reply.status(204).send();
    },
  );

  app.get(
    '/messages/:id/attachments/:fileId',
    {
      schema: {
        tags,
        summary: `A file of a message (decrypted; at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB)`,
        params: Type.Object({ id: IdParam, fileId: IdParam }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const { id, fileId } = request.params as { id: string; fileId: string };
      const f = await readAttachment(ctx, requirePrincipal(request), id, fileId, meta(request));
      return reply
        .header('content-type', f.media_type)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(f.name)}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(f.bytes);
    },
  );

  app.get(
    '/messaging/templates',
    {
      schema: {
        tags,
        summary: 'Templates for the common exchanges, with their fields and titles in four languages',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                fields: Type.Array(Type.String()),
                title: Type.Record(Type.String(), Type.String()),
                languages: Type.Array(Type.String()),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      requirePrincipal(request);
      return {
        items: TEMPLATES.map((t) => ({
          id: t.id,
          fields: t.fields,
          title: t.title,
          languages: Object.keys(t.body),
        })),
      };
    },
  );

  app.post(
    '/messaging/templates/:id/render',
    {
      schema: {
        tags,
        summary: 'Fill a template in a language (English where it has no translation)',
        params: Type.Object(
          { id: Type.String({ pattern: '^[a-z_]{2,60}$' }) },
          { additionalProperties: false },
        ),
        body: Type.Object(
          {
            language: Type.Unsafe<MessageLanguage>({ type: 'string', enum: [...MESSAGE_LANGUAGES] }),
            fields: Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 10_000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ language: Type.String(), subject: Type.String(), body: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      requirePrincipal(request);
      const { id } = request.params as { id: string };
      const t = templateOf(id);
      if (!t) throw notFoundOrNoAccess();
      const { language, fields } = request.body as {
        language: MessageLanguage;
        fields: Record<string, string>;
      };
      return renderTemplate(t, language, fields);
    },
  );

  app.get(
    '/messaging/units',
    {
      schema: {
        tags,
        summary: 'The address book: units of a bureau that receive messages (the messaging capability)',
        querystring: Type.Object({ bureau: BureauCode }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                bureauCode: Type.String(),
                name: Type.String(),
                kind: Type.String(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { bureau } = request.query as { bureau: string };
      return { items: await messagingUnits(ctx, requirePrincipal(request), bureau) };
    },
  );

  app.get(
    '/messaging/keys',
    {
      schema: {
        tags,
        summary: 'Every bureau’s published signing keys (JWK, Ed25519), current and retired',
        querystring: Type.Object({ bureau: Type.Optional(BureauCode) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...errorResponses },
      },
    },
    async (request) => {
      requirePrincipal(request);
      const { bureau } = request.query as { bureau?: string };
      return { items: await publishedKeys(ctx, bureau) };
    },
  );

  app.post(
    '/bureaus/:code/keys/rotate',
    {
      schema: {
        tags,
        summary: 'Replace a bureau’s signing key pair (its administrators); old messages still verify',
        params: Type.Object({ code: BureauCode }, { additionalProperties: false }),
        response: { 200: Type.Object({ kid: Type.String() }), ...errorResponses },
      },
    },
    async (request) => {
      const { code } = request.params as { code: string };
      return { kid: await rotateBureauKey(ctx, requirePrincipal(request), code, meta(request)) };
    },
  );
}
