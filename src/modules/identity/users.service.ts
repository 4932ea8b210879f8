import type { AppContext, RequestMeta } from '../../context.js';
import { recordChange } from '../../platform/audit/audit.change.js';
import { assertCanAdministerBureau } from '../../platform/auth/admin-scope.js';
import {
  GENERAL_SECRETARIAT,
  GS_ONLY_ROLES,
  type Principal,
  type Role,
} from '../../platform/auth/principal.js';
import { staleVersion } from '../../platform/http/etag.js';
import { badRequest, conflict, notFoundOrNoAccess } from '../../platform/http/problem.js';
import { nowIso } from '../../platform/time.js';
import { bureauExists } from '../bureaus/bureaus.store.js';
import { findUnit } from '../units/units.store.js';
import { hashPassword, passwordProblem } from './passwords.js';
import type { CreateUserInput, UpdateUserInput } from './users.schema.js';
import * as store from './users.store.js';

function checkRoles(bureau: string, roles: readonly Role[]) {
  if (bureau !== GENERAL_SECRETARIAT) {
    const gsOnly = roles.filter((r) => GS_ONLY_ROLES.includes(r));
    if (gsOnly.length)
      throw badRequest('roles', `${gsOnly.join(', ')} is only for General Secretariat staff`);
  }
}

async function checkUnit(ctx: AppContext, bureau: string, unitId: string | null | undefined) {
  if (unitId && !(await findUnit(ctx.db, bureau, unitId))) {
    throw badRequest('unitId', `is not a unit of bureau ${bureau}`);
  }
}

async function loadUser(ctx: AppContext, principal: Principal, bureau: string, id: string) {
  assertCanAdministerBureau(principal, bureau);
  const user = await store.findUserById(ctx.db, id);
  if (!user || user.bureau_code !== bureau) throw notFoundOrNoAccess();
  return user;
}

export async function listUsersOf(ctx: AppContext, principal: Principal, bureau: string) {
  if (!(await bureauExists(ctx.db, bureau))) throw notFoundOrNoAccess();
  assertCanAdministerBureau(principal, bureau);
  return store.listUsersOfBureau(ctx.db, bureau);
}

export async function createUser(
  ctx: AppContext,
  principal: Principal | null,
  bureau: string,
  input: CreateUserInput,
  meta: RequestMeta,
) {
  if (!(await bureauExists(ctx.db, bureau))) throw notFoundOrNoAccess();
  // principal null: the CLI, run by the operator on the server itself.
  if (principal) assertCanAdministerBureau(principal, bureau);
  checkRoles(bureau, input.roles);
  const pwProblem = passwordProblem(input.password);
  if (pwProblem) throw badRequest('password', pwProblem);
  await checkUnit(ctx, bureau, input.unitId);
  const username = input.username.toLowerCase();
  if (await store.findUserByUsername(ctx.db, username)) {
    throw conflict('duplicate_username', `The username "${username}" is taken`, 'username');
  }
  const row = store.newUserRow({
    bureau,
    unitId: input.unitId ?? null,
    username,
    displayName: input.displayName.trim(),
    passwordHash: await hashPassword(input.password),
    roles: input.roles,
  });
  await store.insertUser(ctx.db, row);
  await recordChange(ctx.audit, principal, 'user.create', { type: 'user', id: row.id, bureau }, meta, {
    roles: input.roles.join(','),
  });
  return row;
}

export async function updateUser(
  ctx: AppContext,
  principal: Principal,
  bureau: string,
  id: string,
  version: number,
  input: UpdateUserInput,
  meta: RequestMeta,
) {
  await loadUser(ctx, principal, bureau, id);
  if (input.roles) checkRoles(bureau, input.roles);
  await checkUnit(ctx, bureau, input.unitId);
  if (id === principal.id && input.active === false)
    throw badRequest('active', 'you cannot deactivate yourself');
  const ok = await store.updateUser(ctx.db, id, version, {
    ...(input.displayName !== undefined ? { display_name: input.displayName.trim() } : {}),
    ...(input.roles !== undefined ? { roles: JSON.stringify(input.roles) } : {}),
    ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
    ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
    updated_at: nowIso(),
  });
  if (!ok) throw staleVersion();
  // A change of who someone is must take effect now, not at their next sign-in.
  if (input.active === false || input.roles || input.unitId !== undefined)
    await store.deleteSessionsOfUser(ctx.db, id);
  await recordChange(ctx.audit, principal, 'user.update', { type: 'user', id, bureau }, meta, {
    fields: Object.keys(input).join(','),
    ...(input.roles ? { roles: input.roles.join(',') } : {}),
  });
  return (await store.findUserById(ctx.db, id))!;
}

export async function unlockUser(
  ctx: AppContext,
  principal: Principal,
  bureau: string,
  id: string,
  meta: RequestMeta,
) {
  await loadUser(ctx, principal, bureau, id);
  await store.clearFailedSignIns(ctx.db, id);
  await recordChange(ctx.audit, principal, 'user.unlock', { type: 'user', id, bureau }, meta);
  return (await store.findUserById(ctx.db, id))!;
}

export async function resetTotp(
  ctx: AppContext,
  principal: Principal,
  bureau: string,
  id: string,
  meta: RequestMeta,
) {
  await loadUser(ctx, principal, bureau, id);
  await store.updateUser(ctx.db, id, null, {
    totp_secret: null,
    totp_enabled: 0,
    totp_last_step: null,
    updated_at: nowIso(),
  });
  await store.deleteSessionsOfUser(ctx.db, id);
  await recordChange(ctx.audit, principal, 'user.reset_totp', { type: 'user', id, bureau }, meta);
  return (await store.findUserById(ctx.db, id))!;
}
