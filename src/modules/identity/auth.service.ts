// Sign-in, second factor, sessions and API-key authentication. Every outcome is audited.
import type { AppContext, RequestMeta } from '../../context.js';
import { type Principal, ROLES_REQUIRING_TOTP } from '../../platform/auth/principal.js';
import { randomToken, sameHex, sha256Hex } from '../../platform/crypto/keyring.js';
import { ProblemError } from '../../platform/http/problem.js';
import { isoPlusSeconds, nowIso } from '../../platform/time.js';
import { findUnitById } from '../units/units.store.js';
import { cacheApiKey, cachedApiKey } from './apikey-cache.js';
import * as keys from './apikeys.store.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';
import { apiKeyPrincipal, parseRoles, userPrincipal } from './principals.js';
import { newTotpSecret, totpStep, totpUri } from './totp.js';
import * as store from './users.store.js';

export type SessionStage = 'full' | 'totp_enrolment';

export interface LoginResult {
  stage: SessionStage;
  token: string;
  principal: Principal;
}

export interface ResolvedSession {
  sessionId: string;
  stage: SessionStage;
  principal: Principal;
}

const INVALID = 'Wrong username or password';

function needsTotp(rolesJson: string): boolean {
  return parseRoles(rolesJson).some((r) => ROLES_REQUIRING_TOTP.includes(r));
}

export async function login(
  ctx: AppContext,
  input: { username: string; password: string; totp?: string },
  meta: RequestMeta,
): Promise<LoginResult> {
  const now = nowIso();
  const user = await store.findUserByUsername(ctx.db, input.username);
  const audit = (outcome: 'success' | 'denied', reason: string, principal: Principal | null = null) =>
    ctx.audit.record({
      actor: principal,
      action: 'auth.login',
      outcome,
      requestId: meta.requestId,
      target: user ? { type: 'user', id: user.id, bureau: user.bureau_code } : { type: 'user' },
      details: { reason },
    });

  if (!user?.active) {
    await burnPasswordCheck(input.password);
    await audit('denied', user ? 'inactive' : 'unknown_user');
    throw new ProblemError(401, 'invalid_credentials', INVALID);
  }
  if (user.locked_until && user.locked_until > now) {
    await audit('denied', 'locked');
    throw new ProblemError(
      401,
      'account_locked',
      'This account is locked after repeated failed sign-ins; try again later or ask your bureau administrator',
    );
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await failedAttempt(ctx, user);
    await audit('denied', 'wrong_password');
    throw new ProblemError(401, 'invalid_credentials', INVALID);
  }
  const unit = user.unit_id ? ((await findUnitById(ctx.db, user.unit_id)) ?? null) : null;
  const principal = userPrincipal(user, unit);

  let stage: SessionStage = 'full';
  if (user.totp_enabled && user.totp_secret) {
    if (!input.totp) {
      await audit('denied', 'totp_required');
      throw new ProblemError(401, 'totp_required', 'Enter the 6-digit code from your authenticator app', [
        { field: 'totp', message: 'is required for this account' },
      ]);
    }
    if (!(await spendTotp(ctx, user, input.totp))) {
      await failedAttempt(ctx, user);
      await audit('denied', 'wrong_totp');
      throw new ProblemError(401, 'invalid_totp', 'The code is wrong or has expired', [
        { field: 'totp', message: 'is wrong or has expired' },
      ]);
    }
  } else if (needsTotp(user.roles)) {
    // The role requires a second factor the user has not enrolled: a session that can only enrol.
    stage = 'totp_enrolment';
  }

  await store.clearFailedSignIns(ctx.db, user.id);
  const token = randomToken();
  await store.insertSession(ctx.db, {
    id: sha256Hex(token),
    user_id: user.id,
    stage,
    created_at: now,
    last_seen_at: now,
    expires_at: isoPlusSeconds(now, ctx.config.sessionAbsoluteSeconds),
  });
  await audit('success', stage === 'full' ? 'signed_in' : 'totp_enrolment_started', principal);
  return { stage, token, principal };
}

async function failedAttempt(ctx: AppContext, user: store.UserRow) {
  const lock =
    user.failed_attempts + 1 >= ctx.config.maxFailedSignIns
      ? isoPlusSeconds(nowIso(), ctx.config.lockoutSeconds)
      : null;
  await store.recordFailedSignIn(ctx.db, user.id, lock);
}

// Writing last_seen_at on every request would turn each read into a write; a minute is fine-grained enough.
const TOUCH_EVERY_MS = 60_000;

