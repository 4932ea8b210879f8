// Walks the chain from event 1 and names the first event that breaks it. Reads in pages, so a
// chain of any length verifies in constant memory.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { GENESIS_HASH, hashAuditEvent } from './audit.canonical.js';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: string };
}

export interface VerifyOptions {
  onProgress?: (checked: number, total: number) => void;
  pageSize?: number;
}

export async function verifyAuditChain(
  db: Kysely<Database>,
  opts: VerifyOptions = {},
): Promise<VerifyResult> {
  const pageSize = Math.max(1, opts.pageSize ?? 1000);
  // The head is read first: events appended while we walk are beyond it and left for next time.
  // A writer updates the head in the same transaction as its events, so all up to it are there.
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (!head) return broken(0, 1, 'the audit head is missing: the chain cannot be anchored');
  const headSeq = Number(head.seq);
  const total = headSeq;
  opts.onProgress?.(0, total);

  let expected = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expected)
      .where('seq', '<=', headSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== expected) {
        const what = seq - expected === 1 ? 'it is' : `events ${expected} to ${seq - 1} are`;
        return broken(checked, expected, `event ${expected}: ${what} missing from the chain (deleted?)`);
      }
      if (row.prev_hash !== prevHash) {
        return broken(
          checked,
          seq,
          `event ${seq}: its link to event ${seq - 1} does not match that event's hash (event ${seq - 1} rewritten, or this one moved?)`,
        );
      }
      if (hashAuditEvent(row) !== row.hash) {
        return broken(checked, seq, `event ${seq}: stored hash does not match its content (edited?)`);
      }
      prevHash = row.hash;
      expected += 1;
      checked += 1;
    }
    opts.onProgress?.(checked, total);
    if (page.length < pageSize) break;
  }

  const last = expected - 1;
  if (last < headSeq) {
    return broken(
      checked,
      expected,
      `event ${expected}: the chain ends at event ${last} but the head records ${headSeq} events (the last ${headSeq - last} removed?)`,
    );
  }
  if (head.hash !== prevHash) {
    return broken(checked, last, `event ${last}: the head's hash does not match the last event (rewritten?)`);
  }
  return { ok: true, checked };
}

function broken(checked: number, seq: number, reason: string): VerifyResult {
  return { ok: false, checked, firstBroken: { seq, reason } };
}
