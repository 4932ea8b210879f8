// Wire shapes of the notices API (TypeBox): bodies are strict; `data` is checked per type by
// notices.validate.ts so that its errors name the field inside it.
import { type Static, Type } from '@sinclair/typebox';
import type { NoticeFileTable, NoticeStepTable, NoticeTable } from '../../platform/db/schema.js';
import { NOTICE_KINDS, NOTICE_STATUSES, NOTICE_TYPES } from './notice.types.js';
import { NOTICE_ACTIONS } from './notice.workflow.js';
import { toNotice } from './notices.row.js';

const lit = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const Data = Type.Object(
  {},
  { additionalProperties: true, description: 'Typed per notice type: GET /notices/types' },
);
const Recipients = Type.Array(Type.String({ pattern: '^[A-Za-z]{2}$' }), {
  maxItems: 200,
  description: 'Diffusions: ISO alpha-2 codes of the bureaus it goes to',
});
const Handling = Type.Union([Type.Literal('official'), Type.Literal('restricted')]);
const Language = Type.Union([Type.Literal('ar'), Type.Literal('en'), Type.Literal('fr'), Type.Literal('es')]);

export const CreateNoticeBody = Type.Object(
  {
    kind: lit(NOTICE_KINDS),
    type: lit(NOTICE_TYPES),
    data: Data,
    recipients: Type.Optional(Recipients),
    publicExtract: Type.Optional(
      Type.Boolean({
        description: 'Red, yellow and UN notices: the requesting bureau agrees to a public extract',
      }),
    ),
    handling: Type.Optional(Handling),
    language: Type.Optional(Language),
  },
  { additionalProperties: false },
);
export type CreateNoticeInput = Static<typeof CreateNoticeBody>;

export const UpdateNoticeBody = Type.Object(
  {
    data: Type.Optional(Data),
    recipients: Type.Optional(Recipients),
    publicExtract: Type.Optional(Type.Boolean()),
    handling: Type.Optional(Handling),
    language: Type.Optional(Language),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateNoticeInput = Static<typeof UpdateNoticeBody>;

export const StepBody = Type.Object(
  {
    action: lit(NOTICE_ACTIONS),
    reason: Type.Optional(
      Type.String({
        minLength: 3,
        maxLength: 4000,
        description: 'Required to refuse, request information, cancel, withdraw or extend',
      }),
    ),
  },
  { additionalProperties: false },
);

const Nullable = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()]);

export const NoticeSummarySchema = Type.Object({
  id: Type.String(),
  controlNumber: Nullable(Type.String()),
  kind: Type.String(),
  type: Type.String(),
  status: lit(NOTICE_STATUSES),
  requestingBureau: Type.String(),
  title: Type.String(),
  publicExtract: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  reviewDate: Nullable(Type.String()),
  version: Type.Integer(),
});

const StepSchema = Type.Object({
  at: Type.String(),
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Type.String(),
  actor: Type.String(),
  actorBureau: Type.String(),
  comment: Nullable(Type.String()),
});
const PhotoSchema = Type.Object({
  id: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  createdAt: Type.String(),
});

export const NoticeSchema = Type.Composite([
  NoticeSummarySchema,
  Type.Object({
    requestingUnit: Nullable(Type.String()),
    data: Type.Record(Type.String(), Type.Unknown()),
    recipients: Type.Array(Type.String()),
    handling: Type.String(),
    language: Type.String(),
    submittedAt: Nullable(Type.String()),
    reviewer: Nullable(Type.String()),
    steps: Type.Array(StepSchema),
    photos: Type.Array(PhotoSchema),
    actions: Type.Array(Type.String(), { description: 'What you may do with it now' }),
    editable: Type.Boolean({ description: 'Whether you may change its content now' }),
  }),
]);

export function toSummaryDto(row: NoticeTable) {
  return {
    id: row.id,
    controlNumber: row.control_number,
    kind: row.kind,
    type: row.type,
    status: row.status as (typeof NOTICE_STATUSES)[number],
    requestingBureau: row.requesting_bureau,
    title: row.title,
    publicExtract: row.public_extract === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    reviewDate: row.review_date,
    version: row.version,
  };
}

export function toNoticeDto(
  row: NoticeTable,
  steps: NoticeStepTable[],
  photos: Pick<NoticeFileTable, 'id' | 'media_type' | 'size' | 'created_at'>[],
  actions: string[],
  editable: boolean,
) {
  const n = toNotice(row);
  return {
    ...toSummaryDto(row),
    requestingUnit: n.requestingUnit,
    data: n.data as Record<string, unknown>,
    recipients: n.recipients,
    handling: n.handling,
    language: n.language,
    submittedAt: n.submittedAt,
    reviewer: n.reviewer,
    steps: steps.map((s) => ({
      at: s.at,
      action: s.action,
      fromStatus: s.from_status,
      toStatus: s.to_status,
      actor: s.actor_name,
      actorBureau: s.actor_bureau,
      comment: s.comment,
    })),
    photos: photos.map((f) => ({ id: f.id, mediaType: f.media_type, size: f.size, createdAt: f.created_at })),
    actions,
    editable,
  };
}
