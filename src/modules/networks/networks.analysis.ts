// The analyses a principal runs on the network — neighbourhood, shortest path, common
// neighbours — walked over the in-memory index through the access policy, then checked
// against fresh rows before the answer leaves: every node and link in it is decided again on
// what its owner module and `network_links` hold now. When the index was behind (a change made
// by another process not yet seen), the index is corrected and the walk run again, so an
// answer never rests on a stale descriptor. One audit event per analysis.
import type { AppContext, RequestMeta } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { NetworkLinkTable } from '../../platform/db/schema.js';
import { notFoundOrNoAccess, ProblemError } from '../../platform/http/problem.js';
import { commonNeighbours, GraphView, NONE, neighbourhood, shortestPath } from './networks.graph.js';
import type { LinkIndex } from './networks.index.js';
import { networkIndexOf } from './networks.index.sync.js';
import { type NodeInfo, resolveNodes } from './networks.nodes.js';
import { fromKey, indexInputOf, linkExists, toKey } from './networks.row.js';
import { assertNetworks } from './networks.service.js';
import { linkDecision, shapeLink, shapeNode } from './networks.shape.js';
import { findLinks } from './networks.store.js';
import { type LinkFilters, type NodeRef, nodeKey, refOf } from './networks.types.js';

const ATTEMPTS = 3;

interface Walk {
  nodes: number[];
  links: number[];
  existsLinks: Map<number, number>;
}

interface Fresh {
  nodes: Map<string, NodeInfo>;
  links: Map<string, NetworkLinkTable>;
}

/** Reads what a walk touched afresh; corrects the index where it was behind. True when it was current. */
async function verify(
  ctx: AppContext,
  index: LinkIndex,
  walk: Walk,
): Promise<{ current: boolean; fresh: Fresh }> {
  const slots = [...walk.links, ...walk.existsLinks.keys()];
  const ids = slots.map((s) => index.linkIds[s]!);
  const links = new Map((await findLinks(ctx.db, ids)).map((r) => [r.id, r]));
  const keys = new Set(walk.nodes.map((n) => index.nodeKeys[n]!));
  for (const r of links.values()) {
    keys.add(fromKey(r));
    keys.add(toKey(r));
  }
  const nodes = await resolveNodes(ctx.db, keys);
  let current = true;
  for (const [i, slot] of slots.entries()) {
    const row = links.get(ids[i]!);
    if (row?.status !== 'active') {
      index.remove(ids[i]!);
      current = false;
    } else if (row.version !== index.linkVersion[slot]) {
      index.upsert(indexInputOf(row));
      current = false;
    }
  }
  for (const k of keys) {
    const n = index.node(k);
    if (n === undefined || k.startsWith('e:')) continue; // an identifier has no descriptor of its own
    const access = nodes.get(k)?.access ?? null;
    if (!index.sameDescriptor(index.nodeDescriptor[n]!, access)) {
      index.setNodeAccess(k, access);
      current = false;
    }
  }
  return { current, fresh: { nodes, links } };
}

/** Runs a walk until the index agrees with the database on everything the walk touched. */
async function settled<T extends Walk>(ctx: AppContext, run: (index: LinkIndex) => T) {
  const index = await networkIndexOf(ctx);
  for (let i = 0; i < ATTEMPTS; i++) {
    const walk = run(index);
    const { current, fresh } = await verify(ctx, index, walk);
    if (current) return { index, walk, fresh };
  }
  throw new ProblemError(503, 'network_changing', 'The network changed while it was read; try again');
}

function startNode(index: LinkIndex, view: GraphView, ref: NodeRef): number {
  const n = index.node(nodeKey(ref));
  if (n === undefined || view.startState(n) === NONE) throw notFoundOrNoAccess();
  return n;
}

