// The lifecycle of a link: create (both ends must be at least known to exist to the author),
// read through the access policy, change with If-Match, close, delete (real removal, the fact
// audited). Only the owner bureau changes a link. Every read and write is audited.
import type { AppContext, RequestMeta } from '../../context.js';
import { hasRole, type Principal } from '../../platform/auth/principal.js';
import type { NetworkLinkTable } from '../../platform/db/schema.js';
import { staleVersion } from '../../platform/http/etag.js';
import { conflict, notFoundOrNoAccess, ProblemError } from '../../platform/http/problem.js';
import { uuid7 } from '../../platform/ids/uuid7.js';
import { decideAccess } from '../../platform/policy/access.js';
import { validateRestriction } from '../../platform/policy/access.schema.js';
import { nowIso } from '../../platform/time.js';
import { normaliseEntity } from './networks.entities.js';
import { GraphView, SEE } from './networks.graph.js';
import { networkIndexOf, noteLinkRemoved, noteLinkWritten } from './networks.index.sync.js';
import { resolveNodes } from './networks.nodes.js';
import { fromKey, linkAccessOf, storedBureaus, toKey } from './networks.row.js';
import type { CreateLinkInput, NodeRefInput, UpdateLinkInput } from './networks.schema.js';
import { shapeLink, shapeNode } from './networks.shape.js';
import * as store from './networks.store.js';
import { suggestFor } from './networks.suggestions.js';
import { nodeKey } from './networks.types.js';

const target = (row: Pick<NetworkLinkTable, 'id' | 'owner_bureau'>) => ({
  type: 'network_link',
  id: row.id,
  bureau: row.owner_bureau,
});

/** Network analysts: officers, supervisors and systems of a unit with the networks capability. */
export function assertMayWriteLinks(p: Principal) {
  if (!hasRole(p, 'officer', 'supervisor', 'system')) {
    throw new ProblemError(403, 'forbidden', 'Recording links needs the officer, supervisor or system role');
  }
  assertNetworks(p);
}

export function assertNetworks(p: Principal) {
  if (!p.capabilities.includes('networks')) {
    throw new ProblemError(403, 'missing_capability', 'This needs the networks capability');
  }
}

const noAccessAt = (field: string) =>
  new ProblemError(404, 'not_found', 'Not found or no access', [
    { field, message: 'Not found or no access' },
  ]);

/**
 * An endpoint as the author names it, checked: a record, notice or case must be at least known
 * to exist to the author, or the answer is the same "not found or no access" as for one that
 * is not there; an identifier named by value is created on first use.
 */
async function resolveEndpoint(ctx: AppContext, p: Principal, ref: NodeRefInput, field: string, now: string) {
  if (ref.kind === 'entity' && 'value' in ref) {
    const n = normaliseEntity(ref.entityKind, ref.value);
    if ('error' in n) {
      throw new ProblemError(400, 'invalid_input', `${field}.value ${n.error}`, [
        { field: `${field}.value`, message: n.error },
      ]);
    }
    const e = await store.ensureEntity(ctx.db, {
      id: uuid7(),
      kind: ref.entityKind,
      value: n.value,
      created_at: now,
    });
    return { kind: 'entity', id: e.id, database: null, ownerBureau: null };
  }
  if (ref.kind === 'entity') {
    // An identifier named by id is known to the author only through a link it sees.
    const index = await networkIndexOf(ctx);
    const node = index.node(nodeKey(ref));
    if (node === undefined || new GraphView(index, p).startState(node) !== SEE) throw noAccessAt(field);
    return { kind: 'entity', id: ref.id, database: null, ownerBureau: null };
  }
  const info = (await resolveNodes(ctx.db, [nodeKey(ref)])).get(nodeKey(ref));
  if (!info?.access || decideAccess(p, info.access) === 'none') throw noAccessAt(field);
  if (ref.kind === 'record' && ref.database && ref.database !== info.database) throw noAccessAt(field);
  return {
    kind: ref.kind,
    id: ref.id,
    database: info.database ?? null,
    ownerBureau: info.access.ownerBureau,
  };
}

