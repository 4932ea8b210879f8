// Turning a service's AuditInput into a stored row, chaining rows, and reading rows back.
import type { AuditEventTable } from '../db/schema.js';
import { uuid7 } from '../ids/uuid7.js';
import { hashAuditEvent } from './audit.canonical.js';
import type { AuditEvent, AuditInput } from './audit.types.js';

/** A row before the commit gives it its place in the chain. */
export type PendingRow = Omit<AuditEventTable, 'seq' | 'at' | 'prev_hash' | 'hash'>;

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const OUTCOMES = new Set(['success', 'denied', 'exists', 'failure', 'invalid']);
const MAX_TEXT = 500;

export class AuditInputError extends Error {}

function text(field: string, v: string | undefined | null): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new AuditInputError(`audit ${field} must be a string`);
  if (v.length > MAX_TEXT) throw new AuditInputError(`audit ${field} is longer than ${MAX_TEXT} characters`);
  return v;
}

/** Details as JSON with sorted keys, so equal details are stored as equal text. */
function detailsJson(details: AuditInput['details']): string | null {
  if (!details) return null;
  const out: Record<string, string | number | boolean | null> = {};
  for (const key of Object.keys(details).sort()) {
    const v = details[key];
    if (v === undefined) continue;
    // JSON would silently turn NaN into null or drop an object's meaning: refuse instead.
    if (typeof v === 'number' && !Number.isFinite(v))
      throw new AuditInputError(`audit detail ${key} is not finite`);
    if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) {
      throw new AuditInputError(`audit detail ${key} must be a string, number, boolean or null`);
    }
    out[key] = v;
  }
  return JSON.stringify(out);
}

/** Validates and fills everything that does not depend on the chain. Throws AuditInputError. */
export function prepareRow(input: AuditInput): PendingRow {
  if (typeof input.action !== 'string' || !ACTION.test(input.action) || input.action.length > 100) {
    throw new AuditInputError(
      `audit action "${String(input.action)}" is not dotted lower-case, e.g. unit.create`,
    );
  }
  if (!OUTCOMES.has(input.outcome)) throw new AuditInputError(`audit outcome "${input.outcome}" is unknown`);
  const p = input.actor;
  return {
    // Time-ordered: the id's unique index grows at its end (random ids cost twice the insert).
    id: uuid7(),
    actor_type: input.actorType ?? p?.type ?? 'anonymous',
    actor_id: p?.id ?? null,
    bureau_code: p?.bureau ?? null,
    unit_id: p?.unitId ?? null,
    action: input.action,
    purpose: text('purpose', input.purpose),
    target_type: text('target type', input.target?.type),
    target_id: text('target id', input.target?.id),
    target_bureau: text('target bureau', input.target?.bureau),
    outcome: input.outcome,
    request_id: text('request id', input.requestId),
    details: detailsJson(input.details),
  };
}

/** Gives each row its seq and links it to the one before; the caller holds the chain's lock. */
export function sealRows(
  head: { seq: number; hash: string },
  rows: readonly PendingRow[],
  at: string,
): AuditEventTable[] {
  let seq = Number(head.seq);
  let prev = head.hash;
  return rows.map((r) => {
    seq += 1;
    const row: AuditEventTable = { ...r, seq, at, prev_hash: prev, hash: '' };
    row.hash = hashAuditEvent(row);
    prev = row.hash;
    return row;
  });
}

function parseDetails(raw: string | null): Record<string, unknown> | null {
  if (raw === null || raw === undefined) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    // A row edited into invalid JSON still shows; verification reports the edit.
    return { unparsable: raw };
  }
}

export function rowToEvent(r: AuditEventTable): AuditEvent {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: r.at,
    actorType: r.actor_type,
    actorId: r.actor_id,
    bureau: r.bureau_code,
    unitId: r.unit_id,
    action: r.action,
    purpose: r.purpose,
    targetType: r.target_type,
    targetId: r.target_id,
    targetBureau: r.target_bureau,
    outcome: r.outcome,
    requestId: r.request_id,
    details: parseDetails(r.details),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
