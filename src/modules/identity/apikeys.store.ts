// SQL for API keys. Takes the database or a transaction as first argument.
import type { ApiKeyTable, Executor, UnitTable } from '../../platform/db/schema.js';

export function listApiKeysOfBureau(db: Executor, bureau: string) {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('bureau_code', '=', bureau)
    .orderBy('created_at')
    .execute();
}

export function findApiKey(db: Executor, bureau: string, id: string) {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('id', '=', id)
    .where('bureau_code', '=', bureau)
    .executeTakeFirst();
}

export async function activeKeyNamed(db: Executor, bureau: string, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('api_keys')
    .select('id')
    .where('bureau_code', '=', bureau)
    .where('name', '=', name)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertApiKey(db: Executor, row: ApiKeyTable) {
  await db.insertInto('api_keys').values(row).execute();
}

export async function revokeApiKey(db: Executor, id: string, at: string) {
  await db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).execute();
}

export async function touchApiKey(db: Executor, id: string, at: string) {
  await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
}

export interface ApiKeyWithUnit {
  key: ApiKeyTable;
  unit: Pick<UnitTable, 'id' | 'capabilities' | 'active'> | null;
}

/** The key by its public prefix, with its unit, in one query: this runs on every machine request. */
export async function findApiKeyByPrefix(db: Executor, prefix: string): Promise<ApiKeyWithUnit | undefined> {
  const row = await db
    .selectFrom('api_keys as k')
    .leftJoin('units as n', 'n.id', 'k.unit_id')
    .selectAll('k')
    .select(['n.id as n_id', 'n.capabilities as n_capabilities', 'n.active as n_active'])
    .where('k.prefix', '=', prefix)
    .executeTakeFirst();
  if (!row) return undefined;
  const { n_id, n_capabilities, n_active, ...key } = row;
  return {
    key: key as ApiKeyTable,
    unit: n_id ? { id: n_id, capabilities: n_capabilities ?? '[]', active: n_active ?? 0 } : null,
  };
}
