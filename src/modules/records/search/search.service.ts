// The four ways to search the databases — exact identifiers, persons, free text and DNA
// profiles. Each decides every found record with the access policy, reports hits on other
// bureaus' records to their owners, and writes the search to the audit chain.
import type { AppContext, RequestMeta } from '../../../context.js';
import type { Principal } from '../../../platform/auth/principal.js';
import type { RecordTable } from '../../../platform/db/schema.js';
import { badRequest } from '../../../platform/http/problem.js';
import { decideAccess } from '../../../platform/policy/access.js';
import { SCORED_CANDIDATES } from '../../matching/person-index.js';
import { noteRecordRemoved, PERSON_DATABASES, personIndexOf } from '../../matching/person-index.sync.js';
import {
  type PreparedQuery,
  preparePerson,
  prepareQuery,
  scorePrepared,
} from '../../matching/person-score.js';
import type { DatabaseId } from '../catalogue/catalogue.types.js';
import { CATALOGUE, definitionOf } from '../catalogue/index.js';
import { compareProfiles } from '../databases/dna-compare.js';
import { type Found, reportHits, type SearchInfo } from '../hits/hits.service.js';
import { accessOf, toRecordDto } from '../records.row.js';
import { databaseOrThrow, visibleRecords } from '../records.service.js';
import * as store from '../records.store.js';
import { foldLookAlikes, matchKind, normaliseIdentifier, textTerms } from './normalise.js';
import { type PersonQuery, personMatcher } from './person-matcher.js';

const MAX_RESULTS = 50;
const MAX_CANDIDATES = 2000;

export interface SearchResult {
  access: 'see' | 'exists';
  match: string;
  hitId: string | null;
  detail: Record<string, unknown>;
  record:
    | ReturnType<typeof toRecordDto>
    | { access: 'exists'; id: string; database: string; ownerBureau: string };
}

function databasesOf(ids: string[] | undefined): string[] | undefined {
  return ids?.map((id) => databaseOrThrow(id).id);
}

/** Policy on each candidate; `none` drops out, as if the record did not exist. */
export function decided(principal: Principal, rows: RecordTable[]) {
  const out: { row: RecordTable; access: 'see' | 'exists' }[] = [];
  for (const row of rows) {
    const d = decideAccess(principal, accessOf(row));
    if (d !== 'none') out.push({ row, access: d });
  }
  return out;
}

async function finish(
  ctx: AppContext,
  principal: Principal,
  found: (Found & { detail: Record<string, unknown> })[],
  search: SearchInfo,
  meta: RequestMeta,
  auditDetails: Record<string, string | number | boolean | null>,
  /** Which finds are hits (all, unless near misses are shown too, as /match does). */
  isHit: (f: Found & { detail: Record<string, unknown> }) => boolean = () => true,
): Promise<SearchResult[]> {
  const hits = found.filter(isHit);
  const foreign = new Set(hits.filter((f) => f.row.owner_bureau !== principal.bureau).map((f) => f.row.id));
  // The search's own audit event is written with its hits' events, in one atomic write.
  const hitIds = await reportHits(ctx, principal, hits, search, meta, [
    {
      actor: principal,
      action: 'record.search',
      purpose: search.purpose,
      target: { type: 'search', id: search.kind },
      outcome: 'success',
      requestId: meta.requestId,
      details: { ...auditDetails, results: found.length, hits: foreign.size },
    },
  ]);
  return found.map((f) => ({
    access: f.access,
    match: f.match,
    hitId: hitIds.get(f.row.id) ?? null,
    detail: f.detail,
    record:
      f.access === 'see'
        ? toRecordDto(f.row)
        : { access: 'exists', id: f.row.id, database: f.row.database_id, ownerBureau: f.row.owner_bureau },
  }));
}

export async function searchIdentifiers(
  ctx: AppContext,
  principal: Principal,
  q: { value: string; kind?: string; databases?: string[]; purpose: string },
  meta: RequestMeta,
) {
  const value = normaliseIdentifier(q.value);
  if (value.length < 2) throw badRequest('value', 'needs at least two letters or digits');
  const databases = databasesOf(q.databases);
  const matches = await store.findKeyMatches(ctx.db, [foldLookAlikes(value)], {
    kinds: q.kind ? [q.kind] : undefined,
    databases,
    limit: MAX_CANDIDATES,
  });
  const byRecord = new Map<string, { kind: string; match: 'exact' | 'similar' }>();
  for (const m of matches) {
    const match = matchKind(value, m.value);
    if (byRecord.get(m.record_id)?.match !== 'exact') byRecord.set(m.record_id, { kind: m.kind, match });
  }
  const rows = await store.findRecords(ctx.db, [...byRecord.keys()]);
  const found = decided(principal, rows)
    .map((f) => {
      const m = byRecord.get(f.row.id)!;
      return { ...f, match: m.match, detail: { kind: m.kind } };
    })
    // Exact before look-alike, what may be read before what only exists, newest first.
    .sort(
      (a, b) =>
        Number(b.match === 'exact') - Number(a.match === 'exact') ||
        Number(b.access === 'see') - Number(a.access === 'see') ||
        b.row.id.localeCompare(a.row.id),
    )
    .slice(0, MAX_RESULTS);
  return finish(ctx, principal, found, { kind: 'identifier', query: q.value, purpose: q.purpose }, meta, {
    search: 'identifier',
    kind: q.kind ?? null,
  });
}

