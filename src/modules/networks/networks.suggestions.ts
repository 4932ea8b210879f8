// Link suggestions: when two bureaus link the same identifier (a phone, an account, a document
// number, an e-mail address), each is told that the other holds something on it — the way a
// records hit tells an owner that another bureau found its record. Records hits do not fit (a
// hit is a search by one bureau that found one record; here two pieces of data meet with no
// search), so suggestions are rows of their own, with an event to each owner bureau.
// Each side learns only that the other's link exists and whom to contact, and only when the
// access policy would let that bureau know of the other's link at all.
import type { AppContext, RequestMeta } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { NetworkLinkTable, NetworkSuggestionTable } from '../../platform/db/schema.js';
import { notFoundOrNoAccess, ProblemError } from '../../platform/http/problem.js';
import { uuid7 } from '../../platform/ids/uuid7.js';
import { type AccessDescriptor, decideAccess } from '../../platform/policy/access.js';
import { nowIso } from '../../platform/time.js';
import { linkAccessOf } from './networks.row.js';
import * as store from './networks.store.js';

/** The bureau's network analysts, as the policy judges them when no one of them has asked yet. */
function analystOf(bureau: string): Principal {
  return {
    type: 'user',
    id: `bureau:${bureau}`,
    name: `${bureau} network analysts`,
    bureau,
    unitId: null,
    roles: ['officer'],
    capabilities: ['networks'],
  };
}

const toBureau = (bureau: string): AccessDescriptor => ({
  ownerBureau: bureau,
  restriction: { mode: 'only', bureaus: [bureau] },
  handling: 'restricted',
  capability: 'networks',
});

/** After a link to an identifier is written: suggestions with every other bureau's link to it. */
export async function suggestFor(
  ctx: AppContext,
  actor: Principal,
  link: NetworkLinkTable,
  meta: RequestMeta,
) {
  const entityIds = [
    link.from_kind === 'entity' ? link.from_id : null,
    link.to_kind === 'entity' ? link.to_id : null,
  ];
  const now = nowIso();
  const rows: NetworkSuggestionTable[] = [];
  for (const entityId of entityIds) {
    if (!entityId) continue;
    for (const other of await store.activeLinksTo(ctx.db, entityId)) {
      if (other.owner_bureau === link.owner_bureau) continue;
      const mine = decideAccess(analystOf(link.owner_bureau), linkAccessOf(other));
      const theirs = decideAccess(analystOf(other.owner_bureau), linkAccessOf(link));
      if (mine === 'none' || theirs === 'none') continue;
      rows.push({
        id: uuid7(),
        entity_id: entityId,
        link_a: other.id,
        bureau_a: other.owner_bureau,
        status_a: 'open',
        link_b: link.id,
        bureau_b: link.owner_bureau,
        status_b: 'open',
        created_at: now,
        updated_at: now,
      });
    }
  }
  if (rows.length === 0) return;
  await store.insertSuggestions(ctx.db, rows);
  const [entity] = await store.findEntities(ctx.db, [rows[0]!.entity_id]);
  for (const s of rows) {
    for (const [bureau, other] of [
      [s.bureau_a, s.bureau_b],
      [s.bureau_b, s.bureau_a],
    ] as const) {
      await ctx.audit.record({
        actor,
        action: 'network.suggestion',
        target: { type: 'network_suggestion', id: s.id, bureau },
        outcome: 'success',
        requestId: meta.requestId,
        details: { otherBureau: other, entityKind: entity?.kind ?? '' },
      });
      await ctx.events.publish(
        'networks.suggestion',
        { suggestionId: s.id, entityKind: entity?.kind, otherBureau: other, at: now },
        toBureau(bureau),
      );
    }
  }
}

function toDto(
  s: NetworkSuggestionTable,
  bureau: string,
  entity: { kind: string; value: string } | undefined,
) {
  const mineA = s.bureau_a === bureau;
  return {
    id: s.id,
    entity: entity ? { id: s.entity_id, kind: entity.kind, value: entity.value } : { id: s.entity_id },
    yourLink: mineA ? s.link_a : s.link_b,
    otherLink: {
      id: mineA ? s.link_b : s.link_a,
      kind: 'link',
      exists: true,
      ownerBureau: mineA ? s.bureau_b : s.bureau_a,
    },
    yourStatus: mineA ? s.status_a : s.status_b,
    createdAt: s.created_at,
  };
}

export async function listSuggestions(ctx: AppContext, p: Principal, meta: RequestMeta) {
  assertAnalyst(p);
  const rows = await store.suggestionsFor(ctx.db, p.bureau, 200);
  const entities = new Map(
    (await store.findEntities(ctx.db, [...new Set(rows.map((r) => r.entity_id))])).map((e) => [e.id, e]),
  );
  await ctx.audit.record({
    actor: p,
    action: 'network.suggestion.list',
    target: { type: 'network_suggestions', id: p.bureau },
    outcome: 'success',
    requestId: meta.requestId,
    details: { results: rows.length },
  });
  return rows.map((r) => toDto(r, p.bureau, entities.get(r.entity_id)));
}

export async function decideSuggestion(
  ctx: AppContext,
  p: Principal,
  id: string,
  status: 'accepted' | 'dismissed',
  meta: RequestMeta,
) {
  assertAnalyst(p);
  const s = await store.findSuggestion(ctx.db, id);
  if (!s || (s.bureau_a !== p.bureau && s.bureau_b !== p.bureau)) throw notFoundOrNoAccess();
  const side = s.bureau_a === p.bureau ? 'a' : 'b';
  await store.setSuggestionStatus(ctx.db, id, side, status, nowIso());
  await ctx.audit.record({
    actor: p,
    action: `network.suggestion.${status === 'accepted' ? 'accept' : 'dismiss'}`,
    target: { type: 'network_suggestion', id, bureau: p.bureau },
    outcome: 'success',
    requestId: meta.requestId,
  });
  const [entity] = await store.findEntities(ctx.db, [s.entity_id]);
  return toDto({ ...s, [`status_${side}`]: status }, p.bureau, entity);
}

function assertAnalyst(p: Principal) {
  if (
    !p.capabilities.includes('networks') ||
    !p.roles.some((r) => ['officer', 'supervisor', 'system', 'dpo'].includes(r))
  ) {
    throw new ProblemError(403, 'missing_capability', 'This needs the networks capability');
  }
}
