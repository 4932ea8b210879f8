// The vocabulary of the networks module: what a link may join, what kinds of link there are,
// and how a node is named inside the in-memory index.
export const LINK_TYPES = [
  'member_of',
  'leads',
  'finances',
  'supplies',
  'travelled_with',
  'used',
  'owns',
  'communicated_with',
  'involved_in',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** What a link endpoint may be: a record of any database, a notice, a payment case, an identifier. */
export const NODE_KINDS = ['record', 'notice', 'payment_case', 'entity'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Free identifiers that are nodes of their own (so a phone two cells share is one node). */
export const ENTITY_KINDS = ['phone', 'email', 'bank_account', 'document_number'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Source reliability from best to worst; a "minimum" filter keeps this one and those before it. */
export const RELIABILITY_ORDER = ['A', 'B', 'C', 'X'] as const;

export interface NodeRef {
  kind: NodeKind;
  id: string;
}

const PREFIX: Record<NodeKind, string> = { record: 'r', notice: 'n', payment_case: 'p', entity: 'e' };
const KIND_OF: Record<string, NodeKind> = { r: 'record', n: 'notice', p: 'payment_case', e: 'entity' };

/** The index's name for a node: a one-letter kind and the id (ids are UUIDs, unique per kind). */
export function nodeKey(ref: NodeRef): string {
  return `${PREFIX[ref.kind]}:${ref.id}`;
}

export function refOf(key: string): NodeRef {
  return { kind: KIND_OF[key[0]!]!, id: key.slice(2) };
}

/** Filters of an analysis; they apply to the links it follows. */
export interface LinkFilters {
  types?: readonly string[];
  /** Keep links whose time span overlaps [from, to] (YYYY-MM-DD); open spans overlap everything. */
  from?: string;
  to?: string;
  /** Keep links graded this reliable or better (A best, X cannot be judged). */
  minReliability?: string;
  /** Keep links whose accuracy is this or better (1 known true … 4 doubtful). */
  minAccuracy?: number;
}
