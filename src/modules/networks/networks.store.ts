// SQL of the networks module: links, identifier entities, suggestions.
import type {
  Executor,
  NetworkEntityTable,
  NetworkLinkTable,
  NetworkSuggestionTable,
} from '../../platform/db/schema.js';

const CHUNK = 500;

export async function insertLink(ex: Executor, row: NetworkLinkTable) {
  await ex.insertInto('network_links').values(row).execute();
}

export function findLink(ex: Executor, id: string) {
  return ex.selectFrom('network_links').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findLinks(ex: Executor, ids: string[]): Promise<NetworkLinkTable[]> {
  const out: NetworkLinkTable[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    out.push(
      ...(await ex
        .selectFrom('network_links')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute()),
    );
  }
  return out;
}

/** Replaces a link if it is still at `expectedVersion`; false when someone changed it meanwhile. */
export async function replaceLink(ex: Executor, expectedVersion: number, next: NetworkLinkTable) {
  const r = await ex
    .updateTable('network_links')
    .set(next)
    .where('id', '=', next.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteLink(ex: Executor, id: string, expectedVersion: number) {
  const r = await ex
    .deleteFrom('network_links')
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Active links in id order after `after`, a page at a time (the index's full load). */
export function activeLinksPage(ex: Executor, after: string, limit: number) {
  return ex
    .selectFrom('network_links')
    .selectAll()
    .where('id', '>', after)
    .where('status', '=', 'active')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Links stamped at or after `since` (other processes' writes), in stamp order. */
export function linksUpdatedSince(ex: Executor, since: string) {
  return ex
    .selectFrom('network_links')
    .selectAll()
    .where('updated_at', '>=', since)
    .orderBy('updated_at')
    .execute();
}

/** Active links that touch an identifier, for suggestions. */
export function activeLinksTo(ex: Executor, entityId: string) {
  return ex
    .selectFrom('network_links')
    .selectAll()
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('from_id', '=', entityId), eb('to_id', '=', entityId)]))
    .execute();
}

/** The entity of this kind and value, created when new (a race with another writer is absorbed). */
export async function ensureEntity(ex: Executor, row: NetworkEntityTable): Promise<NetworkEntityTable> {
  await ex
    .insertInto('network_entities')
    .values(row)
    .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
    .execute();
  return ex
    .selectFrom('network_entities')
    .selectAll()
    .where('kind', '=', row.kind)
    .where('value', '=', row.value)
    .executeTakeFirstOrThrow();
}

export async function findEntities(ex: Executor, ids: string[]): Promise<NetworkEntityTable[]> {
  const out: NetworkEntityTable[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    out.push(
      ...(await ex
        .selectFrom('network_entities')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute()),
    );
  }
  return out;
}

export async function insertSuggestions(ex: Executor, rows: NetworkSuggestionTable[]) {
  if (rows.length === 0) return;
  await ex
    .insertInto('network_suggestions')
    .values(rows)
    .onConflict((oc) => oc.columns(['link_a', 'link_b']).doNothing())
    .execute();
}

export function suggestionsFor(ex: Executor, bureau: string, limit: number) {
  return ex
    .selectFrom('network_suggestions')
    .selectAll()
    .where((eb) => eb.or([eb('bureau_a', '=', bureau), eb('bureau_b', '=', bureau)]))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export function findSuggestion(ex: Executor, id: string) {
  return ex.selectFrom('network_suggestions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setSuggestionStatus(
  ex: Executor,
  id: string,
  side: 'a' | 'b',
  status: string,
  at: string,
) {
  await ex
    .updateTable('network_suggestions')
    .set(side === 'a' ? { status_a: status, updated_at: at } : { status_b: status, updated_at: at })
    .where('id', '=', id)
    .execute();
}