function checkSpan(from: string | null | undefined, to: string | null | undefined) {
  for (const [field, d] of [
    ['validFrom', from],
    ['validTo', to],
  ] as const) {
    if (d && Number.isNaN(Date.parse(d)))
      throw new ProblemError(400, 'invalid_input', `${field} is not a real date`, [
        { field, message: 'is not a real date' },
      ]);
  }
  if (from && to && from > to) {
    throw new ProblemError(400, 'invalid_input', 'validTo must not be before validFrom', [
      { field: 'validTo', message: 'must not be before validFrom' },
    ]);
  }
}

function checkRestriction(owner: string, r: CreateLinkInput['restriction']) {
  const issue = validateRestriction(owner, r);
  if (issue) throw new ProblemError(400, 'invalid_input', issue, [{ field: 'restriction', message: issue }]);
}

export async function createLink(ctx: AppContext, p: Principal, input: CreateLinkInput, meta: RequestMeta) {
  assertMayWriteLinks(p);
  checkSpan(input.validFrom, input.validTo);
  checkRestriction(p.bureau, input.restriction);
  const now = nowIso();
  const from = await resolveEndpoint(ctx, p, input.from, 'from', now);
  const to = await resolveEndpoint(ctx, p, input.to, 'to', now);
  if (from.kind === to.kind && from.id === to.id) {
    throw new ProblemError(400, 'invalid_input', 'A link joins two different things', [
      { field: 'to', message: 'must differ from from' },
    ]);
  }
  const row: NetworkLinkTable = {
    id: uuid7(),
    from_kind: from.kind,
    from_id: from.id,
    from_database: from.database,
    to_kind: to.kind,
    to_id: to.id,
    to_database: to.database,
    type: input.type,
    valid_from: input.validFrom ?? null,
    valid_to: input.validTo ?? null,
    source_reliability: input.sourceReliability,
    info_accuracy: input.infoAccuracy,
    owner_bureau: p.bureau,
    owner_unit: p.unitId,
    restriction_mode: input.restriction.mode,
    restriction_bureaus: storedBureaus(input.restriction),
    handling: input.handling,
    purpose: input.purpose,
    notes: input.notes ?? null,
    status: 'active',
    created_by: p.name,
    created_at: now,
    updated_by: p.name,
    updated_at: now,
    version: 1,
  };
  await store.insertLink(ctx.db, row);
  await noteLinkWritten(ctx, row);
  await ctx.audit.record({
    actor: p,
    action: 'network.link.create',
    purpose: input.purpose,
    target: target(row),
    outcome: 'success',
    requestId: meta.requestId,
    details: { type: row.type, from: from.kind, to: to.kind },
  });
  await suggestFor(ctx, p, row, meta);
  return row;
}

async function endpointsOf(ctx: AppContext, row: NetworkLinkTable) {
  const nodes = await resolveNodes(ctx.db, [fromKey(row), toKey(row)]);
  return { from: nodes.get(fromKey(row)), to: nodes.get(toKey(row)) };
}

/** One link through the policy: the link with its ends, the fact it exists, or 404. Audited. */
export async function readLink(ctx: AppContext, p: Principal, id: string, meta: RequestMeta) {
  const row = await store.findLink(ctx.db, id);
  const ends = row ? await endpointsOf(ctx, row) : null;
  const shaped = row && ends ? shapeLink(p, row, ends.from, ends.to) : null;
  await ctx.audit.record({
    actor: p,
    action: 'network.link.read',
    purpose: meta.purpose,
    target: row ? target(row) : { type: 'network_link', id },
    outcome: !shaped ? 'denied' : 'exists' in shaped ? 'exists' : 'success',
    requestId: meta.requestId,
  });
  if (!row || !shaped || !ends) throw notFoundOrNoAccess();
  if ('exists' in shaped) return { link: shaped, version: null };
  return {
    link: { ...shaped, fromNode: shapeNode(p, ends.from!), toNode: shapeNode(p, ends.to!) },
    version: row.version,
  };
}

