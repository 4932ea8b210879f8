// SQL for users and sessions. Takes the database or a transaction as first argument.
import crypto from 'node:crypto';
import type { Executor, SessionTable, UnitTable, UserTable } from '../../platform/db/schema.js';
import { nowIso } from '../../platform/time.js';

export type UserRow = UserTable;

/** A new, active, unlocked user row at version 1; `totpSecret` is already encrypted. */
export function newUserRow(fields: {
  bureau: string;
  unitId: string | null;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: readonly string[];
  totpSecret?: string | null;
}): UserRow {
  const now = nowIso();
  return {
    id: crypto.randomUUID(),
    bureau_code: fields.bureau,
    unit_id: fields.unitId,
    username: fields.username.toLowerCase(),
    display_name: fields.displayName,
    password_hash: fields.passwordHash,
    roles: JSON.stringify(fields.roles),
    totp_secret: fields.totpSecret ?? null,
    totp_enabled: fields.totpSecret ? 1 : 0,
    totp_last_step: null,
    failed_attempts: 0,
    locked_until: null,
    active: 1,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

export function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsersOfBureau(db: Executor, bureau: string) {
  return db.selectFrom('users').selectAll().where('bureau_code', '=', bureau).orderBy('username').execute();
}

export async function insertUser(db: Executor, row: UserRow) {
  await db.insertInto('users').values(row).execute();
}

/** Updates a user only when `version` still matches; returns false when someone else changed it first. */
export async function updateUser(
  db: Executor,
  id: string,
  version: number | null,
  patch: Partial<Omit<UserRow, 'id' | 'version'>>,
): Promise<boolean> {
  let q = db
    .updateTable('users')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (version !== null) q = q.where('version', '=', version);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function recordFailedSignIn(db: Executor, id: string, lockUntil: string | null) {
  await db
    .updateTable('users')
    .set((eb) => ({
      failed_attempts: eb('failed_attempts', '+', 1),
      ...(lockUntil ? { locked_until: lockUntil } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

export async function clearFailedSignIns(db: Executor, id: string) {
  await db
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: null })
    .where('id', '=', id)
    .execute();
}

export async function insertSession(db: Executor, row: SessionTable) {
  await db.insertInto('sessions').values(row).execute();
}

export interface SessionWithUser {
  session: SessionTable;
  user: UserRow;
  unit: Pick<UnitTable, 'id' | 'name' | 'capabilities' | 'active'> | null;
}

export async function findSessionWithUser(
  db: Executor,
  sessionId: string,
): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('units as n', 'n.id', 'u.unit_id')
    .select([
      's.id as s_id',
      's.user_id as s_user_id',
      's.stage as s_stage',
      's.created_at as s_created_at',
      's.last_seen_at as s_last_seen_at',
      's.expires_at as s_expires_at',
      'n.id as n_id',
      'n.name as n_name',
      'n.capabilities as n_capabilities',
      'n.active as n_active',
    ])
    .selectAll('u')
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    s_id,
    s_user_id,
    s_stage,
    s_created_at,
    s_last_seen_at,
    s_expires_at,
    n_id,
    n_name,
    n_capabilities,
    n_active,
    ...user
  } = row;
  return {
    session: {
      id: s_id,
      user_id: s_user_id,
      stage: s_stage,
      created_at: s_created_at,
      last_seen_at: s_last_seen_at,
      expires_at: s_expires_at,
    },
    user: user as UserRow,
    unit: n_id
      ? { id: n_id, name: n_name ?? '', capabilities: n_capabilities ?? '[]', active: n_active ?? 0 }
      : null,
  };
}

export async function touchSession(db: Executor, sessionId: string, at: string) {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export async function setSessionStage(db: Executor, sessionId: string, stage: SessionTable['stage']) {
  await db.updateTable('sessions').set({ stage }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Executor, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<number> {
  const res = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Removes sessions past their absolute expiry or idle since `idleBefore`. */
export async function purgeExpiredSessions(db: Executor, now: string, idleBefore: string): Promise<number> {
  const res = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', now), eb('last_seen_at', '<', idleBefore)]))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
