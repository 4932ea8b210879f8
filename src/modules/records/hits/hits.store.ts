// SQL of hits and their replies.
import { sql } from 'kysely';
import type { Executor, HitReplyTable, HitTable } from '../../../platform/db/schema.js';

// 17 columns × 1,000 rows stays under SQLite's 32,766 bound values (a manifest may hit thousands).
const HITS_PER_INSERT = 1000;

export async function insertHits(ex: Executor, hits: HitTable[]) {
  for (let i = 0; i < hits.length; i += HITS_PER_INSERT) {
    await ex
      .insertInto('hits')
      .values(hits.slice(i, i + HITS_PER_INSERT))
      .execute();
  }
}

export function findHit(ex: Executor, id: string) {
  return ex
    .selectFrom('hits')
    .leftJoin('records', 'records.id', 'hits.record_id')
    .selectAll('hits')
    .select(['records.label as record_label', 'records.reference as record_reference', 'records.capability'])
    .where('hits.id', '=', id)
    .executeTakeFirst();
}

export interface HitFilter {
  box: 'received' | 'sent';
  bureau: string;
  database?: string;
  unseen?: boolean;
  before?: string;
  limit: number;
}

export function listHits(ex: Executor, f: HitFilter) {
  let q = ex
    .selectFrom('hits')
    .leftJoin('records', 'records.id', 'hits.record_id')
    .selectAll('hits')
    .select(['records.label as record_label', 'records.reference as record_reference', 'records.capability'])
    .where(f.box === 'received' ? 'hits.owner_bureau' : 'hits.searcher_bureau', '=', f.bureau)
    .orderBy('hits.id', 'desc')
    .limit(f.limit);
  if (f.database) q = q.where('hits.database_id', '=', f.database);
  if (f.unseen) q = q.where('hits.owner_seen_at', 'is', null);
  if (f.before) q = q.where('hits.id', '<', f.before);
  return q.execute();
}

export async function markSeen(ex: Executor, id: string, at: string) {
  await ex
    .updateTable('hits')
    .set({ owner_seen_at: at })
    .where('id', '=', id)
    .where('owner_seen_at', 'is', null)
    .execute();
}

export function listReplies(ex: Executor, hitIds: string[]) {
  if (hitIds.length === 0) return Promise.resolve([] as HitReplyTable[]);
  return ex
    .selectFrom('hit_replies')
    .selectAll()
    .where('hit_id', 'in', hitIds)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function insertReply(ex: Executor, reply: HitReplyTable) {
  await ex.insertInto('hit_replies').values(reply).execute();
}

/** Hits counted per database and per (owner, searcher) bureau pair; `bureau` narrows to one side. */
export async function countHits(ex: Executor, bureau: string | null) {
  let q = ex
    .selectFrom('hits')
    .select(['database_id', 'owner_bureau', 'searcher_bureau', sql<number>`count(*)`.as('n')])
    .groupBy(['database_id', 'owner_bureau', 'searcher_bureau']);
  if (bureau)
    q = q.where((eb) => eb.or([eb('owner_bureau', '=', bureau), eb('searcher_bureau', '=', bureau)]));
  return (await q.execute()).map((r) => ({ ...r, n: Number(r.n) }));
}
