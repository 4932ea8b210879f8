// Whether this database is a demo instance (seeded by `meridian demo`) or may hold real data.
import type { Executor } from '../../platform/db/schema.js';

const KEY = 'demo_instance';

export async function isDemoInstance(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return row?.value === 'true';
}

export async function markDemoInstance(db: Executor): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: KEY, value: 'true' })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: 'true' }))
    .execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
