// Hits: someone found another bureau's record. The owner is told at once — an event on its
// stream and a row in its hit inbox, with who searched, from which unit, when and why — and the
// two bureaus can talk about it in replies on the hit.
import type { AppContext, RequestMeta } from '../../../context.js';
import type { AuditInput } from '../../../platform/audit/audit.types.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { type Capability, GENERAL_SECRETARIAT, hasRole } from '../../../platform/auth/principal.js';
import type { HitTable, RecordTable } from '../../../platform/db/schema.js';
import { notFoundOrNoAccess, ProblemError } from '../../../platform/http/problem.js';
import { uuid7 } from '../../../platform/ids/uuid7.js';
import { decideAccess } from '../../../platform/policy/access.js';
import { nowIso } from '../../../platform/time.js';
import { findUnitById } from '../../units/units.store.js';
import * as store from './hits.store.js';

export interface Found {
  row: RecordTable;
  access: 'see' | 'exists';
  /** exact / similar, a person score, a DNA match class. */
  match: string;
  /** What found this record, when a call checks many things (a manifest): shown to the owner. */
  query?: string;
}

export interface SearchInfo {
  kind: 'identifier' | 'person' | 'text' | 'dna' | 'screening';
  /** What was searched, as the searcher gave it (shown to the owner). */
  query: string;
  purpose: string;
}

/** Access for the events of a hit: only the named bureau's people with the capability see it. */
function toBureau(bureau: string, capability: string) {
  return {
    ownerBureau: bureau,
    restriction: { mode: 'only' as const, bureaus: [bureau] },
    handling: 'official' as const,
    capability: capability as never,
  };
}

// A border post's hits name its unit; read once a minute, not once per hit.
const UNIT_NAME_MS = 60_000;
const unitNames = new WeakMap<AppContext['db'], Map<string, { name: string | null; at: number }>>();

async function unitNameOf(ctx: AppContext, unitId: string): Promise<string | null> {
  let names = unitNames.get(ctx.db);
  if (!names) {
    names = new Map();
    unitNames.set(ctx.db, names);
  }
  const known = names.get(unitId);
  if (known && Date.now() - known.at < UNIT_NAME_MS) return known.name;
  const name = (await findUnitById(ctx.db, unitId))?.name ?? null;
  names.set(unitId, { name, at: Date.now() });
  return name;
}

/**
 * Records one hit per found record of another bureau, audits each against the owner (so the
 * owner's DPO sees it) together with the caller's own audit events (`also`: the search itself,
 * in the same atomic write), and notifies each owner once. Returns the hit id per record id.
 */
export async function reportHits(
  ctx: AppContext,
  principal: Principal,
  found: Found[],
  search: SearchInfo,
  meta: RequestMeta,
  also: AuditInput[] = [],
): Promise<Map<string, string>> {
  const foreign = found.filter((f) => f.row.owner_bureau !== principal.bureau);
  const ids = new Map<string, string>();
  if (foreign.length === 0) {
    await ctx.audit.recordMany(also);
    return ids;
  }
  const at = nowIso();
  const unitName = principal.unitId ? await unitNameOf(ctx, principal.unitId) : null;
  const hits: HitTable[] = foreign.map((f) => ({
    id: uuid7(),
    at,
    record_id: f.row.id,
    database_id: f.row.database_id,
    owner_bureau: f.row.owner_bureau,
    searcher_type: principal.type,
    searcher_id: principal.id,
    searcher_name: principal.name,
    searcher_bureau: principal.bureau,
    searcher_unit: principal.unitId,
    searcher_unit_name: unitName,
    purpose: search.purpose,
    search_kind: search.kind,
    query: (f.query ?? search.query).slice(0, 500),
    access: f.access,
    match: f.match,
    owner_seen_at: null,
  }));
  // Audited first: nothing is stored or told of a hit that could not be audited.
  await ctx.audit.recordMany([
    ...also,
    ...hits.map((h) => ({
      actor: principal,
      action: 'record.hit',
      purpose: search.purpose,
      target: { type: 'record', id: h.record_id, bureau: h.owner_bureau },
      outcome: 'success' as const,
      requestId: meta.requestId,
      details: { hit: h.id, database: h.database_id, search: search.kind, access: h.access, match: h.match },
    })),
  ]);
  for (const h of hits) ids.set(h.record_id, h.id);
  // One event per owner bureau (and capability domain, which decides who there may read it): a
  // manifest that hits forty of a bureau's records tells it once, with the list (the first
  // hit's fields stay at the top, as a single hit has them).
  const groups = new Map<string, { hit: HitTable; row: RecordTable }[]>();
  for (const [i, h] of hits.entries()) {
    const key = `${h.owner_bureau} ${foreign[i]!.row.capability}`;
    const list = groups.get(key) ?? [];
    list.push({ hit: h, row: foreign[i]!.row });
    groups.set(key, list);
  }
  // The hits and their events in one transaction: one disk flush, and never one without the other.
  await ctx.events.publishAll(
    [...groups.values()].map((list) => {
      const first = list[0]!;
      return {
        topic: 'records.hit',
        payload: {
          hitId: first.hit.id,
          recordId: first.hit.record_id,
          database: first.hit.database_id,
          label: first.row.label,
          searcherBureau: first.hit.searcher_bureau,
          searcherUnit: first.hit.searcher_unit_name,
          searchKind: first.hit.search_kind,
          at: first.hit.at,
          count: list.length,
          ...(list.length > 1
            ? {
                hits: list.map(({ hit, row }) => ({
                  hitId: hit.id,
                  recordId: hit.record_id,
                  database: hit.database_id,
                  label: row.label,
                })),
              }
            : {}),
        },
        access: toBureau(first.hit.owner_bureau, first.row.capability),
      };
    }),
    (tx) => store.insertHits(tx, hits),
  );
  return ids;
}

