// Opens everything a process needs (database, key, audit log, event bus, jobs) and closes it.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { AppContext } from '../context.js';
import { seedBureaus } from '../modules/bureaus/bureaus.store.js';
import { purgeExpiredSessions } from '../modules/identity/users.store.js';
import { ensureBureauKeys } from '../modules/messaging/bureau-keys.js';
import { expireDueNotices } from '../modules/notices/notices.steps.js';
import { flagOverdue } from '../modules/payments/payments.service.js';
import { AuditLog } from './audit/audit.writer.js';
import { Keyring } from './crypto/keyring.js';
import { openDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrations.js';
import { EventBus } from './events/event-bus.js';
import { purgeIdempotencyKeys } from './http/idempotency.js';
import { JobRunner } from './jobs/job-runner.js';
import { isoPlusSeconds, nowIso } from './time.js';

export async function createContext(config: Config, log?: FastifyBaseLogger): Promise<AppContext> {
  const handle = openDatabase(config.databaseUrl);
  await migrateToLatest(handle.db, handle.dialect);
  await seedBureaus(handle.db);
  const keyring = Keyring.loadOrCreate(config.keyFile);
  const audit = new AuditLog(handle);
  const events = new EventBus(handle);
  const jobs = new JobRunner(handle, log);
  const ctx: AppContext = { config, handle, db: handle.db, audit, events, jobs, keyring };
  await ensureBureauKeys(ctx);
  registerHousekeeping(ctx);
  return ctx;
}

/** Recurring clean-up that keeps the tables that grow with use small. */
function registerHousekeeping(ctx: AppContext) {
  ctx.jobs.every('sessions.purge', 300, async () => {
    const now = nowIso();
    await purgeExpiredSessions(ctx.db, now, isoPlusSeconds(now, -ctx.config.sessionIdleSeconds));
  });
  ctx.jobs.every('idempotency.purge', 3600, async () => {
    await purgeIdempotencyKeys(ctx.db, isoPlusSeconds(nowIso(), -24 * 3600));
  });
  // Notices expire at their review date unless extended; their screening records close with them.
  ctx.jobs.every('notices.expire', 3600, async () => {
    await expireDueNotices(ctx);
  });
  // Payment requests past their acknowledgement or answer time are flagged to both bureaus and the GS.
  ctx.jobs.every('payments.overdue', 60, async () => {
    await flagOverdue(ctx);
  });
  // Events are for live delivery and short resumption; the audit chain is the record.
  ctx.jobs.every('events.purge', 3600, async () => {
    await ctx.db
      .deleteFrom('events')
      .where('at', '<', isoPlusSeconds(nowIso(), -7 * 24 * 3600))
      .execute();
  });
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.jobs.stop();
  await ctx.events.stop();
  await ctx.audit.close();
  await ctx.handle.close();
}
