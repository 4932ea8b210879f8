import type { AppContext, RequestMeta } from '../../context.js';
import { recordChange } from '../../platform/audit/audit.change.js';
import { assertCanAdministerBureau, canViewBureauOrganisation } from '../../platform/auth/admin-scope.js';
import type { Principal } from '../../platform/auth/principal.js';
import { staleVersion } from '../../platform/http/etag.js';
import { conflict, notFoundOrNoAccess } from '../../platform/http/problem.js';
import { nowIso } from '../../platform/time.js';
import { bureauExists } from '../bureaus/bureaus.store.js';
import { forgetApiKeys } from '../identity/apikey-cache.js';
import type { CreateUnitInput, UpdateUnitInput } from './units.schema.js';
import * as store from './units.store.js';

async function assertBureau(ctx: AppContext, bureau: string) {
  if (!(await bureauExists(ctx.db, bureau))) throw notFoundOrNoAccess();
}

export async function listUnitsOf(ctx: AppContext, principal: Principal, bureau: string) {
  await assertBureau(ctx, bureau);
  if (!canViewBureauOrganisation(principal, bureau)) throw notFoundOrNoAccess();
  return store.listUnits(ctx.db, bureau);
}

export async function getUnit(ctx: AppContext, principal: Principal, bureau: string, id: string) {
  if (!canViewBureauOrganisation(principal, bureau)) throw notFoundOrNoAccess();
  const unit = await store.findUnit(ctx.db, bureau, id);
  if (!unit) throw notFoundOrNoAccess();
  return unit;
}

export async function createUnit(
  ctx: AppContext,
  principal: Principal,
  bureau: string,
  input: CreateUnitInput,
  meta: RequestMeta,
) {
  await assertBureau(ctx, bureau);
  assertCanAdministerBureau(principal, bureau);
  const name = input.name.trim();
  if (await store.findUnitByName(ctx.db, bureau, name)) {
    throw conflict('duplicate_name', `Bureau ${bureau} already has a unit named "${name}"`, 'name');
  }
  const row = store.newUnitRow(bureau, { name, kind: input.kind, capabilities: input.capabilities });
  await store.insertUnit(ctx.db, row);
  await recordChange(ctx.audit, principal, 'unit.create', { type: 'unit', id: row.id, bureau }, meta, {
    kind: input.kind,
    capabilities: input.capabilities.join(','),
  });
  // The bureau's own people see their organisation change live.
  await ctx.events.publish(
    'organisation.unit_created',
    { unitId: row.id, bureau, name, kind: input.kind },
    { ownerBureau: bureau, restriction: { mode: 'only', bureaus: [bureau] }, handling: 'official' },
  );
  return row;
}

export async function updateUnit(
  ctx: AppContext,
  principal: Principal,
  bureau: string,
  id: string,
  version: number,
  input: UpdateUnitInput,
  meta: RequestMeta,
) {
  assertCanAdministerBureau(principal, bureau);
  const unit = await store.findUnit(ctx.db, bureau, id);
  if (!unit) throw notFoundOrNoAccess();
  if (input.name && input.name.trim() !== unit.name) {
    if (await store.findUnitByName(ctx.db, bureau, input.name.trim())) {
      throw conflict(
        'duplicate_name',
        `Bureau ${bureau} already has a unit named "${input.name.trim()}"`,
        'name',
      );
    }
  }
  const ok = await store.updateUnit(ctx.db, id, version, {
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.capabilities !== undefined ? { capabilities: JSON.stringify(input.capabilities) } : {}),
    ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
    updated_at: nowIso(),
  });
  if (!ok) throw staleVersion();
  // The unit's keys carry its capabilities and its being active: cached keys must be re-read.
  forgetApiKeys(ctx.db);
  await recordChange(ctx.audit, principal, 'unit.update', { type: 'unit', id, bureau }, meta, {
    fields: Object.keys(input).join(','),
  });
  return (await store.findUnit(ctx.db, bureau, id))!;
}
