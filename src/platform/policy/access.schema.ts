// Wire shapes of the access descriptor, for API bodies and stored JSON, and the one check
// a schema cannot express (an owner must not restrict itself away).
import { type Static, Type } from '@sinclair/typebox';
import { CAPABILITIES } from '../auth/principal.js';
import { HANDLING_CODES, type Restriction } from './access.js';

export const HandlingCodeSchema = Type.Union(HANDLING_CODES.map((h) => Type.Literal(h)));

/** Upper-case ISO 3166 alpha-2 (the General Secretariat's user-assigned 'XG' included). */
const BureauCode = Type.String({ pattern: '^[A-Z]{2}$' });
// 200 is above the number of member bureaus; it bounds the work of each policy check.
const BureauList = Type.Array(BureauCode, { minItems: 1, maxItems: 200, uniqueItems: true });

export const RestrictionSchema = Type.Union([
  Type.Object({ mode: Type.Literal('everyone') }, { additionalProperties: false }),
  Type.Object({ mode: Type.Literal('only'), bureaus: BureauList }, { additionalProperties: false }),
  Type.Object({ mode: Type.Literal('except'), bureaus: BureauList }, { additionalProperties: false }),
]);

export const AccessDescriptorSchema = Type.Object(
  {
    ownerBureau: BureauCode,
    restriction: RestrictionSchema,
    handling: HandlingCodeSchema,
    capability: Type.Optional(Type.Union(CAPABILITIES.map((c) => Type.Literal(c)))),
  },
  { additionalProperties: false },
);
export type AccessDescriptorDto = Static<typeof AccessDescriptorSchema>;

/**
 * A human message when the owner bureau restricts itself away, else null. The owner always sees
 * its data (rule 4), so leaving it out of an 'only' list is fine; naming it in an 'except' list
 * is a mistake worth telling the user about rather than silently ignoring.
 */
export function validateRestriction(owner: string, r: Restriction): string | null {
  if (r.mode !== 'except') return null;
  const o = owner.toUpperCase();
  return r.bureaus.some((b) => b.toUpperCase() === o)
    ? `The owner bureau ${o} cannot exclude itself: it always sees its own data.`
    : null;
}