export async function resolveSession(ctx: AppContext, token: string): Promise<ResolvedSession | null> {
  const id = sha256Hex(token);
  const found = await store.findSessionWithUser(ctx.db, id);
  if (!found) return null;
  const { session, user, unit } = found;
  const now = nowIso();
  const idleLimit = isoPlusSeconds(session.last_seen_at, ctx.config.sessionIdleSeconds);
  if (session.expires_at <= now || idleLimit <= now || !user.active) {
    await store.deleteSession(ctx.db, id);
    return null;
  }
  if (Date.parse(now) - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) {
    await store.touchSession(ctx.db, id, now);
  }
  return { sessionId: id, stage: session.stage, principal: userPrincipal(user, unit) };
}

export async function resolveApiKey(ctx: AppContext, token: string): Promise<Principal | null> {
  const m = /^mk_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{20,})$/.exec(token);
  if (!m) return null;
  const hash = sha256Hex(token);
  const nowMs = Date.now();
  const cached = cachedApiKey(ctx.db, hash, nowMs);
  if (cached) {
    if (nowMs - cached.touchedAt > TOUCH_EVERY_MS) {
      cached.touchedAt = nowMs;
      await keys.touchApiKey(ctx.db, cached.keyId, new Date(nowMs).toISOString());
    }
    return cached.principal;
  }
  const found = await keys.findApiKeyByPrefix(ctx.db, m[1]!);
  if (!found || found.key.revoked_at) return null;
  const { key, unit } = found;
  // Keys carry 256 bits of entropy, so a fast hash is enough; compared in constant time.
  if (!sameHex(hash, key.key_hash)) return null;
  const now = nowIso();
  let touchedAt = key.last_used_at ? Date.parse(key.last_used_at) : 0;
  if (Date.parse(now) - touchedAt > TOUCH_EVERY_MS) {
    await keys.touchApiKey(ctx.db, key.id, now);
    touchedAt = Date.parse(now);
  }
  const principal = apiKeyPrincipal(key, unit);
  cacheApiKey(ctx.db, hash, { principal, keyId: key.id, touchedAt }, nowMs);
  return principal;
}

export async function logout(ctx: AppContext, session: ResolvedSession, meta: RequestMeta) {
  await store.deleteSession(ctx.db, session.sessionId);
  await ctx.audit.record({
    actor: session.principal,
    action: 'auth.logout',
    outcome: 'success',
    requestId: meta.requestId,
  });
}

export async function logoutEverywhere(ctx: AppContext, principal: Principal, meta: RequestMeta) {
  const n = await store.deleteSessionsOfUser(ctx.db, principal.id);
  await ctx.audit.record({
    actor: principal,
    action: 'auth.logout_all',
    outcome: 'success',
    requestId: meta.requestId,
    details: { sessions: n },
  });
}

/** Starts (or restarts) enrolment: a new secret, stored encrypted, not active until confirmed. */
export async function setupTotp(ctx: AppContext, principal: Principal) {
  const user = await store.findUserById(ctx.db, principal.id);
  if (!user) throw new ProblemError(401, 'not_signed_in', 'Sign in first');
  if (user.totp_enabled) {
    throw new ProblemError(
      409,
      'totp_already_enrolled',
      'A second factor is already enrolled for this account',
    );
  }
  const secret = newTotpSecret();
  await store.updateUser(ctx.db, user.id, null, {
    totp_secret: ctx.keyring.encrypt(secret),
    updated_at: nowIso(),
  });
  return { secret, otpauthUri: totpUri(user.username, secret) };
}

export async function confirmTotp(
  ctx: AppContext,
  session: ResolvedSession,
  code: string,
  meta: RequestMeta,
) {
  const user = await store.findUserById(ctx.db, session.principal.id);
  if (!user?.totp_secret || user.totp_enabled) {
    throw new ProblemError(409, 'no_enrolment', 'Start the enrolment first (POST /api/v1/auth/totp/setup)');
  }
  if (!(await spendTotp(ctx, user, code))) {
    await ctx.audit.record({
      actor: session.principal,
      action: 'auth.totp_enrol',
      outcome: 'denied',
      requestId: meta.requestId,
    });
    throw new ProblemError(400, 'invalid_totp', 'The code is wrong or has expired', [
      { field: 'code', message: 'is wrong or has expired' },
    ]);
  }
  await store.updateUser(ctx.db, user.id, null, { totp_enabled: 1, updated_at: nowIso() });
  await store.setSessionStage(ctx.db, session.sessionId, 'full');
  await ctx.audit.record({
    actor: session.principal,
    action: 'auth.totp_enrol',
    outcome: 'success',
    requestId: meta.requestId,
  });
}

/**
 * Accepts a one-time code once: its step must be later than the last one the user spent, and
 * recording it is a conditional update, so two requests racing with the same code cannot both win.
 */
async function spendTotp(ctx: AppContext, user: store.UserRow, code: string): Promise<boolean> {
  if (!user.totp_secret) return false;
  const step = totpStep(code, ctx.keyring.decrypt(user.totp_secret));
  if (step === null) return false;
  const res = await ctx.db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', user.id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
