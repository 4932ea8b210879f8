// API shapes of a bureau.
import { type Static, Type } from '@sinclair/typebox';
import type { BureauTable } from '../../platform/db/schema.js';
import { BUREAU_REGIONS, type BureauRegion } from './bureaus.data.js';

export const BureauCodeSchema = Type.String({
  pattern: '^[A-Z]{2}$',
  description: 'ISO 3166-1 alpha-2 code; XG for the General Secretariat',
  examples: ['FR', 'XG'],
});

export const BureauRegionSchema = Type.Union(
  BUREAU_REGIONS.map((r) => Type.Literal(r)),
  { description: 'INTERPOL region, or general_secretariat' },
);

export const BureauKindSchema = Type.Union([Type.Literal('member'), Type.Literal('general_secretariat')]);

export const BureauNamesSchema = Type.Object(
  {
    ar: Type.String(),
    en: Type.String(),
    fr: Type.String(),
    es: Type.String(),
  },
  { additionalProperties: false },
);

export const BureauSchema = Type.Object(
  {
    code: BureauCodeSchema,
    kind: BureauKindSchema,
    region: BureauRegionSchema,
    names: BureauNamesSchema,
  },
  { $id: 'Bureau', additionalProperties: false },
);
export type BureauDto = Static<typeof BureauSchema>;

export const BureauListSchema = Type.Array(BureauSchema);

/** Route params: /bureaus/:code */
export const BureauCodeParam = Type.Object({ code: BureauCodeSchema }, { additionalProperties: false });
export type BureauCodeParamType = Static<typeof BureauCodeParam>;

/** Query string of the bureau list. */
export const BureauListQuery = Type.Object(
  { region: Type.Optional(BureauRegionSchema) },
  { additionalProperties: false },
);
export type BureauListQueryType = Static<typeof BureauListQuery>;

export function toBureauDto(row: BureauTable): BureauDto {
  return {
    code: row.code,
    kind: row.kind,
    region: row.region as BureauRegion,
    names: { ar: row.name_ar, en: row.name_en, fr: row.name_fr, es: row.name_es },
  };
}
