// SQL for units of a bureau.
import crypto from 'node:crypto';
import type { Executor, UnitTable } from '../../platform/db/schema.js';
import { nowIso } from '../../platform/time.js';

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

export function findUnitById(db: Executor, id: string) {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
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

/** A new, active unit row at version 1. */
export function newUnitRow(
  bureau: string,
  fields: { name: string; kind: string; capabilities: readonly string[] },
): UnitTable {
  const now = nowIso();
  return {
    id: crypto.randomUUID(),
    bureau_code: bureau,
    name: fields.name,
    kind: fields.kind,
    capabilities: JSON.stringify(fields.capabilities),
    active: 1,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}
