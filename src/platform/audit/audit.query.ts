// Searching the chain, newest first, for the data-protection officer's audit explorer.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { badRequest } from '../http/problem.js';
import { rowToEvent } from './audit.row.js';
import type { AuditEvent } from './audit.types.js';

export interface AuditFilter {
  /** Events by this bureau's people or on this bureau's data. */
  bureau?: string;
  actorId?: string;
  targetId?: string;
  targetType?: string;
  /** Exact, or a prefix with a trailing '*': 'record.*'. */
  action?: string;
  outcome?: string;
  /** Inclusive bounds, ISO 8601 (any offset; compared in UTC). */
  from?: string;
  to?: string;
}

export interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

const MAX_LIMIT = 1000;

export function encodeAuditCursor(seq: number): string {
  return Buffer.from(String(seq), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw badRequest('cursor', 'is not a cursor this search returned');
  return Number(raw);
}

/** Stored times are UTC with milliseconds; a bound with another offset or precision must be too. */
function utc(field: string, value: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw badRequest(field, 'must be an ISO 8601 time, e.g. 2025-01-31T12:00:00Z');
  return new Date(t).toISOString();
}

export async function queryAudit(
  db: Kysely<Database>,
  filter: AuditFilter,
  page: { cursor?: string; limit: number },
): Promise<AuditPage> {
  const limit = Math.min(Math.max(Math.trunc(page.limit) || 1, 1), MAX_LIMIT);
  let q = db.selectFrom('audit_events').selectAll();
  if (page.cursor) q = q.where('seq', '<', decodeCursor(page.cursor));
  const bureau = filter.bureau;
  if (bureau) q = q.where((eb) => eb.or([eb('bureau_code', '=', bureau), eb('target_bureau', '=', bureau)]));
  if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
  if (filter.targetId) q = q.where('target_id', '=', filter.targetId);
  if (filter.targetType) q = q.where('target_type', '=', filter.targetType);
  if (filter.outcome) q = q.where('outcome', '=', filter.outcome);
  if (filter.action) {
    if (filter.action.endsWith('*')) {
      const prefix = filter.action.slice(0, -1);
      // substr, not LIKE: '_' is a LIKE wildcard and SQLite's LIKE ignores case; this is exact on both.
      const n = [...prefix].length;
      if (n > 0) q = q.where(sql<string>`substr(action, 1, ${sql.lit(n)})`, '=', prefix);
    } else {
      q = q.where('action', '=', filter.action);
    }
  }
  if (filter.from) q = q.where('at', '>=', utc('from', filter.from));
  if (filter.to) q = q.where('at', '<=', utc('to', filter.to));

  const rows = await q
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(rowToEvent);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeAuditCursor(last.seq) : null };
}
