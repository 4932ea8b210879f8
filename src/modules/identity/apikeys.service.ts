// API keys for machines (border systems, national systems): bound to one unit and a set of
// capabilities, shown once, stored as a hash, revocable, with their last use recorded.

import crypto from 'node:crypto';
import type { AppContext, RequestMeta } from '../../context.js';
import { recordChange } from '../../platform/audit/audit.change.js';
import { assertCanAdministerBureau } from '../../platform/auth/admin-scope.js';
import type { Capability, Principal } from '../../platform/auth/principal.js';
import { randomToken, sha256Hex } from '../../platform/crypto/keyring.js';
import type { ApiKeyTable } from '../../platform/db/schema.js';
import { badRequest, conflict, notFoundOrNoAccess } from '../../platform/http/problem.js';
import { nowIso } from '../../platform/time.js';
import { bureauExists } from '../bureaus/bureaus.store.js';
import { findUnit } from '../units/units.store.js';
import { forgetApiKeys } from './apikey-cache.js';
import * as store from './apikeys.store.js';
import { parseCapabilities } from './principals.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function newPrefix(): string {
  const bytes = crypto.randomBytes(8);
  return Array.from(bytes, (b) => ALNUM[b % ALNUM.length]).join('');
}

export async function listApiKeys(ctx: AppContext, principal: Principal, bureau: string) {
  if (!(await bureauExists(ctx.db, bureau))) throw notFoundOrNoAccess();
  assertCanAdministerBureau(principal, bureau);
  return store.listApiKeysOfBureau(ctx.db, bureau);
}

export async function createApiKey(
  ctx: AppContext,
  principal: Principal | null,
  bureau: string,
  input: { name: string; unitId: string; capabilities: Capability[] },
  meta: RequestMeta,
): Promise<{ row: ApiKeyTable; key: string }> {
  if (!(await bureauExists(ctx.db, bureau))) throw notFoundOrNoAccess();
  if (principal) assertCanAdministerBureau(principal, bureau);
  const unit = await findUnit(ctx.db, bureau, input.unitId);
  if (!unit) throw badRequest('unitId', `is not a unit of bureau ${bureau}`);
  if (!unit.active) throw badRequest('unitId', 'is a deactivated unit');
  const unitCaps = new Set(parseCapabilities(unit.capabilities));
  const beyond = input.capabilities.filter((c) => !unitCaps.has(c));
  if (beyond.length) throw badRequest('capabilities', `the unit may not use: ${beyond.join(', ')}`);
  const name = input.name.trim();
  if (await store.activeKeyNamed(ctx.db, bureau, name))
    throw conflict('duplicate_name', `An active API key named "${name}" exists`, 'name');

  const prefix = newPrefix();
  const key = `mk_${prefix}_${randomToken(32)}`;
  const row: ApiKeyTable = {
    id: crypto.randomUUID(),
    bureau_code: bureau,
    unit_id: unit.id,
    name,
    prefix,
    key_hash: sha256Hex(key),
    capabilities: JSON.stringify(input.capabilities),
    created_by: principal?.name ?? 'cli',
    created_at: nowIso(),
    last_used_at: null,
    revoked_at: null,
  };
  await store.insertApiKey(ctx.db, row);
  await recordChange(ctx.audit, principal, 'apikey.create', { type: 'api_key', id: row.id, bureau }, meta, {
    unit: unit.id,
    capabilities: input.capabilities.join(','),
  });
  return { row, key };
}

export async function revokeApiKey(
  ctx: AppContext,
  principal: Principal,
  bureau: string,
  id: string,
  meta: RequestMeta,
) {
  assertCanAdministerBureau(principal, bureau);
  const row = await store.findApiKey(ctx.db, bureau, id);
  if (!row) throw notFoundOrNoAccess();
  if (!row.revoked_at) {
    await store.revokeApiKey(ctx.db, id, nowIso());
    forgetApiKeys(ctx.db);
    await recordChange(ctx.audit, principal, 'apikey.revoke', { type: 'api_key', id, bureau }, meta);
  }
  return (await store.findApiKey(ctx.db, bureau, id))!;
}
