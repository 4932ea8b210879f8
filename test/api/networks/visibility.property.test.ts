// The analyses never leak: on random graphs with random owners, restrictions and handling, for
// random principals, every node and link that neighbourhood, path and common neighbours return
// is allowed by decideAccess (a link by its own descriptor and both its ends), nothing `none`
// appears, and the path found is as short as a breadth-first search over only the visible
// subgraph — computed here from the raw descriptors, independently of the index.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commonNeighbours,
  GraphView,
  neighbourhood,
  shortestPath,
} from '../../../src/modules/networks/networks.graph.js';
import { LinkIndex } from '../../../src/modules/networks/networks.index.js';
import { LINK_TYPES, RELIABILITY_ORDER } from '../../../src/modules/networks/networks.types.js';
import type { Capability, Principal, Role } from '../../../src/platform/auth/principal.js';
import { type AccessDescriptor, decideAccess } from '../../../src/platform/policy/access.js';

const BUREAUS = ['FR', 'JO', 'NG', 'US', 'XG'];
const bureau = fc.constantFrom(...BUREAUS);
const descriptor = (capability: Capability): fc.Arbitrary<AccessDescriptor> =>
  fc.record({
    ownerBureau: bureau,
    restriction: fc.oneof(
      fc.constant({ mode: 'everyone' as const }),
      fc.record({
        mode: fc.constant('only' as const),
        bureaus: fc.uniqueArray(bureau, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({
        mode: fc.constant('except' as const),
        bureaus: fc.uniqueArray(bureau, { minLength: 1, maxLength: 3 }),
      }),
    ),
    handling: fc.constantFrom('public', 'official', 'restricted', 'confidential'),
    capability: fc.constant(capability),
  });
// Nodes: records of a networks database, of CBRNE, or identifiers (no descriptor of their own).
const node = fc.oneof(
  {
    weight: 3,
    arbitrary: descriptor('networks').map((d) => ({ key: 'r', d: d as AccessDescriptor | null })),
  },
  { weight: 1, arbitrary: descriptor('cbrne').map((d) => ({ key: 'r', d: d as AccessDescriptor | null })) },
  { weight: 1, arbitrary: fc.constant({ key: 'e', d: null as AccessDescriptor | null }) },
);
const principal: fc.Arbitrary<Principal> = fc.record({
  type: fc.constant('user' as const),
  id: fc.constant('p'),
  name: fc.constant('p'),
  bureau,
  unitId: fc.constant(null),
  roles: fc.constantFrom<Role[]>(['officer'], ['gs_reviewer'], ['bureau_admin'], ['dpo']),
  capabilities: fc.constantFrom<Capability[]>(['networks'], ['networks', 'cbrne'], ['databases']),
});

const graph = fc.record({ nodes: fc.array(node, { minLength: 2, maxLength: 25 }) }).chain(({ nodes }) =>
  fc.record({
    nodes: fc.constant(nodes),
    links: fc.array(
      fc.record({
        from: fc.nat(nodes.length - 1),
        to: fc.nat(nodes.length - 1),
        d: descriptor('networks'),
        type: fc.constantFrom(...LINK_TYPES),
        reliability: fc.constantFrom(...RELIABILITY_ORDER),
        accuracy: fc.integer({ min: 1, max: 4 }),
      }),
      { maxLength: 60 },
    ),
  }),
);

type Graph = typeof graph extends fc.Arbitrary<infer G> ? G : never;

function build(g: Graph) {
  const ix = new LinkIndex();
  const key = (i: number) => `${g.nodes[i]!.key}:00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
  g.links.forEach((l, i) => {
    if (l.from === l.to) return;
    ix.upsert({
      id: `l${i}`,
      from: key(l.from),
      to: key(l.to),
      type: l.type,
      validFrom: null,
      validTo: null,
      reliability: l.reliability,
      accuracy: l.accuracy,
      access: l.d,
      version: 1,
    });
  });
  g.nodes.forEach((n, i) => {
    ix.ensureNode(key(i));
    ix.setNodeAccess(key(i), n.d);
  });
  return { ix, key };
}

/** The model: what the principal may follow, straight from decideAccess on the raw descriptors. */
function model(g: Graph, p: Principal, minReliability: number) {
  const nodeOk = (i: number) => g.nodes[i]!.d === null || decideAccess(p, g.nodes[i]!.d!) !== 'none';
  const see = g.links.map(
    (l) =>
      l.from !== l.to &&
      decideAccess(p, l.d) === 'see' &&
      nodeOk(l.from) &&
      nodeOk(l.to) &&
      RELIABILITY_ORDER.indexOf(l.reliability) <= minReliability,
  );
  const bfs = (a: number, b: number) => {
    const dist = new Map([[a, 0]]);
    const queue = [a];
    while (queue.length > 0) {
      const n = queue.shift()!;
      g.links.forEach((l, i) => {
        if (!see[i]) return;
        const o = l.from === n ? l.to : l.to === n ? l.from : -1;
        if (o >= 0 && !dist.has(o)) {
          dist.set(o, dist.get(n)! + 1);
          queue.push(o);
        }
      });
    }
    return dist.get(b);
  };
  return { nodeOk, see, bfs };
}

describe('network analyses through the access policy', () => {
  it('return only what decideAccess allows, and the shortest visible path', () => {
    fc.assert(
      fc.property(
        graph,
        principal,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 3 }),
        (g, p, ai, bi, minRel) => {
          const { ix, key } = build(g);
          const filters = { minReliability: RELIABILITY_ORDER[minRel] };
          const view = new GraphView(ix, p, filters);
          const m = model(g, p, minRel);
          const slotToLink = (slot: number) => Number(ix.linkIds[slot]!.slice(1));
          const nodeIdx = (n: number) => Number(ix.nodeKeys[n]!.slice(-12));
          const a = ai % g.nodes.length;
          const b = bi % g.nodes.length;
          const na = ix.node(key(a))!;
          const nb = ix.node(key(b))!;
          // A start the principal may not know of is refused (entities: known through a visible link).
          const touchesVisibly = (x: number) =>
            g.links.some(
              (l) =>
                (l.from === x || l.to === x) &&
                l.from !== l.to &&
                decideAccess(p, l.d) === 'see' &&
                m.nodeOk(l.from) &&
                m.nodeOk(l.to),
            );
          const aVisible = g.nodes[a]!.d === null ? touchesVisibly(a) : m.nodeOk(a);
          expect(view.startState(na) !== 0).toBe(aVisible);
          if (!aVisible) return;

          const n = neighbourhood(view, na, 3, 1000);
          for (const node of n.depth.keys()) expect(m.nodeOk(nodeIdx(node))).toBe(true);
          for (const slot of n.links) expect(m.see[slotToLink(slot)]).toBe(true);
          for (const slot of n.existsLinks.keys()) {
            const l = g.links[slotToLink(slot)]!;
            expect(decideAccess(p, l.d)).toBe('exists');
            expect(m.nodeOk(l.from) && m.nodeOk(l.to)).toBe(true);
          }
          // Every node within 3 visible hops is found, at its visible distance.
          for (let i = 0; i < g.nodes.length; i++) {
            const d = m.bfs(a, i);
            if (d !== undefined && d <= 3) expect(n.depth.get(ix.node(key(i))!)).toBe(d);
            else expect(n.depth.has(ix.node(key(i))!)).toBe(false);
          }

          const bVisible = g.nodes[b]!.d === null ? touchesVisibly(b) : m.nodeOk(b);
          expect(view.startState(nb) !== 0).toBe(bVisible);
          if (!bVisible) return;
          const path = shortestPath(view, na, nb, 8);
          const expected = m.bfs(a, b);
          if (expected === undefined || expected > 8) expect(path).toBeNull();
          else {
            expect(path!.links.length).toBe(expected);
            for (const x of path!.nodes) expect(m.nodeOk(nodeIdx(x))).toBe(true);
            path!.links.forEach((slot, i) => {
              expect(m.see[slotToLink(slot)]).toBe(true);
              const l = g.links[slotToLink(slot)]!;
              const ends = [nodeIdx(path!.nodes[i]!), nodeIdx(path!.nodes[i + 1]!)].sort();
              expect([l.from, l.to].sort()).toEqual(ends);
            });
          }

          const common = commonNeighbours(view, na, nb);
          for (const [c, slots] of common) {
            expect(m.nodeOk(nodeIdx(c))).toBe(true);
            for (const s of slots) expect(m.see[slotToLink(s)]).toBe(true);
            expect(m.bfs(a, nodeIdx(c))).toBe(1);
            expect(m.bfs(b, nodeIdx(c))).toBe(1);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
