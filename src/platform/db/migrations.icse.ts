// 0009: child-exploitation media (ICSE). Media and their hashes, the encrypted content and
// preview kept apart from the hashes (so matching never reads content), series with their
// victims and offenders, the matches found, and the notices sent to units that hold media.
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from './connect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
type AnyDb = Kysely<any>;

export function icseMigration(dialect: DialectName): Migration {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  const autoId = dialect === 'postgres' ? 'bigserial' : 'integer';
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('icse_series')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('owner_bureau', 'text', (c) => c.notNull().references('bureaus.code'))
        .addColumn('owner_unit', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('icse_series_name').on('icse_series').column('name').execute();

      // Victims and offenders of a series; identified by a bureau, at a time.
      await db.schema
        .createTable('icse_subjects')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('series_id', 'text', (c) => c.notNull().references('icse_series.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull()) // victim, offender
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('notes', 'text')
        .addColumn('identified', 'integer', (c) => c.notNull())
        .addColumn('identified_by_bureau', 'text')
        .addColumn('identified_by', 'text')
        .addColumn('identified_at', 'text')
        .addColumn('owner_bureau', 'text', (c) => c.notNull().references('bureaus.code'))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('icse_subjects_series').on('icse_subjects').column('series_id').execute();

      await db.schema
        .createTable('icse_media')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_bureau', 'text', (c) => c.notNull().references('bureaus.code'))
        .addColumn('owner_unit', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull()) // upload, import
        .addColumn('kind', 'text', (c) => c.notNull()) // image, video, hashes (an imported entry)
        .addColumn('batch_id', 'text')
        .addColumn('file_name', 'text')
        .addColumn('mime', 'text')
        .addColumn('size', 'integer')
        .addColumn('md5', 'text')
        .addColumn('sha1', 'text')
        .addColumn('sha256', 'text')
        .addColumn('pdq', 'text')
        .addColumn('pdq_quality', 'integer')
        .addColumn('category', 'integer') // Project VIC category 0–4
        .addColumn('series_id', 'text', (c) => c.references('icse_series.id').onDelete('set null'))
        .addColumn('import_case', 'text') // the VICS case an imported entry came with
        .addColumn('victim_identified', 'integer') // as an imported list says (VICS flags)
        .addColumn('offender_identified', 'integer')
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      // One bureau holds given bytes once: two racing uploads of the same file make one medium.
      await db.schema
        .createIndex('icse_media_own_upload')
        .on('icse_media')
        .columns(['owner_bureau', 'sha256'])
        .unique()
        .where(sql.ref('source'), '=', 'upload')
        .execute();
      for (const col of ['md5', 'sha1', 'sha256', 'series_id', 'batch_id']) {
        await db.schema.createIndex(`icse_media_${col}`).on('icse_media').column(col).execute();
      }

      // The media's bytes and blurred preview, AES-256-GCM sealed; read only by view and reveal.
      await db.schema
        .createTable('icse_content')
        .addColumn('media_id', 'text', (c) => c.primaryKey().references('icse_media.id').onDelete('cascade'))
        .addColumn('original', blob, (c) => c.notNull())
        .addColumn('preview', blob)
        .execute();

      // Perceptual hashes: one per image, one per sampled frame of a video. `seq` orders them for
      // the in-memory index's catch-up.
      await db.schema
        .createTable('icse_hashes')
        .addColumn('seq', autoId, (c) => c.primaryKey())
        .addColumn('media_id', 'text', (c) => c.notNull().references('icse_media.id').onDelete('cascade'))
        .addColumn('frame', 'integer') // null for an image; the frame's second for a video
        .addColumn('pdq', 'text', (c) => c.notNull())
        .addColumn('quality', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('icse_hashes_media').on('icse_hashes').column('media_id').execute();
      await db.schema.createIndex('icse_hashes_created').on('icse_hashes').column('created_at').execute();

      await db.schema
        .createTable('icse_media_subjects')
        .addColumn('media_id', 'text', (c) => c.notNull().references('icse_media.id').onDelete('cascade'))
        .addColumn('subject_id', 'text', (c) =>
          c.notNull().references('icse_subjects.id').onDelete('cascade'),
        )
        .addPrimaryKeyConstraint('icse_media_subjects_pk', ['media_id', 'subject_id'])
        .execute();
      await db.schema
        .createIndex('icse_media_subjects_subject')
        .on('icse_media_subjects')
        .column('subject_id')
        .execute();

      // What a new medium matched when it came in (kind: md5, sha1, sha256, pdq, vpdq).
      await db.schema
        .createTable('icse_matches')
        .addColumn('media_id', 'text', (c) => c.notNull().references('icse_media.id').onDelete('cascade'))
        .addColumn('matched_id', 'text', (c) => c.notNull().references('icse_media.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('distance', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('icse_matches_pk', ['media_id', 'matched_id'])
        .execute();
      await db.schema.createIndex('icse_matches_matched').on('icse_matches').column('matched_id').execute();

      // Told to a unit (e.g. a victim in media it holds was identified), until it reads it.
      await db.schema
        .createTable('icse_notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('bureau', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text')
        .addColumn('series_id', 'text')
        .addColumn('details', 'text', (c) => c.notNull()) // JSON
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema
        .createIndex('icse_notifications_unit')
        .on('icse_notifications')
        .columns(['bureau', 'unit_id', 'created_at'])
        .execute();
    },
  };
}
