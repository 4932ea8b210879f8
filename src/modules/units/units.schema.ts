// API shapes of units. A unit is part of one bureau and may use a set of capabilities.
import { type Static, Type } from '@sinclair/typebox';
import { CAPABILITIES } from '../../platform/auth/principal.js';
import type { UnitTable } from '../../platform/db/schema.js';

export const UNIT_KINDS = [
  'ncb_office',
  'cybercrime',
  'financial_intelligence',
  'counter_terrorism',
  'child_protection',
  'border_post',
  'other',
] as const;

export const CapabilitySchema = Type.Union(
  CAPABILITIES.map((c) => Type.Literal(c)),
  { description: 'A capability a unit may use' },
);
export const CapabilityList = Type.Array(CapabilitySchema, {
  uniqueItems: true,
  maxItems: CAPABILITIES.length,
});
export const UnitKindSchema = Type.Union(UNIT_KINDS.map((k) => Type.Literal(k)));

export const UnitSchema = Type.Object(
  {
    id: Type.String(),
    bureauCode: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    capabilities: Type.Array(Type.String()),
    active: Type.Boolean(),
    version: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Unit' },
);
export type UnitDto = Static<typeof UnitSchema>;

const UnitName = Type.String({ minLength: 2, maxLength: 120, pattern: '\\S' });

export const CreateUnitBody = Type.Object(
  { name: UnitName, kind: UnitKindSchema, capabilities: CapabilityList },
  { additionalProperties: false },
);
export type CreateUnitInput = Static<typeof CreateUnitBody>;

export const UpdateUnitBody = Type.Object(
  {
    name: Type.Optional(UnitName),
    capabilities: Type.Optional(CapabilityList),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUnitInput = Static<typeof UpdateUnitBody>;

export function toUnitDto(row: UnitTable): UnitDto {
  return {
    id: row.id,
    bureauCode: row.bureau_code,
    name: row.name,
    kind: row.kind,
    capabilities: JSON.parse(row.capabilities) as string[],
    active: Boolean(row.active),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
