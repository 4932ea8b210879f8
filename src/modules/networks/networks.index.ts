// The in-memory adjacency index of the network: every active link, its endpoints, its grading
// and the access descriptor of the link and of each node, held in columns (a million links fit
// in some tens of megabytes) so that a 2-hop neighbourhood or a shortest path is a walk over
// arrays, not a query per hop. Descriptors are interned: a million links share a few hundred
// (owner × restriction × handling), so a query decides each distinct one once.
// The database stays the source of truth; `networks.index.sync.ts` keeps this in step with it.
import type { AccessDescriptor } from '../../platform/policy/access.js';
import { RELIABILITY_ORDER } from './networks.types.js';

/** A node's descriptor slot: an interned descriptor, or one of these. */
export const NODE_MISSING = -1; // not found (deleted, or not yet resolved): treated as `none`
export const NODE_ENTITY = -2; // an identifier: visible through the links that reach it

export interface IndexedLinkInput {
  id: string;
  from: string; // node keys (networks.types.ts nodeKey)
  to: string;
  type: string;
  validFrom: string | null;
  validTo: string | null;
  reliability: string;
  accuracy: number;
  access: AccessDescriptor;
  version: number;
}

function descriptorKey(d: AccessDescriptor): string {
  const r = d.restriction;
  const bureaus =
    r.mode === 'everyone'
      ? ''
      : [...r.bureaus]
          .map((b) => b.toUpperCase())
          .sort()
          .join(',');
  return `${d.ownerBureau}|${r.mode}|${bureaus}|${d.handling}|${d.capability ?? ''}|${d.screenable ? 1 : 0}|${d.privateExchange ? 1 : 0}`;
}

function grow<T extends Int32Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

export class LinkIndex {
  // Descriptors, interned.
  readonly descriptors: AccessDescriptor[] = [];
  private readonly descriptorOf = new Map<string, number>();

  // Nodes.
  readonly nodeKeys: string[] = [];
  private readonly nodeOf = new Map<string, number>();
  nodeDescriptor = new Int32Array(1024);
  readonly adjacency: number[][] = [];

  // Links, by slot; a freed slot has linkFrom = -1 and is reused.
  readonly linkIds: (string | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  linkFrom = new Int32Array(1024);
  linkTo = new Int32Array(1024);
  linkDescriptor = new Int32Array(1024);
  linkVersion = new Int32Array(1024);
  linkType = new Uint8Array(1024);
  linkReliability = new Uint8Array(1024); // index in RELIABILITY_ORDER
  linkAccuracy = new Uint8Array(1024);
  linkFromDay: (string | null)[] = [];
  linkToDay: (string | null)[] = [];
  private readonly types: string[] = [];
  private readonly typeOf = new Map<string, number>();

  get linkCount() {
    return this.slotOf.size;
  }

  intern(d: AccessDescriptor): number {
    const key = descriptorKey(d);
    let i = this.descriptorOf.get(key);
    if (i === undefined) {
      i = this.descriptors.length;
      this.descriptors.push(d);
      this.descriptorOf.set(key, i);
    }
    return i;
  }

  sameDescriptor(i: number, d: AccessDescriptor | null): boolean {
    if (d === null) return i < 0;
    return i >= 0 && descriptorKey(this.descriptors[i]!) === descriptorKey(d);
  }

  node(key: string): number | undefined {
    return this.nodeOf.get(key);
  }

  /** The node's slot, added (unresolved) when new. */
  ensureNode(key: string): number {
    let n = this.nodeOf.get(key);
    if (n === undefined) {
      n = this.nodeKeys.length;
      this.nodeKeys.push(key);
      this.nodeOf.set(key, n);
      this.adjacency.push([]);
      this.nodeDescriptor = grow(this.nodeDescriptor, n + 1);
      this.nodeDescriptor[n] = key.startsWith('e:') ? NODE_ENTITY : NODE_MISSING;
    }
    return n;
  }

  setNodeAccess(key: string, d: AccessDescriptor | null) {
    const n = this.nodeOf.get(key);
    if (n === undefined) return;
    this.nodeDescriptor[n] =
      d === null ? (key.startsWith('e:') ? NODE_ENTITY : NODE_MISSING) : this.intern(d);
  }

  typeIndex(type: string): number {
    let t = this.typeOf.get(type);
    if (t === undefined) {
      t = this.types.length;
      this.types.push(type);
      this.typeOf.set(type, t);
    }
    return t;
  }

  typeName(slot: number): string {
    return this.types[this.linkType[slot]!]!;
  }

  slot(linkId: string): number | undefined {
    return this.slotOf.get(linkId);
  }

  /** Adds or replaces a link (a changed link keeps its slot when its endpoints are the same). */
  upsert(l: IndexedLinkInput): void {
    const existing = this.slotOf.get(l.id);
    const from = this.ensureNode(l.from);
    const to = this.ensureNode(l.to);
    let slot: number;
    if (existing !== undefined && this.linkFrom[existing] === from && this.linkTo[existing] === to) {
      slot = existing;
    } else {
      if (existing !== undefined) this.remove(l.id);
      slot = this.freeSlots.pop() ?? this.linkIds.length;
      if (slot === this.linkIds.length) {
        this.linkIds.push(null);
        this.linkFromDay.push(null);
        this.linkToDay.push(null);
        const need = slot + 1;
        this.linkFrom = grow(this.linkFrom, need);
        this.linkTo = grow(this.linkTo, need);
        this.linkDescriptor = grow(this.linkDescriptor, need);
        this.linkVersion = grow(this.linkVersion, need);
        this.linkType = grow(this.linkType, need);
        this.linkReliability = grow(this.linkReliability, need);
        this.linkAccuracy = grow(this.linkAccuracy, need);
      }
      this.linkIds[slot] = l.id;
      this.slotOf.set(l.id, slot);
      this.linkFrom[slot] = from;
      this.linkTo[slot] = to;
      this.adjacency[from]!.push(slot);
      if (to !== from) this.adjacency[to]!.push(slot);
    }
    this.linkDescriptor[slot] = this.intern(l.access);
    this.linkVersion[slot] = l.version;
    this.linkType[slot] = this.typeIndex(l.type);
    this.linkReliability[slot] = Math.max(0, RELIABILITY_ORDER.indexOf(l.reliability as 'A'));
    this.linkAccuracy[slot] = l.accuracy;
    this.linkFromDay[slot] = l.validFrom;
    this.linkToDay[slot] = l.validTo;
  }

  remove(linkId: string): void {
    const slot = this.slotOf.get(linkId);
    if (slot === undefined) return;
    for (const n of [this.linkFrom[slot]!, this.linkTo[slot]!]) {
      const list = this.adjacency[n]!;
      const i = list.indexOf(slot);
      if (i >= 0) {
        list[i] = list[list.length - 1]!;
        list.pop();
      }
    }
    this.slotOf.delete(linkId);
    this.linkIds[slot] = null;
    this.linkFrom[slot] = -1;
    this.linkTo[slot] = -1;
    this.freeSlots.push(slot);
  }

  /** The node at the other end of a link from `node`. */
  other(slot: number, node: number): number {
    const f = this.linkFrom[slot]!;
    return f === node ? this.linkTo[slot]! : f;
  }
}
