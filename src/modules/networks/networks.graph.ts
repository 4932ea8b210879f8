// The analyses as walks over the in-memory index, seen through one principal's eyes: a
// `GraphView` asks the access policy about every link and node it meets (each distinct
// descriptor once per query) and follows only what the principal may see. A node the policy
// answers `none` for is not there: no link reaches it, no path crosses it, nothing counts it.
import type { Principal } from '../../platform/auth/principal.js';
import { decideAccess } from '../../platform/policy/access.js';
import { type LinkIndex, NODE_ENTITY, NODE_MISSING } from './networks.index.js';
import { type LinkFilters, RELIABILITY_ORDER } from './networks.types.js';

export const NONE = 0;
export const EXISTS = 1;
export const SEE = 2;
export type State = typeof NONE | typeof EXISTS | typeof SEE;

const STATE = { none: NONE, exists: EXISTS, see: SEE } as const;

export class GraphView {
  private readonly decisions: Int8Array;
  private readonly typeAllowed: Set<number> | null;
  private readonly minReliability: number;

  constructor(
    readonly index: LinkIndex,
    private readonly principal: Principal,
    private readonly filters: LinkFilters = {},
  ) {
    this.decisions = new Int8Array(index.descriptors.length + 64).fill(-1);
    this.typeAllowed = filters.types ? new Set(filters.types.map((t) => index.typeIndex(t))) : null;
    this.minReliability = filters.minReliability
      ? RELIABILITY_ORDER.indexOf(filters.minReliability as 'A')
      : RELIABILITY_ORDER.length;
  }

  private decide(d: number): State {
    if (d >= this.decisions.length) return STATE[decideAccess(this.principal, this.index.descriptors[d]!)];
    let s = this.decisions[d]!;
    if (s < 0) {
      s = STATE[decideAccess(this.principal, this.index.descriptors[d]!)];
      this.decisions[d] = s;
    }
    return s as State;
  }

  /** A record, notice or case by its own descriptor; an identifier is judged by its links. */
  nodeState(n: number): State {
    const d = this.index.nodeDescriptor[n]!;
    if (d === NODE_ENTITY) return SEE;
    if (d === NODE_MISSING) return NONE;
    return this.decide(d);
  }

  /** A link is visible as its own descriptor allows, and only when both its ends are at least `exists`. */
  linkState(slot: number): State {
    const own = this.decide(this.index.linkDescriptor[slot]!);
    if (own === NONE) return NONE;
    if (this.nodeState(this.index.linkFrom[slot]!) === NONE) return NONE;
    if (this.nodeState(this.index.linkTo[slot]!) === NONE) return NONE;
    return own;
  }

  passes(slot: number): boolean {
    const ix = this.index;
    if (this.typeAllowed && !this.typeAllowed.has(ix.linkType[slot]!)) return false;
    if (ix.linkReliability[slot]! > this.minReliability) return false;
    if (this.filters.minAccuracy !== undefined && ix.linkAccuracy[slot]! > this.filters.minAccuracy)
      return false;
    if (this.filters.from) {
      const to = ix.linkToDay[slot];
      if (to && to < this.filters.from) return false;
    }
    if (this.filters.to) {
      const from = ix.linkFromDay[slot];
      if (from && from > this.filters.to) return false;
    }
    return true;
  }

  /** Whether an analysis walks along this link: seen by the principal and kept by the filters. */
  follows(slot: number): boolean {
    return this.linkState(slot) === SEE && this.passes(slot);
  }

  /** An identifier is there for the principal only when some visible link reaches it. */
  startState(n: number): State {
    const s = this.nodeState(n);
    if (this.index.nodeDescriptor[n] !== NODE_ENTITY) return s;
    return this.index.adjacency[n]!.some((slot) => this.linkState(slot) === SEE) ? SEE : NONE;
  }
}

export interface Neighbourhood {
  /** Node slot → hops from the start. */
  depth: Map<number, number>;
  links: Set<number>;
  /** Links the principal may only know exist (contact the owner), with the node they were found at. */
  existsLinks: Map<number, number>;
  truncated: boolean;
}

