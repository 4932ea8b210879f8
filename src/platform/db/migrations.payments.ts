// 0008: rapid intervention on payments — a case opened by the victim's bureau, its transactions
// (amounts as integer minor units in text: no float, no 2^53 limit), one part per receiving
// country routed to that country's bureau, the case timeline, and the operator's dated rates.
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
type AnyDb = Kysely<any>;

export const paymentsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('payment_cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('requesting_bureau', 'text', (c) => c.notNull().references('bureaus.code'))
      .addColumn('requesting_unit', 'text')
      .addColumn('fraud_type', 'text', (c) => c.notNull())
      .addColumn('victim', 'text', (c) => c.notNull()) // JSON { kind, name, country? }
      .addColumn('reported_at', 'text', (c) => c.notNull())
      .addColumn('summary', 'text')
      // A chase: the case opened to follow money that had moved on from another case's transaction.
      .addColumn('parent_transaction_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('idempotency_ref', 'text', (c) => c.unique())
      .execute();
    await db.schema
      .createIndex('payment_cases_bureau')
      .on('payment_cases')
      .columns(['requesting_bureau', 'id'])
      .execute();

    await db.schema
      .createTable('payment_parts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('payment_cases.id').onDelete('cascade'))
      .addColumn('receiving_bureau', 'text', (c) => c.notNull().references('bureaus.code'))
      .addColumn('status', 'text', (c) => c.notNull()) // sent, acknowledged, forwarded, answered
      .addColumn('ack_due_at', 'text', (c) => c.notNull())
      .addColumn('answer_due_at', 'text', (c) => c.notNull())
      .addColumn('acknowledged_at', 'text')
      .addColumn('forwarded_unit', 'text')
      .addColumn('first_answer_at', 'text')
      .addColumn('overdue_flagged_at', 'text') // the acknowledgement was late
      .addColumn('answer_overdue_flagged_at', 'text') // the first answer was late
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('payment_parts_queue')
      .on('payment_parts')
      .columns(['receiving_bureau', 'status'])
      .execute();
    await db.schema.createIndex('payment_parts_case').on('payment_parts').column('case_id').execute();

    await db.schema
      .createTable('payment_transactions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('payment_cases.id').onDelete('cascade'))
      .addColumn('part_id', 'text', (c) => c.notNull().references('payment_parts.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('amount_minor', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('sending_account', 'text')
      .addColumn('receiving_account', 'text', (c) => c.notNull())
      .addColumn('receiving_bic', 'text')
      .addColumn('receiving_country', 'text', (c) => c.notNull())
      .addColumn('beneficiary_name', 'text', (c) => c.notNull())
      .addColumn('reference', 'text')
      .addColumn('outcome', 'text', (c) => c.notNull()) // pending, frozen, partly_frozen, moved_on…
      .addColumn('frozen_minor', 'text', (c) => c.notNull())
      .addColumn('returned_minor', 'text', (c) => c.notNull())
      .addColumn('moved_to_account', 'text')
      .addColumn('moved_to_country', 'text')
      .addColumn('follow_up_case_id', 'text')
      .addColumn('frozen_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('payment_transactions_case')
      .on('payment_transactions')
      .columns(['case_id', 'seq'])
      .execute();

    await db.schema
      .createTable('payment_steps')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('payment_cases.id').onDelete('cascade'))
      .addColumn('part_id', 'text')
      .addColumn('transaction_id', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('actor_bureau', 'text', (c) => c.notNull())
      .addColumn('details', 'text')
      .execute();
    await db.schema
      .createIndex('payment_steps_case')
      .on('payment_steps')
      .columns(['case_id', 'id'])
      .execute();

    // Rates the operator loads: units of US dollars for one unit of a currency on a date, as a
    // decimal string (converted with integer arithmetic, never floats).
    await db.schema
      .createTable('fx_rates')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('usd_per_unit', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('fx_rates_pk', ['day', 'currency'])
      .execute();
  },
};
