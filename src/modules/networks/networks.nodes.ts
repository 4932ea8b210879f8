// What the nodes of the network are, read fresh from the modules that own them: a record, a
// notice or a payment case is judged by its owner module's own access descriptor (the same one
// every read of it uses — there is no second access path); an identifier entity has none and is
// seen through the links that reach it.
import type { Executor } from '../../platform/db/schema.js';
import type { AccessDescriptor } from '../../platform/policy/access.js';
import { noticeAccessById } from '../notices/notices.access.js';
import { caseAccessById } from '../payments/payments.access.js';
import { recordAccessById } from '../records/records.access.js';
import { findEntities } from './networks.store.js';
import { type NodeKind, refOf } from './networks.types.js';

export interface NodeInfo {
  kind: NodeKind;
  id: string;
  /** Null for an identifier entity. */
  access: AccessDescriptor | null;
  label: string;
  database?: string;
  entityKind?: string;
}

/** The nodes that exist, by key; a key absent from the answer names nothing (deleted, or never). */
export async function resolveNodes(ex: Executor, keys: Iterable<string>): Promise<Map<string, NodeInfo>> {
  const byKind: Record<NodeKind, string[]> = { record: [], notice: [], payment_case: [], entity: [] };
  for (const k of keys) {
    const r = refOf(k);
    byKind[r.kind].push(r.id);
  }
  const out = new Map<string, NodeInfo>();
  if (byKind.record.length > 0) {
    for (const [id, r] of await recordAccessById(ex, byKind.record)) {
      out.set(`r:${id}`, { kind: 'record', id, access: r.access, label: r.label, database: r.database });
    }
  }
  if (byKind.notice.length > 0) {
    for (const [id, n] of await noticeAccessById(ex, byKind.notice)) {
      out.set(`n:${id}`, { kind: 'notice', id, access: n.access, label: n.label });
    }
  }
  if (byKind.payment_case.length > 0) {
    for (const [id, c] of await caseAccessById(ex, byKind.payment_case)) {
      out.set(`p:${id}`, { kind: 'payment_case', id, access: c.access, label: c.label });
    }
  }
  if (byKind.entity.length > 0) {
    for (const e of await findEntities(ex, byKind.entity)) {
      out.set(`e:${e.id}`, { kind: 'entity', id: e.id, access: null, label: e.value, entityKind: e.kind });
    }
  }
  return out;
}