/** Shapes a walk's nodes and links for the principal from the fresh rows (nothing `none` gets through). */
function shape(p: Principal, index: LinkIndex, walk: Walk, fresh: Fresh) {
  const nodes = walk.nodes.flatMap((n) => {
    const info = fresh.nodes.get(index.nodeKeys[n]!);
    const s = info ? shapeNode(p, info) : null;
    return s ? [s] : [];
  });
  const links = walk.links.flatMap((slot) => {
    const row = fresh.links.get(index.linkIds[slot]!);
    const s = row ? shapeLink(p, row, fresh.nodes.get(fromKey(row)), fresh.nodes.get(toKey(row))) : null;
    return s && !('exists' in s) ? [s] : [];
  });
  const existsLinks = [...walk.existsLinks].flatMap(([slot, at]) => {
    const row = fresh.links.get(index.linkIds[slot]!);
    if (
      !row ||
      linkDecision(p, row, fresh.nodes.get(fromKey(row)), fresh.nodes.get(toKey(row))) !== 'exists'
    ) {
      return [];
    }
    return [{ ...linkExists(row), at: refOf(index.nodeKeys[at]!) }];
  });
  return { nodes, links, existsLinks };
}

async function audited(
  ctx: AppContext,
  p: Principal,
  action: string,
  ref: NodeRef,
  meta: RequestMeta,
  details: Record<string, number | boolean>,
) {
  await ctx.audit.record({
    actor: p,
    action,
    purpose: meta.purpose,
    target: { type: `network_${ref.kind}`, id: ref.id },
    outcome: 'success',
    requestId: meta.requestId,
    details,
  });
}

export async function neighbourhoodOf(
  ctx: AppContext,
  p: Principal,
  q: { node: NodeRef; hops: number; filters?: LinkFilters; maxNodes?: number },
  meta: RequestMeta,
) {
  assertNetworks(p);
  const { index, walk, fresh } = await settled(ctx, (ix) => {
    const view = new GraphView(ix, p, q.filters);
    const n = neighbourhood(view, startNode(ix, view, q.node), q.hops, q.maxNodes ?? 500);
    return {
      nodes: [...n.depth.keys()],
      links: [...n.links],
      existsLinks: n.existsLinks,
      truncated: n.truncated,
      depth: n.depth,
    };
  });
  const out = shape(p, index, walk, fresh);
  const depthOf = new Map(walk.nodes.map((n) => [index.nodeKeys[n]!, walk.depth.get(n)!]));
  await audited(ctx, p, 'network.neighbourhood', q.node, meta, {
    hops: q.hops,
    nodes: out.nodes.length,
    links: out.links.length,
  });
  return {
    ...out,
    nodes: out.nodes.map((n) => ({ ...n, hops: depthOf.get(nodeKey(n))! })),
    truncated: walk.truncated,
  };
}

export async function pathBetween(
  ctx: AppContext,
  p: Principal,
  q: { from: NodeRef; to: NodeRef; maxHops?: number; filters?: LinkFilters },
  meta: RequestMeta,
) {
  assertNetworks(p);
  const { index, walk, fresh } = await settled(ctx, (ix) => {
    const view = new GraphView(ix, p, q.filters);
    const a = startNode(ix, view, q.from);
    const b = startNode(ix, view, q.to);
    const path = shortestPath(view, a, b, q.maxHops ?? 6);
    return {
      nodes: path?.nodes ?? [],
      links: path?.links ?? [],
      existsLinks: new Map<number, number>(),
      found: path !== null,
    };
  });
  const out = shape(p, index, walk, fresh);
  await audited(ctx, p, 'network.path', q.from, meta, { found: walk.found, hops: out.links.length });
  return walk.found
    ? { found: true, hops: out.links.length, nodes: out.nodes, links: out.links }
    : { found: false, hops: null, nodes: [], links: [] };
}

export async function commonNeighboursOf(
  ctx: AppContext,
  p: Principal,
  q: { a: NodeRef; b: NodeRef; filters?: LinkFilters },
  meta: RequestMeta,
) {
  assertNetworks(p);
  const { index, walk, fresh } = await settled(ctx, (ix) => {
    const view = new GraphView(ix, p, q.filters);
    const common = commonNeighbours(view, startNode(ix, view, q.a), startNode(ix, view, q.b));
    return {
      nodes: [...common.keys()],
      links: [...common.values()].flat(),
      existsLinks: new Map<number, number>(),
    };
  });
  const out = shape(p, index, walk, fresh);
  await audited(ctx, p, 'network.common', q.a, meta, { nodes: out.nodes.length });
  return { nodes: out.nodes, links: out.links };
}
