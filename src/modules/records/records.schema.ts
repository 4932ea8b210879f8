// Wire shapes of records: the envelope every database shares (owner, sharing, grading,
// review) around the database-specific `data`, which the service validates per database.
import { type Static, Type } from '@sinclair/typebox';
import { HandlingCodeSchema, RestrictionSchema } from '../../platform/policy/access.schema.js';
import { DATABASE_IDS } from './catalogue/catalogue.types.js';

export const DatabaseIdSchema = Type.Union(
  DATABASE_IDS.map((id) => Type.Literal(id)),
  { description: 'One of the 19 databases' },
);

export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'X'] as const;
const Reliability = Type.Union(
  SOURCE_RELIABILITY.map((r) => Type.Literal(r)),
  {
    description: 'Source reliability: A reliable, B mostly reliable, C not reliable, X cannot be judged',
  },
);
const Accuracy = Type.Integer({
  minimum: 1,
  maximum: 4,
  description:
    'Information accuracy: 1 known true, 2 known to the source but not the officer, 3 not known, 4 doubtful',
});
const IsoDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Reference = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^\\S(.*\\S)?$',
  description: "The owner bureau's own reference number, unique per database",
});
const Purpose = Type.String({
  minLength: 3,
  maxLength: 500,
  description: 'Why the data is recorded (or searched): checked by data-protection officers',
});
const RecordData = Type.Object({}, { additionalProperties: true, description: 'Typed per database' });

export const CreateRecordBody = Type.Object(
  {
    reference: Reference,
    restriction: RestrictionSchema,
    handling: HandlingCodeSchema,
    purpose: Purpose,
    legalBasis: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    reviewDate: Type.Optional(IsoDay),
    sourceReliability: Reliability,
    infoAccuracy: Accuracy,
    data: RecordData,
  },
  { additionalProperties: false },
);
export type CreateRecordInput = Static<typeof CreateRecordBody>;

export const UpdateRecordBody = Type.Object(
  {
    restriction: Type.Optional(RestrictionSchema),
    handling: Type.Optional(HandlingCodeSchema),
    purpose: Type.Optional(Purpose),
    legalBasis: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 500 }), Type.Null()])),
    reviewDate: Type.Optional(IsoDay),
    sourceReliability: Type.Optional(Reliability),
    infoAccuracy: Type.Optional(Accuracy),
    data: Type.Optional(RecordData),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRecordInput = Static<typeof UpdateRecordBody>;

export const CloseRecordBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 40, description: "One of the database's close reasons" }),
  },
  { additionalProperties: false },
);

export const FieldIssueSchema = Type.Object({ field: Type.String(), message: Type.String() });

export const RecordSchema = Type.Object(
  {
    access: Type.Literal('see'),
    id: Type.String(),
    database: Type.String(),
    reference: Type.String(),
    ownerBureau: Type.String(),
    ownerUnit: Type.Union([Type.String(), Type.Null()]),
    status: Type.Union([Type.Literal('active'), Type.Literal('closed')]),
    closeReason: Type.Union([Type.String(), Type.Null()]),
    closedAt: Type.Union([Type.String(), Type.Null()]),
    restriction: RestrictionSchema,
    handling: HandlingCodeSchema,
    purpose: Type.String(),
    legalBasis: Type.Union([Type.String(), Type.Null()]),
    reviewDate: Type.String(),
    sourceReliability: Type.String(),
    infoAccuracy: Type.Integer(),
    data: Type.Record(Type.String(), Type.Unknown()),
    warnings: Type.Array(FieldIssueSchema),
    label: Type.String(),
    version: Type.Integer(),
    createdAt: Type.String(),
    createdBy: Type.String(),
    updatedAt: Type.String(),
    updatedBy: Type.String(),
  },
  { $id: 'Record' },
);
export type RecordDto = Static<typeof RecordSchema>;

/** What a principal the policy answers `exists` for learns: that the owner holds something. */
export const RecordExistsSchema = Type.Object(
  {
    access: Type.Literal('exists'),
    id: Type.String(),
    database: Type.String(),
    ownerBureau: Type.String(),
  },
  { $id: 'RecordExists' },
);
export type RecordExistsDto = Static<typeof RecordExistsSchema>;

export const RecordOrExists = Type.Union([Type.Ref('Record'), Type.Ref('RecordExists')]);

export const RecordVersionSchema = Type.Object({
  version: Type.Integer(),
  change: Type.String(),
  at: Type.String(),
  by: Type.String(),
  record: Type.Record(Type.String(), Type.Unknown()),
});
