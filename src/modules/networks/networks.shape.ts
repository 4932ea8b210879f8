// How a node and a link are shown to one principal, decided by the access policy on fresh rows:
// what it may see in full, "exists, contact the owner" with no data, or nothing at all.
import type { Principal } from '../../platform/auth/principal.js';
import type { NetworkLinkTable } from '../../platform/db/schema.js';
import { type AccessDecision, decideAccess } from '../../platform/policy/access.js';
import type { NodeInfo } from './networks.nodes.js';
import { linkAccessOf, linkExists, toLinkDto } from './networks.row.js';

/** A node's own decision; an identifier is `see` here — it is only shown through a link the principal sees. */
export function nodeDecision(p: Principal, n: NodeInfo | undefined): AccessDecision {
  if (!n) return 'none';
  return n.access === null ? 'see' : decideAccess(p, n.access);
}

export function shapeNode(p: Principal, n: NodeInfo) {
  const d = nodeDecision(p, n);
  if (d === 'none') return null;
  const db = n.database ? { database: n.database } : {};
  if (d === 'exists')
    return { kind: n.kind, id: n.id, ...db, exists: true as const, ownerBureau: n.access!.ownerBureau };
  if (n.access === null)
    return { kind: n.kind, id: n.id, access: 'see' as const, entityKind: n.entityKind, value: n.label };
  return {
    kind: n.kind,
    id: n.id,
    ...db,
    access: 'see' as const,
    label: n.label,
    ownerBureau: n.access.ownerBureau,
  };
}

/** A link's decision: its own, and none unless both its ends are at least `exists`. */
export function linkDecision(
  p: Principal,
  row: NetworkLinkTable,
  from: NodeInfo | undefined,
  to: NodeInfo | undefined,
): AccessDecision {
  const own = decideAccess(p, linkAccessOf(row));
  if (own === 'none' || nodeDecision(p, from) === 'none' || nodeDecision(p, to) === 'none') return 'none';
  return own;
}

export function shapeLink(
  p: Principal,
  row: NetworkLinkTable,
  from: NodeInfo | undefined,
  to: NodeInfo | undefined,
) {
  const d = linkDecision(p, row, from, to);
  if (d === 'none') return null;
  return d === 'exists' ? linkExists(row) : toLinkDto(row);
}
