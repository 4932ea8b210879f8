// What the API tells a client about who it is.
import { type Static, Type } from '@sinclair/typebox';
import type { AppContext } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';
import { getBureau } from '../bureaus/bureaus.store.js';
import { findUnitById } from '../units/units.store.js';

const Names = Type.Object({ ar: Type.String(), en: Type.String(), fr: Type.String(), es: Type.String() });

export const PrincipalSchema = Type.Object(
  {
    type: Type.Union([Type.Literal('user'), Type.Literal('api_key')]),
    id: Type.String(),
    name: Type.String(),
    displayName: Type.String(),
    bureau: Type.Object({ code: Type.String(), names: Names }),
    unit: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
    roles: Type.Array(Type.String()),
    capabilities: Type.Array(Type.String()),
    totpEnabled: Type.Boolean(),
  },
  { $id: 'Principal' },
);
export type PrincipalDto = Static<typeof PrincipalSchema>;

export async function describePrincipal(ctx: AppContext, p: Principal): Promise<PrincipalDto> {
  const bureau = await getBureau(ctx.db, p.bureau);
  const unit = p.unitId ? await findUnitById(ctx.db, p.unitId) : undefined;
  let displayName = p.name;
  let totpEnabled = false;
  if (p.type === 'user') {
    const u = await ctx.db
      .selectFrom('users')
      .select(['display_name', 'totp_enabled'])
      .where('id', '=', p.id)
      .executeTakeFirst();
    displayName = u?.display_name ?? p.name;
    totpEnabled = Boolean(u?.totp_enabled);
  }
  return {
    type: p.type,
    id: p.id,
    name: p.name,
    displayName,
    bureau: {
      code: p.bureau,
      names: bureau
        ? { ar: bureau.name_ar, en: bureau.name_en, fr: bureau.name_fr, es: bureau.name_es }
        : { ar: p.bureau, en: p.bureau, fr: p.bureau, es: p.bureau },
    },
    unit: unit ? { id: unit.id, name: unit.name } : null,
    roles: [...p.roles],
    capabilities: [...p.capabilities],
    totpEnabled,
  };
}
