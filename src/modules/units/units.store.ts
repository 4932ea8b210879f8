// SQL for units of a bureau.
import type { Executor, UnitTable } from '../../platform/db/schema.js';

export function listUnits(db: Executor, bureau: string) {
  return db.selectFrom('units').selectAll().where('bureau_code', '=', bureau).orderBy('name').execute();
}

export function findUnit(db: Executor, bureau: string, id: string) {
  return db
    .selectFrom('units')
    .selectAll()
    .where('bureau_code', '=', bureau)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findUnitByName(db: Executor, bureau: string, name: string) {
  return db
    .selectFrom('units')
    .selectAll()
    .where('bureau_code', '=', bureau)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function insertUnit(db: Executor, row: UnitTable) {
  await db.insertInto('units').values(row).execute();
}

export async function updateUnit(
  db: Executor,
  id: string,
  version: number,
  patch: Partial<Pick<UnitTable, 'name' | 'capabilities' | 'active' | 'updated_at'>>,
): Promise<boolean> {
  const res = await db
    .updateTable('units')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