export function neighbourhood(view: GraphView, start: number, hops: number, maxNodes: number): Neighbourhood {
  const ix = view.index;
  const depth = new Map<number, number>([[start, 0]]);
  const links = new Set<number>();
  const existsLinks = new Map<number, number>();
  let truncated = false;
  let frontier = [start];
  for (let d = 0; d < hops && frontier.length > 0; d++) {
    const next: number[] = [];
    for (const n of frontier) {
      for (const slot of ix.adjacency[n]!) {
        const s = view.linkState(slot);
        if (s === NONE) continue;
        if (s === EXISTS) {
          // Not followed, whatever the filters (a filter must not reveal a hidden link's type).
          if (!existsLinks.has(slot)) existsLinks.set(slot, n);
          continue;
        }
        if (!view.passes(slot)) continue;
        const o = ix.other(slot, n);
        if (!depth.has(o)) {
          if (depth.size >= maxNodes) {
            truncated = true;
            continue;
          }
          depth.set(o, d + 1);
          next.push(o);
        }
        links.add(slot);
      }
    }
    frontier = next;
  }
  return { depth, links, existsLinks, truncated };
}

export interface Path {
  nodes: number[];
  links: number[];
}

/**
 * A shortest path over the links the principal may follow, at most `maxHops` long, or null.
 * Bidirectional breadth-first search, level by level from the smaller side: on a million links
 * it meets in the middle after touching hundreds of nodes instead of the whole graph.
 */
export function shortestPath(view: GraphView, a: number, b: number, maxHops: number): Path | null {
  if (a === b) return { nodes: [a], links: [] };
  const ix = view.index;
  type Seen = Map<number, { prev: number; slot: number; dist: number }>;
  const fromA: Seen = new Map([[a, { prev: -1, slot: -1, dist: 0 }]]);
  const fromB: Seen = new Map([[b, { prev: -1, slot: -1, dist: 0 }]]);
  let frontierA = [a];
  let frontierB = [b];
  let distA = 0;
  let distB = 0;
  while (frontierA.length > 0 && frontierB.length > 0 && distA + distB < maxHops) {
    const expandA = frontierA.length <= frontierB.length;
    const [frontier, mine, theirs] = expandA ? [frontierA, fromA, fromB] : [frontierB, fromB, fromA];
    const dist = (expandA ? distA : distB) + 1;
    const next: number[] = [];
    let best: { node: number; total: number } | null = null;
    for (const n of frontier) {
      for (const slot of ix.adjacency[n]!) {
        if (!view.follows(slot)) continue;
        const o = ix.other(slot, n);
        if (mine.has(o)) continue;
        mine.set(o, { prev: n, slot, dist });
        next.push(o);
        const met = theirs.get(o);
        if (met && (best === null || dist + met.dist < best.total))
          best = { node: o, total: dist + met.dist };
      }
    }
    if (expandA) {
      frontierA = next;
      distA = dist;
    } else {
      frontierB = next;
      distB = dist;
    }
    if (best) return best.total <= maxHops ? joinPath(fromA, fromB, best.node) : null;
  }
  return null;
}

function joinPath(
  fromA: Map<number, { prev: number; slot: number }>,
  fromB: Map<number, { prev: number; slot: number }>,
  meet: number,
): Path {
  const nodes: number[] = [];
  const links: number[] = [];
  for (let n = meet; n !== -1; ) {
    const s = fromA.get(n)!;
    nodes.unshift(n);
    if (s.slot >= 0) links.unshift(s.slot);
    n = s.prev;
  }
  for (let s = fromB.get(meet)!; s.prev !== -1; s = fromB.get(s.prev)!) {
    links.push(s.slot);
    nodes.push(s.prev);
  }
  return { nodes, links };
}

/** Nodes linked to both `a` and `b` by links the principal may follow, with those links. */
export function commonNeighbours(view: GraphView, a: number, b: number): Map<number, number[]> {
  const ix = view.index;
  const ofA = new Map<number, number[]>();
  for (const slot of ix.adjacency[a]!) {
    if (!view.follows(slot)) continue;
    const o = ix.other(slot, a);
    if (o === a || o === b) continue;
    const list = ofA.get(o);
    if (list) list.push(slot);
    else ofA.set(o, [slot]);
  }
  const common = new Map<number, number[]>();
  for (const slot of ix.adjacency[b]!) {
    if (!view.follows(slot)) continue;
    const o = ix.other(slot, b);
    const viaA = ofA.get(o);
    if (!viaA) continue;
    const list = common.get(o) ?? [...viaA];
    list.push(slot);
    common.set(o, list);
  }
  return common;
}
