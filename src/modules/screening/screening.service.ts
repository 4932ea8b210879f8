// Border screening: documents, vehicles and travellers checked against the screenable databases,
// one item or a whole manifest per call. Every found record passes the access policy (a border
// key without the databases capability learns only that it exists: "contact the owner bureau");
// every hit on another bureau's record is reported to its owner, grouped per owner; every call
// is one audit event.
import crypto from 'node:crypto';
import type { AppContext, RequestMeta } from '../../context.js';
import { hasRole, type Principal } from '../../platform/auth/principal.js';
import type { RecordTable } from '../../platform/db/schema.js';
import { ProblemError } from '../../platform/http/problem.js';
import { prepareQuery } from '../matching/person-score.js';
import type { FieldIssue } from '../records/catalogue/catalogue.types.js';
import { type Found, reportHits } from '../records/hits/hits.service.js';
import { toRecordDto } from '../records/records.row.js';
import type { RecordDto } from '../records/records.schema.js';
import * as store from '../records/records.store.js';
import { normaliseIdentifier } from '../records/search/normalise.js';
import { personMatcher } from '../records/search/person-matcher.js';
import { decided, findPersons } from '../records/search/search.service.js';
import {
  type DocumentCheck,
  type Parsed,
  type PersonCheck,
  parseDocumentItem,
  parseTravellerItem,
  parseVehicleItem,
  type TravellerCheck,
  type VehicleCheck,
} from './screening.items.js';

export const MAX_ITEMS = 10_000;
export const DEFAULT_PURPOSE = 'Border check';

/** Where each kind of identifier is looked for. */
const DOCUMENT_KEYS = {
  kinds: ['document', 'serial'],
  databases: ['travel_documents', 'notice_documents', 'administrative_documents'],
};
const VEHICLE_KEYS = { databases: ['vehicles'] };
/** Person checks between two turns of the event loop. */
const YIELD_EVERY = 100;
/** Persons a border stops or reports: not witnesses, victims or bodies. */
const PERSON_DATABASES = new Set(['nominal', 'notice_documents']);
const SCREENED_PERSON_STATUSES = new Set(['wanted', 'suspect', 'convicted', 'missing', 'person_of_interest']);

export interface ScreeningHit {
  check: 'document' | 'vehicle' | 'person';
  database: string;
  ownerBureau: string;
  recordId: string;
  hitId: string | null;
  access: 'see' | 'exists';
  match: string;
  score?: number;
  reasons?: string[];
  label?: string;
  record?: RecordDto;
}

export interface ItemResult {
  index: number;
  status: 'no_hit' | 'hit' | 'invalid';
  reasons?: FieldIssue[];
  hits?: ScreeningHit[];
  document?: DocumentCheck;
  person?: PersonCheck;
}

export interface ScreeningAnswer {
  summary: { checked: number; hits: number; noHits: number; invalid: number };
  items: ItemResult[];
}

/** An item that passed parsing, with its place in the call. */
type Checked<T> = { item: number; check: T };

/** What one route checks: how an item is read, what is looked for, what is echoed back. */
export interface Screening<T> {
  kind: 'documents' | 'vehicles' | 'travellers';
  parse(item: unknown): Parsed<T>;
  find(
    ctx: AppContext,
    principal: Principal,
    checks: Checked<T>[],
  ): Promise<(Finding & { access?: 'see' | 'exists' })[]>;
  echo?(check: T): Pick<ItemResult, 'document' | 'person'>;
}

/** A record found for an item, before the policy is asked. */
interface Finding {
  item: number;
  check: ScreeningHit['check'];
  row: RecordTable;
  match: string;
  query: string;
  score?: number;
  reasons?: string[];
}

function assertMayScreen(principal: Principal) {
  if (!hasRole(principal, 'officer', 'supervisor', 'system')) {
    throw new ProblemError(403, 'forbidden', 'Border checks need the officer, supervisor or system role');
  }
  if (!principal.capabilities.includes('screening')) {
    throw new ProblemError(403, 'missing_capability', 'This needs the screening capability');
  }
}

const dataOf = (row: RecordTable) => JSON.parse(row.data) as Record<string, unknown>;

/** A found record and its data, parsed once however many items name it. */
interface Candidate {
  row: RecordTable;
  data: Record<string, unknown>;
}

