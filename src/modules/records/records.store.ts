// SQL of records, their history and their search keys. The service opens transactions.
import type SQLite from 'better-sqlite3';
import { type ExpressionBuilder, sql } from 'kysely';
import type {
  Database,
  Executor,
  RecordKeyTable,
  RecordTable,
  RecordVersionTable,
} from '../../platform/db/schema.js';
import {
  KEY_COLUMNS,
  type PackedWrite,
  RECORD_COLUMNS,
  type RecordWrite,
  unpackWrite,
} from './records.row.js';
import { foldLookAlikes } from './search/normalise.js';

// SQLite allows 32,766 bound values per statement; PostgreSQL 65,535. 27 columns × 500 rows fits both.
const ROWS_PER_INSERT = 500;
const KEYS_PER_INSERT = 2000;

const prepared = new WeakMap<SQLite.Database, { record: SQLite.Statement; key: SQLite.Statement }>();

/**
 * Bulk insert on SQLite: two prepared statements run once per row, on the connection Kysely
 * uses (so inside the caller's transaction), binding the packed column arrays as they come.
 * Several times faster than compiling multi-row INSERTs: a million-row import takes seconds.
 */
function insertPackedSqlite(sqlite: SQLite.Database, writes: PackedWrite[]) {
  let s = prepared.get(sqlite);
  if (!s) {
    const insert = (table: string, cols: readonly string[]) =>
      sqlite.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`);
    s = { record: insert('records', RECORD_COLUMNS), key: insert('record_keys', KEY_COLUMNS) };
    prepared.set(sqlite, s);
  }
  for (const w of writes) {
    s.record.run(w.v);
    for (const k of w.k) s.key.run(k);
  }
}

/**
 * Inserts packed records (see records.row.ts) and their keys. `sqlite` (the handle's own
 * connection) takes the fast path; pass it only inside a transaction the caller holds, so no
 * other query shares the connection.
 */
export async function insertPacked(ex: Executor, writes: PackedWrite[], sqlite?: SQLite.Database) {
  if (sqlite) insertPackedSqlite(sqlite, writes);
  else await insertRecords(ex, writes.map(unpackWrite));
}

/** Inserts new records and their keys. */
export async function insertRecords(ex: Executor, writes: RecordWrite[]) {
  for (let i = 0; i < writes.length; i += ROWS_PER_INSERT) {
    await ex
      .insertInto('records')
      .values(writes.slice(i, i + ROWS_PER_INSERT).map((w) => w.row))
      .execute();
  }
  await insertKeys(
    ex,
    writes.flatMap((w) => w.keys),
  );
}

export async function insertKeys(ex: Executor, keys: RecordKeyTable[]) {
  for (let i = 0; i < keys.length; i += KEYS_PER_INSERT) {
    await ex
      .insertInto('record_keys')
      .values(keys.slice(i, i + KEYS_PER_INSERT))
      .execute();
  }
}

export async function findRecord(ex: Executor, id: string): Promise<RecordTable | undefined> {
  return ex.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRecords(
  ex: Executor,
  ids: string[],
  /** A read-only SQLite connection (border checks): one prepared statement, no query building. */
  reader?: SQLite.Database,
): Promise<RecordTable[]> {
  if (ids.length === 0) return [];
  if (reader) return recordsById(reader).all(JSON.stringify(ids)) as RecordTable[];
  return ex.selectFrom('records').selectAll().where('id', 'in', ids).execute();
}

const recordsByIdStatements = new WeakMap<SQLite.Database, SQLite.Statement>();

function recordsById(reader: SQLite.Database): SQLite.Statement {
  let s = recordsByIdStatements.get(reader);
  if (!s) {
    s = reader.prepare('select * from records where id in (select value from json_each(?))');
    recordsByIdStatements.set(reader, s);
  }
  return s;
}

/** The records a bureau already holds under these reference numbers, by reference. */
export async function findByReferences(ex: Executor, database: string, owner: string, references: string[]) {
  const out = new Map<string, RecordTable>();
  for (let i = 0; i < references.length; i += ROWS_PER_INSERT) {
    const rows = await ex
      .selectFrom('records')
      .selectAll()
      .where('database_id', '=', database)
      .where('owner_bureau', '=', owner)
      .where('reference', 'in', references.slice(i, i + ROWS_PER_INSERT))
      .execute();
    for (const r of rows) out.set(r.reference, r);
  }
  return out;
}

/** Replaces the current version when it is still `expectedVersion`; false when someone was faster. */
export async function replaceRecord(ex: Executor, expectedVersion: number, next: RecordWrite) {
  const { id, created_at, created_by, ...rest } = next.row;
  const res = await ex
    .updateTable('records')
    .set(rest)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await ex.deleteFrom('record_keys').where('record_id', '=', id).execute();
  await insertKeys(ex, next.keys);
  return true;
}

export async function insertVersion(ex: Executor, v: RecordVersionTable) {
  await ex.insertInto('record_versions').values(v).execute();
}

export async function listVersions(ex: Executor, recordId: string) {
  return ex
    .selectFrom('record_versions')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('version', 'desc')
    .execute();
}

/** Real removal: the record, its history, keys, attachments and hits (foreign keys cascade). */
export async function deleteRecord(ex: Executor, id: string, expectedVersion: number) {
  const res = await ex
    .deleteFrom('records')
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

export interface KeyMatch {
  record_id: string;
  kind: string;
  value: string;
}

/** Records whose key of `kind` (any identifier kind when absent) folds to one of `folded`. */
export async function findKeyMatches(
  ex: Executor,
  folded: string[],
  opts: { kinds?: string[]; databases?: string[]; limit: number },
): Promise<KeyMatch[]> {
  if (folded.length === 0) return [];
  let q = ex
    .selectFrom('record_keys')
    .select(['record_id', 'kind', 'value'])
    .where('folded', 'in', folded)
    .limit(opts.limit);
  q = opts.kinds ? q.where('kind', 'in', opts.kinds) : q.where('kind', '!=', 'name');
  if (opts.databases) q = q.where('database_id', 'in', opts.databases);
  return q.execute();
}

export interface ExactKey extends KeyMatch {
  database_id: string;
}

/**
 * Records whose identifier of one of `kinds`, in one of `databases`, is exactly one of the
 * normalised `values` (border screening: exact matches only, look-alikes would flood a post).
 * Looked up by the folded key, the primary key's first column.
 */
export async function findExactKeys(
  ex: Executor,
  values: string[],
  kinds: string[],
  databases: string[],
  /** A read-only SQLite connection: one prepared statement for all the values, no query building. */
  reader?: SQLite.Database,
): Promise<ExactKey[]> {
  const wanted = new Set(values);
  const folded = [...new Set(values.map(foldLookAlikes))];
  const out: ExactKey[] = [];
  if (reader) {
    for (const r of keyLookup(reader).all(JSON.stringify(folded)) as ExactKey[]) {
      if (wanted.has(r.value) && kinds.includes(r.kind) && databases.includes(r.database_id)) out.push(r);
    }
    return out;
  }
  for (let i = 0; i < folded.length; i += ROWS_PER_INSERT) {
    const rows = await ex
      .selectFrom('record_keys')
      .select(['record_id', 'database_id', 'kind', 'value'])
      .where('folded', 'in', folded.slice(i, i + ROWS_PER_INSERT))
      .where('kind', 'in', kinds)
      .where('database_id', 'in', databases)
      .execute();
    for (const r of rows) if (wanted.has(r.value)) out.push(r);
  }
  return out;
}

const keyLookups = new WeakMap<SQLite.Database, SQLite.Statement>();

function keyLookup(reader: SQLite.Database): SQLite.Statement {
  let s = keyLookups.get(reader);
  if (!s) {
    // One statement and one read transaction for any number of values: each is an index lookup.
    s = reader.prepare(
      'select record_id, database_id, kind, value from record_keys where folded in (select value from json_each(?))',
    );
    keyLookups.set(reader, s);
  }
  return s;
}

/**
 * A coarse SQL pre-filter of the records a bureau might see, so pages fill up; the access
 * policy still decides each row afterwards. It may let through rows the policy refuses,
 * never the other way round: owner, a GS reviewer, public data, or a restriction naming or
 * not excluding the bureau.
 */
export function mayBeVisibleTo(bureau: string, reviewsEverything: boolean) {
  const quoted = `%"${bureau}"%`;
  return (eb: ExpressionBuilder<Database, 'records'>) =>
    reviewsEverything
      ? eb.val(true)
      : eb.or([
          eb('owner_bureau', '=', bureau),
          eb('handling', '=', 'public'),
          eb('restriction_mode', '=', 'everyone'),
          eb.and([eb('restriction_mode', '=', 'only'), eb('restriction_bureaus', 'like', quoted)]),
          eb.and([eb('restriction_mode', '=', 'except'), eb('restriction_bureaus', 'not like', quoted)]),
        ]);
}

export interface RecordFilter {
  databases: string[];
  bureau: string;
  reviewsEverything: boolean;
  owner?: string;
  status?: 'active' | 'closed';
  /** Normalised words that must all appear in the record's searchable text. */
  terms?: string[];
  /** Ids strictly below this one (newest first). */
  before?: string;
  limit: number;
}

export async function listCandidates(ex: Executor, f: RecordFilter): Promise<RecordTable[]> {
  if (f.databases.length === 0) return [];
  let q = ex
    .selectFrom('records')
    .selectAll()
    .where('database_id', 'in', f.databases)
    .where(mayBeVisibleTo(f.bureau, f.reviewsEverything))
    .orderBy('id', 'desc')
    .limit(f.limit);
  if (f.owner) q = q.where('owner_bureau', '=', f.owner);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.before) q = q.where('id', '<', f.before);
  for (const t of f.terms ?? []) q = q.where('search_text', 'like', `%${t}%`);
  return q.execute();
}

export async function countOwned(ex: Executor, bureau: string) {
  const rows = await ex
    .selectFrom('records')
    .select(['database_id', sql<number>`count(*)`.as('n')])
    .where('owner_bureau', '=', bureau)
    .groupBy('database_id')
    .execute();
  return new Map(rows.map((r) => [r.database_id, Number(r.n)]));
}

export async function countOwnedIn(ex: Executor, database: string, bureau: string): Promise<number> {
  const row = await ex
    .selectFrom('records')
    .select(sql<number>`count(*)`.as('n'))
    .where('database_id', '=', database)
    .where('owner_bureau', '=', bureau)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** What the access policy and a link chart need of records, without their data (networks). */
export async function findAccessColumns(ex: Executor, ids: string[]) {
  const out = [];
  for (let i = 0; i < ids.length; i += ROWS_PER_INSERT) {
    out.push(
      ...(await ex
        .selectFrom('records')
        .select([
          'id',
          'database_id',
          'owner_bureau',
          'restriction_mode',
          'restriction_bureaus',
          'handling',
          'capability',
          'label',
          'status',
          'version',
        ])
        .where('id', 'in', ids.slice(i, i + ROWS_PER_INSERT))
        .execute()),
    );
  }
  return out;
}

/** Ids of records stamped at or after `since` (other modules' in-memory indexes catch up by it). */
export async function idsUpdatedSince(ex: Executor, since: string): Promise<string[]> {
  const rows = await ex.selectFrom('records').select('id').where('updated_at', '>=', since).execute();
  return rows.map((r) => r.id);
}
