// Wire shapes of the messaging API.
import { type Static, Type } from '@sinclair/typebox';
import type {
  MessageAttachmentTable,
  MessageRecipientTable,
  MessageTable,
} from '../../platform/db/schema.js';
import { IdParam } from '../../platform/http/schemas.js';
import {
  MESSAGE_HANDLING,
  MESSAGE_LANGUAGES,
  PRIORITIES,
  REFERENCE_TYPES,
  REGIONS,
} from './messaging.types.js';

const oneOf = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

export const AddresseesSchema = Type.Object(
  {
    bureaus: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Za-z]{2}$' }), { maxItems: 200, uniqueItems: true }),
    ),
    units: Type.Optional(Type.Array(IdParam, { maxItems: 100, uniqueItems: true })),
    regions: Type.Optional(Type.Array(oneOf(REGIONS), { maxItems: 5, uniqueItems: true })),
    allBureaus: Type.Optional(Type.Boolean()),
    generalSecretariat: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const SendBody = Type.Object(
  {
    to: AddresseesSchema,
    cc: Type.Optional(AddresseesSchema),
    subject: Type.String({ minLength: 1, maxLength: 300 }),
    body: Type.String({ minLength: 1, maxLength: 100_000 }),
    language: oneOf(MESSAGE_LANGUAGES),
    priority: oneOf(PRIORITIES, 'routine, urgent or immediate'),
    handling: oneOf(MESSAGE_HANDLING, 'What the recipients may do with it'),
    handlingNote: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    references: Type.Optional(
      Type.Array(
        Type.Object(
          { type: oneOf(REFERENCE_TYPES), id: Type.String({ minLength: 1, maxLength: 100 }) },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    inReplyTo: Type.Optional(IdParam),
    template: Type.Optional(Type.String({ maxLength: 60 })),
    attachments: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            contentBase64: Type.String({ minLength: 4, pattern: '^[A-Za-z0-9+/]*={0,2}$' }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 5 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type SendBodyInput = Static<typeof SendBody>;

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const RecipientSchema = Type.Object({
  bureau: Type.String(),
  unit: Nullable(Type.String()),
  copy: Type.Boolean(),
  deliveredAt: Nullable(Type.String()),
  readAt: Nullable(Type.String()),
  acknowledgedAt: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
});

export const MessageSummarySchema = Type.Object({
  id: Type.String(),
  threadId: Type.String(),
  inReplyTo: Nullable(Type.String()),
  senderBureau: Type.String(),
  senderName: Type.String(),
  subject: Type.String(),
  snippet: Type.String(),
  priority: Type.String(),
  handling: Type.String(),
  createdAt: Type.String(),
  recipientCount: Type.Integer(),
  /** The reader's own delivery, when its bureau is a recipient. */
  mine: Type.Union([RecipientSchema, Type.Null()]),
});

export const MessageSchema = Type.Object({
  id: Type.String(),
  threadId: Type.String(),
  inReplyTo: Nullable(Type.String()),
  forwardedFrom: Nullable(Type.String()),
  sender: Type.Object({ bureau: Type.String(), unit: Nullable(Type.String()), name: Type.String() }),
  addressed: Type.Unknown(),
  subject: Type.String(),
  body: Type.String(),
  language: Type.String(),
  priority: Type.String(),
  handling: Type.String(),
  handlingNote: Nullable(Type.String()),
  references: Type.Array(Type.Object({ type: Type.String(), id: Type.String() })),
  template: Nullable(Type.String()),
  createdAt: Type.String(),
  recipients: Type.Array(RecipientSchema),
  attachments: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      mediaType: Type.String(),
      size: Type.Integer(),
      sha256: Type.String(),
    }),
  ),
  signature: Type.Object({ kid: Type.String(), bureau: Type.String(), valid: Type.Boolean() }),
  gsAccess: Type.Boolean({ description: 'Whether the General Secretariat may read this exchange' }),
});

export function toRecipientDto(r: MessageRecipientTable) {
  return {
    bureau: r.bureau,
    unit: r.unit === '' ? null : r.unit,
    copy: r.copy === 1,
    deliveredAt: r.delivered_at,
    readAt: r.read_at,
    acknowledgedAt: r.acknowledged_at,
    answeredAt: r.answered_at,
  };
}

export function toSummaryDto(m: MessageTable, recipients: MessageRecipientTable[], readerBureau: string) {
  const mine = recipients.find((r) => r.bureau === readerBureau);
  return {
    id: m.id,
    threadId: m.thread_id,
    inReplyTo: m.in_reply_to,
    senderBureau: m.sender_bureau,
    senderName: m.sender_name,
    subject: m.subject,
    snippet: m.body.slice(0, 160),
    priority: m.priority,
    handling: m.handling,
    createdAt: m.created_at,
    recipientCount: recipients.length,
    mine: mine ? toRecipientDto(mine) : null,
  };
}

export function toMessageDto(
  m: MessageTable,
  recipients: MessageRecipientTable[],
  attachments: Pick<MessageAttachmentTable, 'id' | 'name' | 'media_type' | 'size' | 'sha256'>[],
  signature: { kid: string; bureau: string; valid: boolean },
  granted: boolean,
) {
  return {
    id: m.id,
    threadId: m.thread_id,
    inReplyTo: m.in_reply_to,
    forwardedFrom: m.forwarded_from,
    sender: { bureau: m.sender_bureau, unit: m.sender_unit, name: m.sender_name },
    addressed: JSON.parse(m.addressed) as unknown,
    subject: m.subject,
    body: m.body,
    language: m.language,
    priority: m.priority,
    handling: m.handling,
    handlingNote: m.handling_note,
    references: JSON.parse(m.refs) as { type: string; id: string }[],
    template: m.template,
    createdAt: m.created_at,
    recipients: recipients.map(toRecipientDto),
    attachments: attachments.map((a) => ({
      id: a.id,
      name: a.name,
      mediaType: a.media_type,
      size: a.size,
      sha256: a.sha256,
    })),
    signature,
    gsAccess: m.gs_party === 1 || granted,
  };
}
