// Builds the stored form of a record — the row and its search keys — in one place, for the
// service (one record) and the importer (many). Also turns a row back into its API shape.
import type { Capability, Principal } from '../../platform/auth/principal.js';
import type { RecordKeyTable, RecordTable } from '../../platform/db/schema.js';
import { uuid7 } from '../../platform/ids/uuid7.js';
import type { HandlingCode, Restriction } from '../../platform/policy/access.js';
import type { DatabaseDefinition, FieldIssue } from './catalogue/catalogue.types.js';
import { CATALOGUE } from './catalogue/index.js';
import type { RecordDto } from './records.schema.js';
import { foldLookAlikes, normaliseIdentifier, normaliseText } from './search/normalise.js';

/** The envelope fields a bureau gives for a record, besides its data. */
export interface RecordEnvelope {
  reference: string;
  restriction: Restriction;
  handling: HandlingCode;
  purpose: string;
  legalBasis?: string | null;
  reviewDate?: string;
  sourceReliability: string;
  infoAccuracy: number;
}

export interface RecordWrite {
  row: RecordTable;
  keys: RecordKeyTable[];
}

const reviewDates = new Map<string, string>();

/** `reviewDateAfter` for a day and a period, remembered: bulk imports ask it a million times. */
function defaultReviewDate(years: number, now: string): string {
  const key = `${years}|${now.slice(0, 10)}`;
  let d = reviewDates.get(key);
  if (!d) {
    if (reviewDates.size > 100) reviewDates.clear();
    d = reviewDateAfter(years, new Date(now));
    reviewDates.set(key, d);
  }
  return d;
}