/** Hits concern two bureaus; the General Secretariat's reviewers and DPOs may read any. */
/**
 * A hit is data of the two bureaus it concerns, in the capability domain of the record: the
 * access policy decides who reads it, like any police data (the General Secretariat's
 * reviewers and DPOs included, by its rule 5).
 */
function hitAccess(hit: Pick<HitTable, 'owner_bureau' | 'searcher_bureau'> & { capability?: string | null }) {
  return {
    ownerBureau: hit.owner_bureau,
    restriction: { mode: 'only' as const, bureaus: [hit.owner_bureau, hit.searcher_bureau] },
    handling: 'official' as const,
    capability: (hit.capability ?? 'databases') as Capability,
  };
}

function sideOf(
  principal: Principal,
  hit: HitTable & { capability?: string | null },
): 'owner' | 'searcher' | 'reviewer' | null {
  if (decideAccess(principal, hitAccess(hit)) !== 'see') return null;
  if (principal.bureau === hit.owner_bureau) return 'owner';
  if (principal.bureau === hit.searcher_bureau) return 'searcher';
  return 'reviewer';
}

function toHitDto(
  h: HitTable & { record_label?: string | null; record_reference?: string | null },
  side: string,
) {
  return {
    id: h.id,
    at: h.at,
    recordId: h.record_id,
    database: h.database_id,
    ownerBureau: h.owner_bureau,
    // The searcher learns what its access allowed, never the owner's label of an `exists` record.
    recordLabel: side === 'searcher' && h.access !== 'see' ? null : (h.record_label ?? null),
    recordReference: side === 'searcher' && h.access !== 'see' ? null : (h.record_reference ?? null),
    searcher: {
      type: h.searcher_type,
      name: h.searcher_name,
      bureau: h.searcher_bureau,
      unitId: h.searcher_unit,
      unitName: h.searcher_unit_name,
    },
    purpose: h.purpose,
    searchKind: h.search_kind,
    query: h.query,
    access: h.access,
    match: h.match,
    seenByOwnerAt: h.owner_seen_at,
  };
}

export async function listHitsFor(
  ctx: AppContext,
  principal: Principal,
  opts: { box: 'received' | 'sent'; database?: string; unseen?: boolean; cursor?: string; limit: number },
) {
  if (!hasRole(principal, 'officer', 'supervisor', 'dpo', 'gs_reviewer', 'system')) {
    throw new ProblemError(403, 'forbidden', 'Hits are police data: this needs a data role');
  }
  const rows = await store.listHits(ctx.db, {
    box: opts.box,
    bureau: principal.bureau,
    database: opts.database,
    unseen: opts.unseen,
    before: opts.cursor,
    limit: opts.limit,
  });
  const replies = await store.listReplies(
    ctx.db,
    rows.map((r) => r.id),
  );
  const side = opts.box === 'received' ? 'owner' : 'searcher';
  return {
    items: rows
      .filter((r) => sideOf(principal, r) !== null)
      .map((r) => ({
        ...toHitDto(r, side),
        replies: replies.filter((x) => x.hit_id === r.id).map(toReplyDto),
      })),
    nextCursor: rows.length === opts.limit ? rows.at(-1)!.id : null,
  };
}

