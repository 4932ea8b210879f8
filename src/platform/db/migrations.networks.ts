// 0010: networks. Links between any two pieces of police data (records, notices, payment cases,
// identifier entities), the identifier entities themselves (a phone number, an e-mail address, a
// bank account — one row per normalised value, so a phone two cells share is one node), and the
// link suggestions made when two bureaus link the same identifier.
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
type AnyDb = Kysely<any>;

export const networksMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('network_entities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull()) // phone, email, bank_account, document_number
      .addColumn('value', 'text', (c) => c.notNull()) // normalised
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('network_entities_kind_value', ['kind', 'value'])
      .execute();

    await db.schema
      .createTable('network_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('from_kind', 'text', (c) => c.notNull()) // record, notice, payment_case, entity
      .addColumn('from_id', 'text', (c) => c.notNull())
      .addColumn('from_database', 'text') // for records
      .addColumn('to_kind', 'text', (c) => c.notNull())
      .addColumn('to_id', 'text', (c) => c.notNull())
      .addColumn('to_database', 'text')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('valid_from', 'text')
      .addColumn('valid_to', 'text')
      .addColumn('source_reliability', 'text', (c) => c.notNull())
      .addColumn('info_accuracy', 'integer', (c) => c.notNull())
      .addColumn('owner_bureau', 'text', (c) => c.notNull().references('bureaus.code'))
      .addColumn('owner_unit', 'text')
      .addColumn('restriction_mode', 'text', (c) => c.notNull())
      .addColumn('restriction_bureaus', 'text', (c) => c.notNull()) // JSON list
      .addColumn('handling', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('status', 'text', (c) => c.notNull()) // active, closed
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('network_links_from').on('network_links').column('from_id').execute();
    await db.schema.createIndex('network_links_to').on('network_links').column('to_id').execute();
    // Other processes' writes are found by their stamp (the in-memory adjacency index's catch-up).
    await db.schema
      .createIndex('network_links_updated')
      .on('network_links')
      .columns(['updated_at', 'id'])
      .execute();

    // Two bureaus linked the same identifier: each owner is told, and accepts or dismisses.
    await db.schema
      .createTable('network_suggestions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity_id', 'text', (c) => c.notNull().references('network_entities.id'))
      .addColumn('link_a', 'text', (c) => c.notNull().references('network_links.id').onDelete('cascade'))
      .addColumn('bureau_a', 'text', (c) => c.notNull())
      .addColumn('status_a', 'text', (c) => c.notNull()) // open, accepted, dismissed
      .addColumn('link_b', 'text', (c) => c.notNull().references('network_links.id').onDelete('cascade'))
      .addColumn('bureau_b', 'text', (c) => c.notNull())
      .addColumn('status_b', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('network_suggestions_pair', ['link_a', 'link_b'])
      .execute();
    await db.schema
      .createIndex('network_suggestions_a')
      .on('network_suggestions')
      .column('bureau_a')
      .execute();
    await db.schema
      .createIndex('network_suggestions_b')
      .on('network_suggestions')
      .column('bureau_b')
      .execute();
  },
};
