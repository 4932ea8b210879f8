// A stored link in its three other forms: the descriptor the access policy judges it by, the
// entry of the in-memory index, and its API shape.
import type { NetworkLinkTable } from '../../platform/db/schema.js';
import type { AccessDescriptor, HandlingCode, Restriction } from '../../platform/policy/access.js';
import type { IndexedLinkInput } from './networks.index.js';
import type { NodeKind } from './networks.types.js';

export function restrictionOf(
  row: Pick<NetworkLinkTable, 'restriction_mode' | 'restriction_bureaus'>,
): Restriction {
  if (row.restriction_mode === 'everyone') return { mode: 'everyone' };
  return { mode: row.restriction_mode, bureaus: JSON.parse(row.restriction_bureaus) as string[] };
}

export function storedBureaus(r: Restriction): string {
  return JSON.stringify(r.mode === 'everyone' ? [] : [...r.bureaus].map((b) => b.toUpperCase()).sort());
}

/** A link is network data: it needs the `networks` capability, then its owner's restriction decides. */
export function linkAccessOf(row: NetworkLinkTable): AccessDescriptor {
  return {
    ownerBureau: row.owner_bureau,
    restriction: restrictionOf(row),
    handling: row.handling as HandlingCode,
    capability: 'networks',
  };
}

const PREFIX: Record<string, string> = { record: 'r', notice: 'n', payment_case: 'p', entity: 'e' };

export const fromKey = (row: NetworkLinkTable) => `${PREFIX[row.from_kind]}:${row.from_id}`;
export const toKey = (row: NetworkLinkTable) => `${PREFIX[row.to_kind]}:${row.to_id}`;

export function indexInputOf(row: NetworkLinkTable): IndexedLinkInput {
  return {
    id: row.id,
    from: fromKey(row),
    to: toKey(row),
    type: row.type,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    reliability: row.source_reliability,
    accuracy: row.info_accuracy,
    access: linkAccessOf(row),
    version: row.version,
  };
}

export function endpointOf(kind: string, id: string, database: string | null) {
  return { kind: kind as NodeKind, id, ...(database ? { database } : {}) };
}

/** The link as a principal who may `see` it reads it (its endpoints are shaped by the caller). */
export function toLinkDto(row: NetworkLinkTable) {
  return {
    access: 'see' as const,
    id: row.id,
    type: row.type,
    from: endpointOf(row.from_kind, row.from_id, row.from_database),
    to: endpointOf(row.to_kind, row.to_id, row.to_database),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    sourceReliability: row.source_reliability,
    infoAccuracy: row.info_accuracy,
    ownerBureau: row.owner_bureau,
    restriction: restrictionOf(row),
    handling: row.handling as HandlingCode,
    purpose: row.purpose,
    notes: row.notes,
    status: row.status,
    version: row.version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** What a principal who may only know that a link exists learns: its id and whom to ask. */
export function linkExists(row: Pick<NetworkLinkTable, 'id' | 'owner_bureau'>) {
  return { id: row.id, kind: 'link' as const, exists: true as const, ownerBureau: row.owner_bureau };
}