/** Active records of the wanted keys, read once for the whole call. */
async function rowsOfKeys(ctx: AppContext, keys: { record_id: string }[]) {
  const ids = [...new Set(keys.map((k) => k.record_id))];
  const rows = new Map<string, Candidate>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await store.findRecords(ctx.db, ids.slice(i, i + 500), ctx.handle.reader?.())) {
      if (r.status === 'active') rows.set(r.id, { row: r, data: dataOf(r) });
    }
  }
  return rows;
}

/** The found records under each key value (`kind value`), for lookups item by item. */
async function candidatesByKey(ctx: AppContext, keys: store.ExactKey[]) {
  const rows = await rowsOfKeys(ctx, keys);
  const byKey = new Map<string, Candidate[]>();
  for (const k of keys) {
    const c = rows.get(k.record_id);
    if (!c) continue;
    const key = `${k.kind} ${k.value}`;
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  }
  return byKey;
}

/** Documents match on number and issuing country (the number alone is not unique worldwide). */
async function findDocuments(ctx: AppContext, docs: Checked<DocumentCheck>[]) {
  if (docs.length === 0) return [];
  const keys = await store.findExactKeys(
    ctx.db,
    docs.map((d) => d.check.number),
    DOCUMENT_KEYS.kinds,
    DOCUMENT_KEYS.databases,
    ctx.handle.reader?.(),
  );
  if (keys.length === 0) return [];
  const byKey = await candidatesByKey(ctx, keys);
  const out: Finding[] = [];
  for (const { item, check: doc } of docs) {
    const seen = new Set<string>();
    for (const kind of DOCUMENT_KEYS.kinds) {
      for (const { row, data } of byKey.get(`${kind} ${doc.number}`) ?? []) {
        if (seen.has(row.id) || data.issuingCountry !== doc.issuingCountry) continue;
        seen.add(row.id);
        out.push({
          item,
          check: 'document',
          row,
          match: 'exact',
          query: `${doc.issuingCountry} ${doc.number}`,
        });
      }
    }
  }
  return out;
}

/** Vehicles match on the VIN, or on the plate (and its country when both sides give one). */
async function findVehicles(ctx: AppContext, vehicles: Checked<VehicleCheck>[]) {
  const values = vehicles.flatMap(({ check: v }) => [v.vin, v.plate].filter((x): x is string => Boolean(x)));
  if (values.length === 0) return [];
  const keys = await store.findExactKeys(
    ctx.db,
    values,
    ['vin', 'plate'],
    VEHICLE_KEYS.databases,
    ctx.handle.reader?.(),
  );
  if (keys.length === 0) return [];
  const byKey = await candidatesByKey(ctx, keys);
  const out: Finding[] = [];
  for (const { item, check: v } of vehicles) {
    const seen = new Set<string>();
    for (const { row } of v.vin ? (byKey.get(`vin ${v.vin}`) ?? []) : []) {
      seen.add(row.id);
      out.push({ item, check: 'vehicle', row, match: 'exact', query: `VIN ${v.vin}` });
    }
    for (const { row, data } of v.plate ? (byKey.get(`plate ${v.plate}`) ?? []) : []) {
      if (seen.has(row.id) || !plateCountryAgrees(data, v)) continue;
      seen.add(row.id);
      out.push({ item, check: 'vehicle', row, match: 'exact', query: `plate ${v.country ?? ''} ${v.plate}` });
    }
  }
  return out;
}

function plateCountryAgrees(data: Record<string, unknown>, v: VehicleCheck): boolean {
  if (!v.country) return true;
  const plates = (data.plates ?? []) as { number: string; country?: string }[];
  return plates.some(
    (p) => normaliseIdentifier(p.number) === v.plate && (!p.country || p.country === v.country),
  );
}

