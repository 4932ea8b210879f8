// The exact bytes an audit event's hash covers. Changing this breaks every existing chain,
// so the key order and the normalisation below are fixed for good.
import { createHash } from 'node:crypto';
import type { AuditEventTable } from '../db/schema.js';

/** The prev_hash of event 1, and the head of an empty chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** A stored row; `hash` may be absent because it is what we are computing. */
export type HashableAuditRow = Omit<AuditEventTable, 'hash'> & { hash?: string };

/**
 * Every stored field except `hash`, as JSON in a fixed key order. `details` is hashed as the
 * stored JSON text, not re-serialised, so verification never depends on how a parser orders keys.
 */
export function canonicalAuditForm(e: HashableAuditRow): string {
  return JSON.stringify({
    // A PostgreSQL bigint may arrive as a string if the type parser is not installed.
    seq: Number(e.seq),
    id: e.id,
    at: e.at,
    actor_type: e.actor_type,
    actor_id: e.actor_id ?? null,
    bureau_code: e.bureau_code ?? null,
    unit_id: e.unit_id ?? null,
    action: e.action,
    purpose: e.purpose ?? null,
    target_type: e.target_type ?? null,
    target_id: e.target_id ?? null,
    target_bureau: e.target_bureau ?? null,
    outcome: e.outcome,
    request_id: e.request_id ?? null,
    details: e.details ?? null,
    prev_hash: e.prev_hash,
  });
}

export function hashAuditEvent(e: HashableAuditRow): string {
  return createHash('sha256').update(canonicalAuditForm(e), 'utf8').digest('hex');
}