/** Today plus whole years, as YYYY-MM-DD (29 February falls back to 28 February). */
export function reviewDateAfter(years: number, from = new Date()): string {
  const d = new Date(Date.UTC(from.getUTCFullYear() + years, from.getUTCMonth(), from.getUTCDate()));
  if (d.getUTCDate() !== from.getUTCDate()) d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

/** The search keys of a record: its exact identifiers (persons are found through the person index). */
export function keysOf(def: DatabaseDefinition, recordId: string, data: Record<string, unknown>) {
  const keys: RecordKeyTable[] = [];
  const add = (kind: string, value: string, folded: string) => {
    if (!value) return;
    // Records hold a handful of keys: a linear look for duplicates beats building a set.
    for (const k of keys) if (k.kind === kind && k.value === value) return;
    keys.push({ record_id: recordId, database_id: def.id, kind, value, folded });
  };
  for (const id of def.identifiers(data)) {
    const value = normaliseIdentifier(id.value);
    add(id.kind, value, foldLookAlikes(value));
  }
  return keys;
}

// The stored form of a restriction, remembered per restriction object: an import's rows share one.
const restrictionJson = new WeakMap<object, string>();
function bureausOf(r: Restriction): string {
  let json = restrictionJson.get(r);
  if (json === undefined) {
    json = JSON.stringify(r.mode === 'everyone' ? [] : [...r.bureaus].map((b) => b.toUpperCase()).sort());
    restrictionJson.set(r, json);
  }
  return json;
}

export function buildRecordWrite(
  def: DatabaseDefinition,
  envelope: RecordEnvelope,
  data: Record<string, unknown>,
  warnings: FieldIssue[],
  author: Principal,
  owner: string,
  now: string,
  id = uuid7(),
): RecordWrite {
  const r = envelope.restriction;
  const row: RecordTable = {
    id,
    database_id: def.id,
    owner_bureau: owner,
    owner_unit: author.bureau === owner ? author.unitId : null,
    reference: envelope.reference,
    status: 'active',
    close_reason: null,
    closed_at: null,
    restriction_mode: r.mode,
    restriction_bureaus: bureausOf(r),
    handling: envelope.handling,
    capability: def.capability,
    purpose: envelope.purpose,
    legal_basis: envelope.legalBasis ?? null,
    review_date: envelope.reviewDate ?? defaultReviewDate(def.reviewYears, now),
    source_reliability: envelope.sourceReliability,
    info_accuracy: envelope.infoAccuracy,
    data: JSON.stringify(data),
    warnings: warnings.length > 0 ? JSON.stringify(warnings) : null,
    label: def.label(data).slice(0, 300),
    search_text: normaliseText(`${envelope.reference} ${def.text(data)}`),
    version: 1,
    created_at: now,
    created_by: author.name,
    updated_at: now,
    updated_by: author.name,
  };
  return { row, keys: keysOf(def, id, data) };
}

export function restrictionOf(
  row: Pick<RecordTable, 'restriction_mode' | 'restriction_bureaus'>,
): Restriction {
  if (row.restriction_mode === 'everyone') return { mode: 'everyone' };
  return { mode: row.restriction_mode, bureaus: JSON.parse(row.restriction_bureaus) as string[] };
}

const SCREENABLE = new Set(CATALOGUE.filter((d) => d.screenable).map((d) => d.id as string));

/** The access descriptor the policy judges a record by. */
export function accessOf(
  row: Pick<
    RecordTable,
    'database_id' | 'owner_bureau' | 'restriction_mode' | 'restriction_bureaus' | 'handling' | 'capability'
  >,
) {
  return {
    ownerBureau: row.owner_bureau,
    restriction: restrictionOf(row),
    handling: row.handling as HandlingCode,
    capability: row.capability as Capability,
    screenable: SCREENABLE.has(row.database_id),
  };
}

export function toRecordDto(row: RecordTable): RecordDto {
  return {
    access: 'see',
    id: row.id,
    database: row.database_id,
    reference: row.reference,
    ownerBureau: row.owner_bureau,
    ownerUnit: row.owner_unit,
    status: row.status,
    closeReason: row.close_reason,
    closedAt: row.closed_at,
    restriction: restrictionOf(row),
    handling: row.handling as HandlingCode,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    reviewDate: row.review_date,
    sourceReliability: row.source_reliability,
    infoAccuracy: row.info_accuracy,
    data: JSON.parse(row.data) as Record<string, unknown>,
    warnings: row.warnings ? (JSON.parse(row.warnings) as FieldIssue[]) : [],
    label: row.label,
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** Column order of a packed record row and of a packed key (also the bulk INSERTs' order). */
export const RECORD_COLUMNS = [
  'id',
  'database_id',
  'owner_bureau',
  'owner_unit',
  'reference',
  'status',
  'close_reason',
  'closed_at',
  'restriction_mode',
  'restriction_bureaus',
  'handling',
  'capability',
  'purpose',
  'legal_basis',
  'review_date',
  'source_reliability',
  'info_accuracy',
  'data',
  'warnings',
  'label',
  'search_text',
  'version',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
] as const satisfies readonly (keyof RecordTable)[];
export const KEY_COLUMNS = [
  'record_id',
  'database_id',
  'kind',
  'value',
  'folded',
] as const satisfies readonly (keyof RecordKeyTable)[];

/**
 * A record write as arrays of column values: what an import's worker thread hands to the
 * writing thread (arrays cross threads far cheaper than objects) and what SQLite binds directly.
 */
export interface PackedWrite {
  v: unknown[];
  k: unknown[][];
}

// Written out field by field (in RECORD_COLUMNS order, which a test holds it to): property
// reads by a fixed name are several times faster than reads by a computed key, a million times.
function packRow(r: RecordTable): unknown[] {
  return [
    r.id,
    r.database_id,
    r.owner_bureau,
    r.owner_unit,
    r.reference,
    r.status,
    r.close_reason,
    r.closed_at,
    r.restriction_mode,
    r.restriction_bureaus,
    r.handling,
    r.capability,
    r.purpose,
    r.legal_basis,
    r.review_date,
    r.source_reliability,
    r.info_accuracy,
    r.data,
    r.warnings,
    r.label,
    r.search_text,
    r.version,
    r.created_at,
    r.created_by,
    r.updated_at,
    r.updated_by,
  ];
}

export function packWrite(w: RecordWrite): PackedWrite {
  return { v: packRow(w.row), k: w.keys.map((k) => [k.record_id, k.database_id, k.kind, k.value, k.folded]) };
}

export function unpackWrite(p: PackedWrite): RecordWrite {
  const row = Object.fromEntries(RECORD_COLUMNS.map((c, i) => [c, p.v[i]])) as unknown as RecordTable;
  const keys = p.k.map(
    (k) => Object.fromEntries(KEY_COLUMNS.map((c, i) => [c, k[i]])) as unknown as RecordKeyTable,
  );
  return { row, keys };
}