/** The link as its owner's writer sees it, or the right refusal. */
async function ownedForChange(ctx: AppContext, p: Principal, id: string, expectedVersion: number) {
  const row = await store.findLink(ctx.db, id);
  if (!row) throw notFoundOrNoAccess();
  // The owner always reaches its own link (policy rule 4), even when an end is hidden from it.
  if (decideAccess(p, linkAccessOf(row)) === 'none') throw notFoundOrNoAccess();
  assertMayWriteLinks(p);
  if (row.owner_bureau !== p.bureau) {
    throw new ProblemError(
      403,
      'not_owner',
      `Only the owner bureau ${row.owner_bureau} may change this link`,
    );
  }
  if (row.version !== expectedVersion) throw staleVersion();
  return row;
}

async function replace(ctx: AppContext, expectedVersion: number, next: NetworkLinkTable) {
  if (!(await store.replaceLink(ctx.db, expectedVersion, next))) throw staleVersion();
  await noteLinkWritten(ctx, next);
}

export async function updateLink(
  ctx: AppContext,
  p: Principal,
  id: string,
  expectedVersion: number,
  input: UpdateLinkInput,
  meta: RequestMeta,
) {
  const row = await ownedForChange(ctx, p, id, expectedVersion);
  if (row.status === 'closed') throw conflict('closed', 'This link is closed');
  const validFrom = input.validFrom === undefined ? row.valid_from : input.validFrom;
  const validTo = input.validTo === undefined ? row.valid_to : input.validTo;
  checkSpan(validFrom, validTo);
  if (input.restriction) checkRestriction(row.owner_bureau, input.restriction);
  const now = nowIso();
  const next: NetworkLinkTable = {
    ...row,
    type: input.type ?? row.type,
    valid_from: validFrom,
    valid_to: validTo,
    source_reliability: input.sourceReliability ?? row.source_reliability,
    info_accuracy: input.infoAccuracy ?? row.info_accuracy,
    restriction_mode: input.restriction?.mode ?? row.restriction_mode,
    restriction_bureaus: input.restriction ? storedBureaus(input.restriction) : row.restriction_bureaus,
    handling: input.handling ?? row.handling,
    purpose: input.purpose ?? row.purpose,
    notes: input.notes === undefined ? row.notes : input.notes,
    version: row.version + 1,
    updated_at: now,
    updated_by: p.name,
  };
  await replace(ctx, expectedVersion, next);
  await ctx.audit.record({
    actor: p,
    action: 'network.link.update',
    purpose: input.purpose,
    target: target(row),
    outcome: 'success',
    requestId: meta.requestId,
    details: { fields: Object.keys(input).sort().join(','), version: next.version },
  });
  return next;
}

/** A closed link stays on record for its owner but drops out of every analysis. */
export async function closeLink(
  ctx: AppContext,
  p: Principal,
  id: string,
  expectedVersion: number,
  meta: RequestMeta,
) {
  const row = await ownedForChange(ctx, p, id, expectedVersion);
  if (row.status === 'closed') throw conflict('already_closed', 'This link is already closed');
  const now = nowIso();
  const next: NetworkLinkTable = {
    ...row,
    status: 'closed',
    version: row.version + 1,
    updated_at: now,
    updated_by: p.name,
  };
  await replace(ctx, expectedVersion, next);
  await ctx.audit.record({
    actor: p,
    action: 'network.link.close',
    target: target(row),
    outcome: 'success',
    requestId: meta.requestId,
  });
  return next;
}

/** Real deletion of the link (and its suggestions); the fact, not the data, is audited. */
export async function deleteLink(
  ctx: AppContext,
  p: Principal,
  id: string,
  expectedVersion: number,
  meta: RequestMeta,
) {
  const row = await ownedForChange(ctx, p, id, expectedVersion);
  if (!(await store.deleteLink(ctx.db, id, expectedVersion))) throw staleVersion();
  noteLinkRemoved(ctx, id);
  await ctx.audit.record({
    actor: p,
    action: 'network.link.delete',
    target: target(row),
    outcome: 'success',
    requestId: meta.requestId,
    details: { version: row.version },
  });
}
