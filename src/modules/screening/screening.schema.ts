// Wire shape of a screening answer (also what makes serialising 10,000 items fast).
import { Type } from '@sinclair/typebox';
import { RecordSchema } from '../records/records.schema.js';

const Reason = Type.Object({ field: Type.String(), message: Type.String() });

const Hit = Type.Object({
  check: Type.Union([Type.Literal('document'), Type.Literal('vehicle'), Type.Literal('person')]),
  database: Type.String(),
  ownerBureau: Type.String(),
  recordId: Type.String(),
  hitId: Type.Union([Type.String(), Type.Null()]),
  access: Type.Union([Type.Literal('see'), Type.Literal('exists')], {
    description: 'exists: contact the owner bureau',
  }),
  match: Type.String({ description: '"exact", or the person score as text' }),
  score: Type.Optional(Type.Number()),
  reasons: Type.Optional(Type.Array(Type.String())),
  label: Type.Optional(Type.String()),
  record: Type.Optional(RecordSchema),
});

const DocumentRead = Type.Object({
  number: Type.String(),
  issuingCountry: Type.String(),
  type: Type.Optional(Type.String()),
});

const PersonRead = Type.Object({
  name: Type.String(),
  dateOfBirth: Type.Optional(Type.String()),
  nationality: Type.Optional(Type.String()),
  sex: Type.Optional(Type.String()),
});

export const ScreeningAnswerSchema = Type.Object({
  summary: Type.Object({
    checked: Type.Integer(),
    hits: Type.Integer(),
    noHits: Type.Integer(),
    invalid: Type.Integer(),
  }),
  items: Type.Array(
    Type.Object({
      index: Type.Integer(),
      status: Type.Union([Type.Literal('no_hit'), Type.Literal('hit'), Type.Literal('invalid')]),
      reasons: Type.Optional(Type.Array(Reason)),
      hits: Type.Optional(Type.Array(Hit)),
      document: Type.Optional(DocumentRead),
      person: Type.Optional(PersonRead),
    }),
  ),
});
