// 0007: secure messaging — bureaus' signing keys, messages, their recipients (one row per
// recipient bureau or unit, with its delivery states), encrypted attachments, the General
// Secretariat's access granted to a private exchange, and permissions to pass a message on.
import type { Kysely, Migration } from 'kysely';
import type { DialectName } from './connect.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
type AnyDb = Kysely<any>;

export function messagingMigration(_dialect: DialectName): Migration {
  return {
    async up(db: AnyDb) {
      // Ed25519 key pairs. The private key is encrypted with the server's key; a rotated key
      // keeps its public half so that old signatures still verify.
      await db.schema
        .createTable('bureau_keys')
        .addColumn('kid', 'text', (c) => c.primaryKey())
        .addColumn('bureau', 'text', (c) => c.notNull().references('bureaus.code'))
        .addColumn('public_key', 'text', (c) => c.notNull()) // base64url of the raw 32-byte key
        .addColumn('private_key', 'text') // encrypted PKCS#8; null once retired
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('retired_at', 'text')
        .execute();
      await db.schema
        .createIndex('bureau_keys_bureau')
        .on('bureau_keys')
        .columns(['bureau', 'created_at'])
        .execute();

      await db.schema
        .createTable('messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('thread_id', 'text', (c) => c.notNull())
        .addColumn('in_reply_to', 'text')
        .addColumn('forwarded_from', 'text')
        .addColumn('sender_bureau', 'text', (c) => c.notNull().references('bureaus.code'))
        .addColumn('sender_unit', 'text')
        .addColumn('sender_id', 'text', (c) => c.notNull())
        .addColumn('sender_name', 'text', (c) => c.notNull())
        .addColumn('addressed', 'text', (c) => c.notNull()) // JSON: what the sender chose (to, cc)
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('priority', 'text', (c) => c.notNull())
        .addColumn('handling', 'text', (c) => c.notNull())
        .addColumn('handling_note', 'text')
        .addColumn('refs', 'text', (c) => c.notNull()) // JSON [{ type, id }]
        .addColumn('template', 'text')
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('gs_party', 'integer', (c) => c.notNull()) // the General Secretariat is a party
        .addColumn('kid', 'text', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        // SHA-256 of the sender principal and its Idempotency-Key: written with the message, so
        // a retry after a crash (the key still pending) finds the message instead of sending twice.
        .addColumn('idempotency_ref', 'text', (c) => c.unique())
        .execute();
      await db.schema
        .createIndex('messages_sender')
        .on('messages')
        .columns(['sender_bureau', 'id'])
        .execute();
      await db.schema.createIndex('messages_thread').on('messages').columns(['thread_id', 'id']).execute();

      await db.schema
        .createTable('message_recipients')
        .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
        .addColumn('bureau', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull()) // '' for the whole bureau
        .addColumn('copy', 'integer', (c) => c.notNull()) // 1: in copy (cc)
        .addColumn('delivered_at', 'text')
        .addColumn('read_at', 'text')
        .addColumn('acknowledged_at', 'text')
        .addColumn('answered_at', 'text')
        .addPrimaryKeyConstraint('message_recipients_pk', ['message_id', 'bureau', 'unit'])
        .execute();
      await db.schema
        .createIndex('message_recipients_inbox')
        .on('message_recipients')
        .columns(['bureau', 'message_id'])
        .execute();

      await db.schema
        .createTable('message_attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull()) // encrypted at rest (keyring)
        .execute();
      await db.schema
        .createIndex('message_attachments_message')
        .on('message_attachments')
        .column('message_id')
        .execute();

      // A party to a private exchange let the General Secretariat read its thread.
      await db.schema
        .createTable('message_gs_grants')
        .addColumn('thread_id', 'text', (c) => c.primaryKey())
        .addColumn('granted_by', 'text', (c) => c.notNull())
        .addColumn('granted_bureau', 'text', (c) => c.notNull())
        .addColumn('granted_at', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .execute();

      // The sender's recorded permission for a bureau to pass on a message marked so.
      await db.schema
        .createTable('message_permissions')
        .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
        .addColumn('bureau', 'text', (c) => c.notNull())
        .addColumn('granted_by', 'text', (c) => c.notNull())
        .addColumn('granted_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('message_permissions_pk', ['message_id', 'bureau'])
        .execute();
    },
  };
}
