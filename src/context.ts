// Everything a service needs, built once per process by app.ts (or a CLI command).
import type { Config } from './config.js';
import type { AuditLog } from './platform/audit/audit.writer.js';
import type { Keyring } from './platform/crypto/keyring.js';
import type { DbHandle } from './platform/db/connect.js';
import type { Db } from './platform/db/schema.js';
import type { EventBus } from './platform/events/event-bus.js';
import type { JobRunner } from './platform/jobs/job-runner.js';

export interface AppContext {
  config: Config;
  handle: DbHandle;
  db: Db;
  audit: AuditLog;
  events: EventBus;
  jobs: JobRunner;
  keyring: Keyring;
}

/** Facts about the HTTP request that the audit chain records with an action. */
export interface RequestMeta {
  requestId?: string;
  purpose?: string;
  /** The request's reserved Idempotency-Key, for services that record it with what they create. */
  idempotency?: { principalKey: string; key: string };
}
