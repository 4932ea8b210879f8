// Keeps each process's adjacency index in step with `network_links` and with the access
// descriptors of the nodes (the way the person index keeps in step with records):
// - first use: every active link is loaded, then every node's descriptor from its owner module;
// - this process's own writes go into the index at once (`noteLinkWritten`, `noteLinkRemoved`);
// - other processes' writes are found by `updated_at`, behind the queries: at most every
//   `foreignCheckMs`, links and records stamped since the previous look began, less a 60 s
//   overlap for transactions that committed late;
// - what no stamp shows (a link or node deleted elsewhere, a notice's publication, a payment
//   case's new receiving bureau) is caught for everything an answer contains, because each answer
//   is checked against fresh rows before it leaves (networks.analysis.ts), and for the rest by a
//   full reload every quarter of an hour.
import type { AppContext } from '../../context.js';
import type { Db, NetworkLinkTable } from '../../platform/db/schema.js';
import { nowIso } from '../../platform/time.js';
import { idsUpdatedSince } from '../records/records.store.js';
import { LinkIndex } from './networks.index.js';
import { resolveNodes } from './networks.nodes.js';
import { indexInputOf } from './networks.row.js';
import { activeLinksPage, linksUpdatedSince } from './networks.store.js';

export const networkIndexTiming = { foreignCheckMs: 5_000 };
const OVERLAP_MS = 60_000;
const FULL_RELOAD_MS = 15 * 60_000;
const PAGE = 10_000;

interface State {
  index: LinkIndex | null;
  loading: Promise<LinkIndex> | null;
  loadedAt: number;
  /** When the previous look for other processes' writes began (ISO). */
  lastLookFrom: string;
  lastLookAt: number;
  scanning: Promise<void> | null;
  reloading: Promise<void> | null;
}

const states = new WeakMap<Db, State>();

function stateOf(db: Db): State {
  let s = states.get(db);
  if (!s) {
    s = {
      index: null,
      loading: null,
      loadedAt: 0,
      lastLookFrom: '',
      lastLookAt: 0,
      scanning: null,
      reloading: null,
    };
    states.set(db, s);
  }
  return s;
}

/** Applies a link row to an index: active links are in it, closed ones are not. */
function apply(index: LinkIndex, row: NetworkLinkTable) {
  if (row.status === 'active') index.upsert(indexInputOf(row));
  else index.remove(row.id);
}

/** Resolves the descriptors of nodes (all, or those named) from their owner modules. */
export async function refreshNodes(db: Db, index: LinkIndex, keys: string[]) {
  for (let i = 0; i < keys.length; i += 5_000) {
    const chunk = keys.slice(i, i + 5_000);
    const found = await resolveNodes(db, chunk);
    for (const k of chunk) index.setNodeAccess(k, found.get(k)?.access ?? null);
  }
}

async function build(db: Db): Promise<{ index: LinkIndex; startedAt: string }> {
  const startedAt = nowIso();
  const index = new LinkIndex();
  let after = '';
  for (;;) {
    const rows = await activeLinksPage(db, after, PAGE);
    for (const r of rows) index.upsert(indexInputOf(r));
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  await refreshNodes(
    db,
    index,
    index.nodeKeys.filter((k) => !k.startsWith('e:')),
  );
  return { index, startedAt };
}

/** The index, loaded on first use; looks for other processes' writes behind the queries. */
export async function networkIndexOf(ctx: AppContext): Promise<LinkIndex> {
  const s = stateOf(ctx.db);
  if (!s.index) {
    s.loading ??= build(ctx.db)
      .then(({ index, startedAt }) => {
        s.index = index;
        s.loadedAt = Date.now();
        s.lastLookFrom = startedAt;
        s.lastLookAt = Date.now();
        return index;
      })
      .finally(() => {
        s.loading = null;
      });
    return s.loading;
  }
  const now = Date.now();
  if (now - s.loadedAt > FULL_RELOAD_MS && !s.reloading) {
    s.reloading = build(ctx.db)
      .then(({ index, startedAt }) => {
        s.index = index;
        s.loadedAt = Date.now();
        s.lastLookFrom = startedAt;
      })
      .catch(() => {}) // tried again at the next query; the current index stays in use
      .finally(() => {
        s.reloading = null;
      });
  }
  if (!s.scanning && now - s.lastLookAt >= networkIndexTiming.foreignCheckMs) {
    s.lastLookAt = now;
    s.scanning = lookForForeignWrites(ctx.db, s)
      .catch(() => {})
      .finally(() => {
        s.scanning = null;
      });
  }
  return s.index;
}

/** Waits for a look for other processes' writes (tests, and a caller that must be current). */
export async function catchUpNetworkIndex(ctx: AppContext): Promise<void> {
  const s = stateOf(ctx.db);
  if (!s.index) return;
  s.lastLookAt = Date.now();
  await lookForForeignWrites(ctx.db, s);
}

async function lookForForeignWrites(db: Db, s: State) {
  const index = s.index;
  if (!index) return;
  const startedAt = nowIso();
  const since = new Date(Date.parse(s.lastLookFrom) - OVERLAP_MS).toISOString();
  const links = await linksUpdatedSince(db, since);
  const touched = new Set<string>();
  for (const r of links) {
    const slot = index.slot(r.id);
    if (slot !== undefined && index.linkVersion[slot] === r.version && r.status === 'active') continue;
    apply(index, r);
    touched.add(r.from_kind === 'entity' ? '' : `${r.from_kind[0]}:${r.from_id}`);
    touched.add(r.to_kind === 'entity' ? '' : `${r.to_kind[0]}:${r.to_id}`);
  }
  // Records whose sharing changed since: re-read those that are nodes of the network.
  for (const id of await idsUpdatedSince(db, since)) {
    if (index.node(`r:${id}`) !== undefined) touched.add(`r:${id}`);
  }
  touched.delete('');
  await refreshNodes(db, index, [...touched]);
  s.lastLookFrom = startedAt;
}

/** This process wrote a link (its transaction committed): the index has it at once. */
export async function noteLinkWritten(ctx: AppContext, row: NetworkLinkTable) {
  const s = stateOf(ctx.db);
  if (!s.index) return; // the first load will read it
  apply(s.index, row);
  const keys = [indexInputOf(row).from, indexInputOf(row).to].filter((k) => !k.startsWith('e:'));
  await refreshNodes(ctx.db, s.index, keys);
}

export function noteLinkRemoved(ctx: AppContext, id: string) {
  stateOf(ctx.db).index?.remove(id);
}