/** Persons through the person matcher, at its threshold; only statuses a border acts on. */
async function findTravellers(ctx: AppContext, principal: Principal, persons: Checked<PersonCheck>[]) {
  const out: (Finding & { access: 'see' | 'exists' })[] = [];
  for (const [n, { item, check: p }] of persons.entries()) {
    // A manifest of 10,000 travellers is seconds of matching: let other requests in between.
    if (n > 0 && n % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    const found = await findPersons(ctx, principal, prepareQuery(p), {
      databases: PERSON_DATABASES,
      minScore: personMatcher.threshold,
      activeOnly: true,
    });
    for (const f of found) {
      if (f.row.database_id === 'nominal' && !SCREENED_PERSON_STATUSES.has(String(dataOf(f.row).status)))
        continue;
      out.push({
        item,
        check: 'person',
        row: f.row,
        access: f.access,
        match: f.match,
        score: f.score,
        reasons: f.detail.reasons as string[],
        query: [p.name, p.dateOfBirth, p.nationality].filter(Boolean).join(', '),
      });
    }
  }
  return out;
}

function toHit(f: Finding & { access: 'see' | 'exists' }, hitId: string | null): ScreeningHit {
  return {
    check: f.check,
    database: f.row.database_id,
    ownerBureau: f.row.owner_bureau,
    recordId: f.row.id,
    hitId,
    access: f.access,
    match: f.match,
    ...(f.score !== undefined ? { score: f.score, reasons: f.reasons } : {}),
    ...(f.access === 'see' ? { label: f.row.label, record: toRecordDto(f.row) } : {}),
  };
}

/** A digest of the items checked: the audit event names the manifest without copying it. */
function digestOf(items: unknown[]): string {
  return crypto.createHash('sha256').update(JSON.stringify(items)).digest('hex');
}

export async function screen<T>(
  ctx: AppContext,
  principal: Principal,
  spec: Screening<T>,
  body: { items: unknown[]; purpose?: string },
  meta: RequestMeta,
): Promise<ScreeningAnswer> {
  assertMayScreen(principal);
  const purpose = body.purpose ?? DEFAULT_PURPOSE;
  const parsed = body.items.map((item) => spec.parse(item));
  const checks: Checked<T>[] = [];
  parsed.forEach((p, item) => {
    if (p.ok) checks.push({ item, check: p.check });
  });
  const findings = await spec.find(ctx, principal, checks);
  // The policy decides each record (documents and vehicles here; persons were decided when found).
  const decidedRows = new Map(
    decided(
      principal,
      findings.filter((f) => !f.access).map((f) => f.row),
    ).map((d) => [d.row.id, d.access]),
  );
  const visible = findings
    .map((f) => ({ ...f, access: f.access ?? decidedRows.get(f.row.id) }))
    .filter((f): f is Finding & { access: 'see' | 'exists' } => f.access !== undefined);
  const hitItems = new Set(visible.map((f) => f.item));
  const summary = {
    checked: checks.length,
    hits: hitItems.size,
    noHits: checks.length - hitItems.size,
    invalid: parsed.length - checks.length,
  };
  const found: Found[] = visible.map((f) => ({
    row: f.row,
    access: f.access,
    match: f.match,
    query: f.query,
  }));
  // One audit write for the call: the check itself and every hit it made.
  const hitIds = await reportHits(
    ctx,
    principal,
    found,
    { kind: 'screening', query: spec.kind, purpose },
    meta,
    [
      {
        actor: principal,
        action: 'screening.check',
        purpose,
        target: { type: 'screening', id: spec.kind },
        outcome: 'success',
        requestId: meta.requestId,
        details: { items: parsed.length, ...summary, digest: digestOf(body.items) },
      },
    ],
  );

  const hitsByItem = new Map<number, ScreeningHit[]>();
  for (const f of visible) {
    const hit = toHit(f, hitIds.get(f.row.id) ?? null);
    const list = hitsByItem.get(f.item);
    if (list) list.push(hit);
    else hitsByItem.set(f.item, [hit]);
  }
  const items: ItemResult[] = parsed.map((p, index) => {
    if (!p.ok) return { index, status: 'invalid', reasons: p.reasons };
    const hits = hitsByItem.get(index);
    return {
      index,
      status: hits ? 'hit' : 'no_hit',
      ...(hits ? { hits } : {}),
      ...(spec.echo ? spec.echo(p.check) : {}),
    };
  });
  return { summary, items };
}

export const DOCUMENTS: Screening<DocumentCheck> = {
  kind: 'documents',
  parse: parseDocumentItem,
  find: (ctx, _principal, checks) => findDocuments(ctx, checks),
};

export const VEHICLES: Screening<VehicleCheck> = {
  kind: 'vehicles',
  parse: parseVehicleItem,
  find: (ctx, _principal, checks) => findVehicles(ctx, checks),
};

export const TRAVELLERS: Screening<TravellerCheck> = {
  kind: 'travellers',
  parse: parseTravellerItem,
  async find(ctx, principal, checks) {
    const part = <K extends 'document' | 'person'>(key: K) =>
      checks.flatMap((c) => (c.check[key] ? [{ item: c.item, check: c.check[key]! }] : []));
    return [
      ...(await findDocuments(ctx, part('document'))),
      ...(await findTravellers(ctx, principal, part('person'))),
    ];
  },
  echo: (check) => ({
    ...(check.document ? { document: check.document } : {}),
    ...(check.person ? { person: check.person } : {}),
  }),
};
