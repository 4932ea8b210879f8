// Results grouped as the server groups a batch: by the first series a medium belongs to or matched,
// else by its status; known series first (a victim may still be in danger), new material last.
import { type BatchGroup, type MediumResult, STATUSES } from './icseApi';

const keyOf = (r: MediumResult) => r.series[0]?.id ?? r.status;

export function groupResults(results: MediumResult[]): BatchGroup[] {
  const groups = new Map<string, BatchGroup>();
  for (const r of results) {
    const s = r.series[0] ?? null;
    const key = keyOf(r);
    const g = groups.get(key) ?? { key, status: s ? s.status : r.status, series: s, items: [] };
    if (!g.items.some((x) => x.media.id === r.media.id)) g.items.push(r);
    groups.set(key, g);
  }
  return sortGroups([...groups.values()]);
}

export const sortGroups = (groups: BatchGroup[]) =>
  [...groups].sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status));

/**
 * The server's grouping of the batch, which is authoritative, with the results it does not list
 * added: a file the bureau already held keeps the batch of its first upload.
 */
export function mergeGroups(server: BatchGroup[], local: MediumResult[]): BatchGroup[] {
  const listed = new Set(server.flatMap((g) => g.items.map((r) => r.media.id)));
  const missing = local.filter((r) => !listed.has(r.media.id));
  if (missing.length === 0) return server;
  const merged = new Map(server.map((g) => [g.key, { ...g, items: [...g.items] }]));
  for (const g of groupResults(missing)) {
    const had = merged.get(g.key);
    if (had) had.items.push(...g.items);
    else merged.set(g.key, g);
  }
  return sortGroups([...merged.values()]);
}
