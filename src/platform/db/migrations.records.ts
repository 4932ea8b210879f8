// 0003: the criminal databases — records, their history, search keys, attachments, hits and
// imports. One generic table holds the records of all 19 databases: their data is typed and
// validated per database by the catalogue, and what search needs is lifted into columns and keys.
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from './connect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
type AnyDb = Kysely<any>;

export function recordsMigration(dialect: DialectName): Migration {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('database_id', 'text', (c) => c.notNull())
        .addColumn('owner_bureau', 'text', (c) => c.notNull().references('bureaus.code'))
        .addColumn('owner_unit', 'text')
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('close_reason', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('restriction_mode', 'text', (c) => c.notNull())
        .addColumn('restriction_bureaus', 'text', (c) => c.notNull())
        .addColumn('handling', 'text', (c) => c.notNull())
        .addColumn('capability', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('legal_basis', 'text')
        .addColumn('review_date', 'text', (c) => c.notNull())
        .addColumn('source_reliability', 'text', (c) => c.notNull())
        .addColumn('info_accuracy', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('warnings', 'text')
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      // A bureau's own reference numbers are unique per database: imports are idempotent on them.
      // Also serves "what does this bureau hold". Indexes are few on purpose: each one costs every
      // row of a million-row import (the review queue's index comes with data protection).
      await db.schema
        .createIndex('records_owner_reference')
        .on('records')
        .columns(['owner_bureau', 'database_id', 'reference'])
        .unique()
        .execute();

      // Earlier versions of a record (the current one lives in `records`).
      await db.schema
        .createTable('record_versions')
        .addColumn('record_id', 'text', (c) => c.notNull().references('records.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('replaced_at', 'text', (c) => c.notNull())
        .addColumn('replaced_by', 'text', (c) => c.notNull())
        .addColumn('change', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('record_versions_pk', ['record_id', 'version'])
        .execute();

      // Search keys: exact identifiers ('document', 'vin'…) and name keys ('name') of a record. The
      // primary key is the search path; on SQLite the table is that index itself (WITHOUT ROWID).
      let keys = db.schema
        .createTable('record_keys')
        .addColumn('record_id', 'text', (c) => c.notNull().references('records.id').onDelete('cascade'))
        .addColumn('database_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('folded', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('record_keys_pk', ['folded', 'kind', 'record_id', 'value']);
      if (dialect === 'sqlite') keys = keys.modifyEnd(sql`without rowid`);
      await keys.execute();
      await db.schema.createIndex('record_keys_record').on('record_keys').column('record_id').execute();

      await db.schema
        .createTable('record_attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('record_id', 'text', (c) => c.notNull().references('records.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content', blob, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('record_attachments_record')
        .on('record_attachments')
        .column('record_id')
        .execute();

      // A hit: someone found another bureau's record. The owner is told at once.
      await db.schema
        .createTable('hits')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull().references('records.id').onDelete('cascade'))
        .addColumn('database_id', 'text', (c) => c.notNull())
        .addColumn('owner_bureau', 'text', (c) => c.notNull())
        .addColumn('searcher_type', 'text', (c) => c.notNull())
        .addColumn('searcher_id', 'text', (c) => c.notNull())
        .addColumn('searcher_name', 'text', (c) => c.notNull())
        .addColumn('searcher_bureau', 'text', (c) => c.notNull())
        .addColumn('searcher_unit', 'text')
        .addColumn('searcher_unit_name', 'text')
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('search_kind', 'text', (c) => c.notNull())
        .addColumn('query', 'text', (c) => c.notNull())
        .addColumn('access', 'text', (c) => c.notNull())
        .addColumn('match', 'text', (c) => c.notNull())
        .addColumn('owner_seen_at', 'text')
        .execute();
      await db.schema.createIndex('hits_owner').on('hits').columns(['owner_bureau', 'id']).execute();
      await db.schema.createIndex('hits_searcher').on('hits').columns(['searcher_bureau', 'id']).execute();
      await db.schema.createIndex('hits_record').on('hits').column('record_id').execute();

      await db.schema
        .createTable('hit_replies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hit_id', 'text', (c) => c.notNull().references('hits.id').onDelete('cascade'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull())
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('author_bureau', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('hit_replies_hit').on('hit_replies').columns(['hit_id', 'at']).execute();

      await db.schema
        .createTable('record_imports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('database_id', 'text', (c) => c.notNull())
        .addColumn('bureau', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('processed', 'integer', (c) => c.notNull())
        .addColumn('created', 'integer', (c) => c.notNull())
        .addColumn('updated', 'integer', (c) => c.notNull())
        .addColumn('unchanged', 'integer', (c) => c.notNull())
        .addColumn('rejected', 'integer', (c) => c.notNull())
        .addColumn('report', 'text')
        .addColumn('error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema
        .createIndex('record_imports_bureau')
        .on('record_imports')
        .columns(['bureau', 'created_at'])
        .execute();
    },
  };
}
