// 0006: notices and diffusions — the requests, their workflow steps, their photos, the records
// a published notice feeds to border screening, and the yearly counter of control numbers.
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from './connect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
type AnyDb = Kysely<any>;

export function noticesMigration(dialect: DialectName): Migration {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('notices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // "YYYY/NNNNN", given at publication (a notice) or when sent (a diffusion).
        .addColumn('control_number', 'text', (c) => c.unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('requesting_bureau', 'text', (c) => c.notNull().references('bureaus.code'))
        .addColumn('requesting_unit', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('recipients', 'text', (c) => c.notNull())
        .addColumn('public_extract', 'integer', (c) => c.notNull())
        .addColumn('handling', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        // What the public API filters on, lifted out of `data` (upper-case, accents dropped).
        .addColumn('subject_name', 'text')
        .addColumn('subject_forenames', 'text')
        .addColumn('subject_sex', 'text')
        .addColumn('subject_birth', 'text')
        .addColumn('subject_nationalities', 'text', (c) => c.notNull())
        .addColumn('warrant_country', 'text')
        .addColumn('reviewer', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('published_at', 'text')
        .addColumn('review_date', 'text')
        .addColumn('closed_at', 'text')
        // Diffusions: when the General Secretariat checked a sent diffusion for compliance.
        .addColumn('compliance_checked_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('notices_bureau')
        .on('notices')
        .columns(['requesting_bureau', 'id'])
        .execute();
      await db.schema.createIndex('notices_status').on('notices').columns(['status', 'type', 'id']).execute();

      await db.schema
        .createTable('notice_steps')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id').onDelete('cascade'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('actor_bureau', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .execute();
      await db.schema
        .createIndex('notice_steps_notice')
        .on('notice_steps')
        .columns(['notice_id', 'id'])
        .execute();

      await db.schema
        .createTable('notice_files')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id').onDelete('cascade'))
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content', blob, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notice_files_notice').on('notice_files').column('notice_id').execute();

      // The records (nominal person, notice documents) a published notice put in front of border
      // screening; closed when the notice is cancelled, withdrawn or expires.
      await db.schema
        .createTable('notice_records')
        .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id').onDelete('cascade'))
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('database_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('notice_records_pk', ['notice_id', 'record_id'])
        .execute();

      await db.schema
        .createTable('notice_counters')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('last', 'integer', (c) => c.notNull())
        .execute();
    },
  };
}
