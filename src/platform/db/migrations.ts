// One migration set for both dialects, applied at start and by `meridian migrate`.
// Migrations are code (not files on disk) so the built server carries them.
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { DialectName } from './connect.js';
import { icseMigration } from './migrations.icse.js';
import { messagingMigration } from './migrations.messaging.js';
import { networksMigration } from './migrations.networks.js';
import { noticesMigration } from './migrations.notices.js';
import { paymentsMigration } from './migrations.payments.js';
import { recordsMigration } from './migrations.records.js';

// Migrations run before the typed schema exists, so they see an untyped database (Kysely's convention).
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

function initial(dialect: DialectName): Migration {
  const autoId = dialect === 'postgres' ? 'bigserial' : 'integer';
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('bureaus')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('region', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('name_fr', 'text', (c) => c.notNull())
        .addColumn('name_es', 'text', (c) => c.notNull())
        .addColumn('name_ar', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('units')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('bureau_code', 'text', (c) => c.notNull().references('bureaus.code'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('capabilities', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('units_bureau').on('units').columns(['bureau_code', 'name']).execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('bureau_code', 'text', (c) => c.notNull().references('bureaus.code'))
        .addColumn('unit_id', 'text', (c) => c.references('units.id'))
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('roles', 'text', (c) => c.notNull())
        .addColumn('totp_secret', 'text')
        .addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('users_bureau').on('users').columns(['bureau_code', 'username']).execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('bureau_code', 'text', (c) => c.notNull().references('bureaus.code'))
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull().unique())
        .addColumn('key_hash', 'text', (c) => c.notNull())
        .addColumn('capabilities', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('api_keys_bureau').on('api_keys').column('bureau_code').execute();

      await db.schema
        .createTable('audit_events')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('bureau_code', 'text')
        .addColumn('unit_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text')
        .addColumn('target_type', 'text')
        .addColumn('target_id', 'text')
        .addColumn('target_bureau', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('request_id', 'text')
        .addColumn('details', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('audit_bureau_at')
        .on('audit_events')
        .columns(['bureau_code', 'at'])
        .execute();
      await db.schema.createIndex('audit_actor').on('audit_events').columns(['actor_id', 'seq']).execute();
      await db.schema.createIndex('audit_target').on('audit_events').columns(['target_id', 'seq']).execute();
      await db.schema.createIndex('audit_action').on('audit_events').columns(['action', 'seq']).execute();

      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db
        .insertInto('audit_head')
        .values({ id: 1, seq: 0, hash: '0'.repeat(64) })
        .execute();

      await db.schema
        .createTable('events')
        .addColumn('id', autoId, (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('access', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('run_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('principal_key', 'text', (c) => c.notNull())
        .addColumn('idem_key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer', (c) => c.notNull())
        .addColumn('response_body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_pk', ['principal_key', 'idem_key'])
        .execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  };
}

/** The last 30-second step whose one-time code a user spent, so a code cannot be replayed. */
const totpLastStep: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
  },
};

/**
 * Person search moved to an in-memory index (src/modules/matching/person-index.ts): the name
 * keys in record_keys go, and changes are found by `updated_at`.
 */
const personIndex: Migration = {
  async up(db: AnyDb) {
    await db.deleteFrom('record_keys').where('kind', '=', 'name').execute();
    await db.schema.createIndex('records_updated').on('records').column('updated_at').execute();
  },
};

/**
 * Other processes' writes are read page by page in (updated_at, id) order, so that the look
 * after a million-row import never reads them in one blocking query; version and database are
 * in the index too, so that the look reads the index alone, not a table row per record.
 */
const recordsUpdatedById: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createIndex('records_updated_id')
      .on('records')
      .columns(['updated_at', 'id', 'version', 'database_id'])
      .execute();
    await db.schema.dropIndex('records_updated').execute();
  },
};

/** Every migration, in order. Append; never edit one that has shipped. */
export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
    '0002_totp_last_step': totpLastStep,
    '0003_records': recordsMigration(dialect),
    '0004_person_index': personIndex,
    '0005_records_updated_id': recordsUpdatedById,
    '0006_notices': noticesMigration(dialect),
    '0007_messaging': messagingMigration(dialect),
    '0008_payments': paymentsMigration,
    '0009_icse': icseMigration(dialect),
    '0010_networks': networksMigration,
  };
}

class CodeMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations() {
    return migrationsFor(this.dialect);
  }
}

export async function migrateToLatest(db: AnyDb, dialect: DialectName): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new CodeMigrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Used by readiness checks: a trivial round trip. */
export async function ping(db: AnyDb): Promise<void> {
  await sql`select 1`.execute(db);
}
