// Persistence of the bureaus table: seeding from the membership list and reading it back.
import type { BureauTable, Executor } from '../../platform/db/schema.js';
import { allBureauRows, type BureauRegion } from './bureaus.data.js';

/**
 * Inserts or updates every bureau (196 members and the General Secretariat). Safe to run on every
 * start: existing rows are brought in line with the membership list; none are deleted, since
 * units and users refer to them.
 */
export async function seedBureaus(db: Executor): Promise<number> {
  const rows = allBureauRows();
  await db
    .insertInto('bureaus')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        region: eb.ref('excluded.region'),
        name_en: eb.ref('excluded.name_en'),
        name_fr: eb.ref('excluded.name_fr'),
        name_es: eb.ref('excluded.name_es'),
        name_ar: eb.ref('excluded.name_ar'),
      })),
    )
    .execute();
  return rows.length;
}

export interface ListBureausOptions {
  region?: BureauRegion;
}

/** Bureaus ordered by code, optionally only one region's. */
export async function listBureaus(db: Executor, opts: ListBureausOptions = {}): Promise<BureauTable[]> {
  let q = db.selectFrom('bureaus').selectAll();
  if (opts.region !== undefined) q = q.where('region', '=', opts.region);
  return q.orderBy('code').execute();
}

export async function getBureau(db: Executor, code: string): Promise<BureauTable | undefined> {
  return db.selectFrom('bureaus').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function bureauExists(db: Executor, code: string): Promise<boolean> {
  const row = await db.selectFrom('bureaus').select('code').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}