/** A person found by the matcher, decided by the policy and rescored from the stored record. */
export type ScoredPerson = Found & { detail: Record<string, unknown>; score: number };

/**
 * The person-matching core shared by person search and border screening: candidates from the
 * person index, re-read from storage, decided by the access policy (`none` drops out), rescored
 * on the stored record, best first.
 */
export async function findPersons(
  ctx: AppContext,
  principal: Principal,
  query: PreparedQuery,
  opts: { databases: ReadonlySet<string>; minScore: number; activeOnly?: boolean },
): Promise<ScoredPerson[]> {
  const index = await personIndexOf(ctx);
  const candidates = index
    .search(query, SCORED_CANDIDATES, opts.databases)
    .filter((h) => h.score >= opts.minScore);
  if (candidates.length === 0) return [];
  const rows: RecordTable[] = [];
  const ids = candidates.map((h) => h.recordId);
  for (let i = 0; i < ids.length; i += 500)
    rows.push(...(await store.findRecords(ctx.db, ids.slice(i, i + 500))));
  const present = new Set(rows.map((r) => r.id));
  for (const id of ids) if (!present.has(id)) noteRecordRemoved(ctx, id);
  // The index found them; the stored record decides the score shown (the index may lag a write
  // made elsewhere by a moment).
  const scored: ScoredPerson[] = [];
  for (const f of decided(principal, opts.activeOnly ? rows.filter((r) => r.status === 'active') : rows)) {
    const def = definitionOf(f.row.database_id as DatabaseId);
    const persons = def.persons?.(JSON.parse(f.row.data) as Record<string, unknown>) ?? [];
    let best = { score: 0, reasons: [] as string[] };
    for (const p of persons) {
      const s = scorePrepared(query, preparePerson(p));
      if (s.score > best.score) best = s;
    }
    if (best.score < opts.minScore) continue;
    scored.push({
      ...f,
      match: best.score.toFixed(2),
      score: best.score,
      detail: { score: best.score, reasons: best.reasons },
    });
  }
  return scored.sort((a, b) => b.score - a.score || b.row.id.localeCompare(a.row.id));
}

export async function searchPersons(
  ctx: AppContext,
  principal: Principal,
  q: PersonQuery & { databases?: string[]; purpose: string; minScore?: number; limit?: number },
  meta: RequestMeta,
) {
  const query = prepareQuery(q);
  if (!query.tokens.some((t) => /[\p{L}]/u.test(t))) throw badRequest('name', 'needs at least one name');
  const scored = await findPersons(ctx, principal, query, {
    databases: new Set(databasesOf(q.databases) ?? PERSON_DATABASES),
    minScore: q.minScore ?? personMatcher.threshold,
  });
  const said = [q.name, q.dateOfBirth, q.nationality].filter(Boolean).join(', ');
  return finish(
    ctx,
    principal,
    scored.slice(0, Math.min(q.limit ?? MAX_RESULTS, MAX_RESULTS)),
    { kind: 'person', query: said, purpose: q.purpose },
    meta,
    {
      search: 'person',
      matcher: personMatcher.name,
    },
    (f) => Number(f.detail.score) >= personMatcher.threshold,
  );
}

export async function searchText(
  ctx: AppContext,
  principal: Principal,
  q: { q: string; databases?: string[]; cursor?: string; limit: number; purpose: string },
  meta: RequestMeta,
) {
  const terms = textTerms(q.q);
  if (terms.length === 0) throw badRequest('q', 'needs at least one word of two letters or more');
  const databases = databasesOf(q.databases) ?? CATALOGUE.filter((d) => !d.managedBy).map((d) => d.id);
  const page = await visibleRecords(ctx, principal, databases, { terms, cursor: q.cursor, limit: q.limit });
  const found = page.rows.map((row) => ({ row, access: 'see' as const, match: 'text', detail: {} }));
  const items = await finish(ctx, principal, found, { kind: 'text', query: q.q, purpose: q.purpose }, meta, {
    search: 'text',
  });
  return { items, nextCursor: page.nextCursor };
}

export async function searchDna(
  ctx: AppContext,
  principal: Principal,
  q: { loci: Record<string, string[]>; purpose: string },
  meta: RequestMeta,
) {
  if (Object.keys(q.loci).length < 6) throw badRequest('loci', 'give at least 6 loci to search');
  const found: (Found & { detail: Record<string, unknown>; matching: number })[] = [];
  // A linear comparison over the profiles, in id order: DNA databases compare every profile.
  let after: string | undefined;
  for (;;) {
    let query = ctx.db
      .selectFrom('records')
      .selectAll()
      .where('database_id', '=', 'dna')
      .orderBy('id')
      .limit(2000);
    if (after) query = query.where('id', '>', after);
    const batch = await query.execute();
    for (const f of decided(principal, batch)) {
      const data = JSON.parse(f.row.data) as { loci?: Record<string, string[]> };
      const c = compareProfiles(q.loci, data.loci ?? {});
      if (c.matchClass === 'none') continue;
      found.push({ ...f, match: c.matchClass, matching: c.matching.length, detail: { ...c } });
    }
    if (batch.length < 2000) break;
    after = batch.at(-1)!.id;
  }
  found.sort((a, b) => Number(b.match === 'full') - Number(a.match === 'full') || b.matching - a.matching);
  return finish(
    ctx,
    principal,
    found.slice(0, MAX_RESULTS),
    { kind: 'dna', query: `${Object.keys(q.loci).length} loci`, purpose: q.purpose },
    meta,
    { search: 'dna' },
  );
}