function toReplyDto(r: {
  id: string;
  at: string;
  author_name: string;
  author_bureau: string;
  message: string;
}) {
  return { id: r.id, at: r.at, author: r.author_name, bureau: r.author_bureau, message: r.message };
}

export async function getHit(ctx: AppContext, principal: Principal, id: string, meta: RequestMeta) {
  const hit = await store.findHit(ctx.db, id);
  const side = hit ? sideOf(principal, hit) : null;
  if (!hit || !side) throw notFoundOrNoAccess();
  if (side === 'owner' && !hit.owner_seen_at) await store.markSeen(ctx.db, id, nowIso());
  const replies = await store.listReplies(ctx.db, [id]);
  await ctx.audit.record({
    actor: principal,
    action: 'hit.read',
    target: { type: 'hit', id, bureau: hit.owner_bureau },
    outcome: 'success',
    requestId: meta.requestId,
  });
  return { ...toHitDto(hit, side), replies: replies.map(toReplyDto) };
}

export async function replyToHit(
  ctx: AppContext,
  principal: Principal,
  id: string,
  message: string,
  meta: RequestMeta,
) {
  const hit = await store.findHit(ctx.db, id);
  const side = hit ? sideOf(principal, hit) : null;
  if (!hit || !side) throw notFoundOrNoAccess();
  if (side === 'reviewer')
    throw new ProblemError(403, 'forbidden', 'Only the two bureaus of a hit reply on it');
  const reply = {
    id: uuid7(),
    hit_id: id,
    at: nowIso(),
    author_id: principal.id,
    author_name: principal.name,
    author_bureau: principal.bureau,
    message,
  };
  await store.insertReply(ctx.db, reply);
  if (side === 'owner' && !hit.owner_seen_at) await store.markSeen(ctx.db, id, reply.at);
  await ctx.audit.record({
    actor: principal,
    action: 'hit.reply',
    target: { type: 'hit', id, bureau: hit.owner_bureau },
    outcome: 'success',
    requestId: meta.requestId,
  });
  const to = side === 'owner' ? hit.searcher_bureau : hit.owner_bureau;
  await ctx.events.publish(
    'records.hit_reply',
    { hitId: id, replyId: reply.id, fromBureau: principal.bureau, database: hit.database_id, at: reply.at },
    toBureau(to, hit.capability ?? 'databases'),
  );
  return toReplyDto(reply);
}

/** Hits per database and per bureau: one's own (made and received), or all at the GS. */
export async function hitStats(ctx: AppContext, principal: Principal) {
  if (!hasRole(principal, 'officer', 'supervisor', 'dpo', 'gs_reviewer', 'system')) {
    throw new ProblemError(403, 'forbidden', 'Hit counts need a data role');
  }
  const all = principal.bureau === GENERAL_SECRETARIAT && hasRole(principal, 'gs_reviewer', 'dpo');
  const rows = await store.countHits(ctx.db, all ? null : principal.bureau);
  const byDatabase = new Map<string, { received: number; made: number; total: number }>();
  const byBureau = new Map<string, { received: number; made: number }>();
  for (const r of rows) {
    const d = byDatabase.get(r.database_id) ?? { received: 0, made: 0, total: 0 };
    d.total += r.n;
    if (r.owner_bureau === principal.bureau) d.received += r.n;
    if (r.searcher_bureau === principal.bureau) d.made += r.n;
    byDatabase.set(r.database_id, d);
    const owner = byBureau.get(r.owner_bureau) ?? { received: 0, made: 0 };
    owner.received += r.n;
    byBureau.set(r.owner_bureau, owner);
    const searcher = byBureau.get(r.searcher_bureau) ?? { received: 0, made: 0 };
    searcher.made += r.n;
    byBureau.set(r.searcher_bureau, searcher);
  }
  return {
    scope: all ? 'all' : principal.bureau,
    byDatabase: [...byDatabase]
      .map(([database, c]) => ({ database, ...c }))
      .sort((a, b) => b.total - a.total),
    byBureau: [...byBureau]
      .map(([bureau, c]) => ({ bureau, ...c }))
      .sort((a, b) => a.bureau.localeCompare(b.bureau)),
  };
}
