// Wire shapes of the networks module. A link carries the envelope of a record (owner,
// restriction, handling, grading, purpose) around its two endpoints and its type.
import { Type } from '@sinclair/typebox';
import { HandlingCodeSchema, RestrictionSchema } from '../../platform/policy/access.schema.js';
import { SOURCE_RELIABILITY } from '../records/records.schema.js';
import { ENTITY_KINDS, LINK_TYPES } from './networks.types.js';

const Id = Type.String({ pattern: '^[0-9a-fA-F-]{36}$', description: 'A UUID' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const LinkTypeSchema = Type.Union(LINK_TYPES.map((t) => Type.Literal(t)));
const Reliability = Type.Union(
  SOURCE_RELIABILITY.map((r) => Type.Literal(r)),
  {
    description: 'Source reliability: A reliable, B mostly reliable, C not reliable, X cannot be judged',
  },
);
const Accuracy = Type.Integer({
  minimum: 1,
  maximum: 4,
  description: 'Information accuracy 1 (known true) – 4 (doubtful)',
});
const Purpose = Type.String({
  minLength: 3,
  maxLength: 500,
  description: 'Why (checked by data-protection officers)',
});

/** A node named by kind and id; an identifier may instead be named by its kind and value. */
export const NodeRefSchema = Type.Union([
  Type.Object(
    { kind: Type.Literal('record'), id: Id, database: Type.Optional(Type.String({ maxLength: 40 })) },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('notice'), id: Id }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('payment_case'), id: Id }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('entity'), id: Id }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('entity'),
      entityKind: Type.Union(ENTITY_KINDS.map((k) => Type.Literal(k))),
      value: Type.String({ minLength: 1, maxLength: 254 }),
    },
    { additionalProperties: false },
  ),
]);
export type NodeRefInput = typeof NodeRefSchema.static;

export const CreateLinkBody = Type.Object(
  {
    from: NodeRefSchema,
    to: NodeRefSchema,
    type: LinkTypeSchema,
    validFrom: Type.Optional(Day),
    validTo: Type.Optional(Day),
    sourceReliability: Reliability,
    infoAccuracy: Accuracy,
    restriction: RestrictionSchema,
    handling: HandlingCodeSchema,
    purpose: Purpose,
    notes: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type CreateLinkInput = typeof CreateLinkBody.static;

export const UpdateLinkBody = Type.Object(
  {
    type: Type.Optional(LinkTypeSchema),
    validFrom: Type.Optional(Type.Union([Day, Type.Null()])),
    validTo: Type.Optional(Type.Union([Day, Type.Null()])),
    sourceReliability: Type.Optional(Reliability),
    infoAccuracy: Type.Optional(Accuracy),
    restriction: Type.Optional(RestrictionSchema),
    handling: Type.Optional(HandlingCodeSchema),
    purpose: Type.Optional(Purpose),
    notes: Type.Optional(Type.Union([Type.String({ maxLength: 4000 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateLinkInput = typeof UpdateLinkBody.static;

const AnalysisNode = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('record'),
      Type.Literal('notice'),
      Type.Literal('payment_case'),
      Type.Literal('entity'),
    ]),
    id: Id,
  },
  { additionalProperties: false },
);

export const FiltersSchema = Type.Object(
  {
    types: Type.Optional(Type.Array(LinkTypeSchema, { minItems: 1, uniqueItems: true })),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    minReliability: Type.Optional(Reliability),
    minAccuracy: Type.Optional(Accuracy),
  },
  { additionalProperties: false },
);

export const NeighbourhoodBody = Type.Object(
  {
    node: AnalysisNode,
    hops: Type.Integer({ minimum: 1, maximum: 3 }),
    filters: Type.Optional(FiltersSchema),
    maxNodes: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
    purpose: Purpose,
  },
  { additionalProperties: false },
);

export const PathBody = Type.Object(
  {
    from: AnalysisNode,
    to: AnalysisNode,
    maxHops: Type.Optional(Type.Integer({ minimum: 1, maximum: 8 })),
    filters: Type.Optional(FiltersSchema),
    purpose: Purpose,
  },
  { additionalProperties: false },
);

export const CommonBody = Type.Object(
  { a: AnalysisNode, b: AnalysisNode, filters: Type.Optional(FiltersSchema), purpose: Purpose },
  { additionalProperties: false },
);
