// What a party does with a message beyond reading it: acknowledge it, pass it on (only with the
// sender's recorded permission when it is marked "not to be passed on"), record that permission,
// and open a private exchange to the General Secretariat. Each is audited.
import type { AppContext, RequestMeta } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';
import { GENERAL_SECRETARIAT, hasRole } from '../../platform/auth/principal.js';
import { badRequest, notFoundOrNoAccess, ProblemError } from '../../platform/http/problem.js';
import { nowIso } from '../../platform/time.js';
import { assertMayRead, readableMessage, unitsOf } from './messaging.read.js';
import { assertMaySend, sendMessage } from './messaging.send.js';
import * as store from './messaging.store.js';
import type { Addressees } from './messaging.types.js';

async function partyMessage(ctx: AppContext, p: Principal, id: string) {
  assertMayRead(p);
  const m = await readableMessage(ctx, p, id);
  if (!m) throw notFoundOrNoAccess();
  return m;
}

export async function acknowledge(ctx: AppContext, p: Principal, id: string, meta: RequestMeta) {
  const m = await partyMessage(ctx, p, id);
  const mine = (await store.recipientsOf(ctx.db, id)).filter((r) => r.bureau === p.bureau);
  if (mine.length === 0)
    throw new ProblemError(409, 'not_a_recipient', 'Only a recipient acknowledges a message');
  await store.markState(ctx.db, id, p.bureau, unitsOf(p), 'acknowledged_at', nowIso());
  await ctx.audit.record({
    actor: p,
    action: 'message.acknowledge',
    target: { type: 'message', id, bureau: m.sender_bureau },
    outcome: 'success',
    requestId: meta.requestId,
  });
}

export async function forward(
  ctx: AppContext,
  p: Principal,
  id: string,
  input: { to: Addressees; cc?: Addressees; comment?: string },
  meta: RequestMeta,
) {
  assertMaySend(p);
  const m = await partyMessage(ctx, p, id);
  if (
    m.handling === 'no_onward_transmission' &&
    m.sender_bureau !== p.bureau &&
    !(await store.hasPermission(ctx.db, id, p.bureau))
  ) {
    await ctx.audit.record({
      actor: p,
      action: 'message.forward',
      target: { type: 'message', id, bureau: m.sender_bureau },
      outcome: 'denied',
      requestId: meta.requestId,
      details: { reason: 'no_onward_transmission' },
    });
    throw new ProblemError(
      403,
      'no_onward_transmission',
      `This message may not be passed on without the permission of its sender (${m.sender_bureau})`,
    );
  }
  const attachments = await Promise.all(
    (await store.attachmentsOf(ctx.db, id)).map(
      async (a) => (await store.attachmentContent(ctx.db, id, a.id))!,
    ),
  );
  const quoted = [
    input.comment?.trim(),
    `---- Forwarded message from ${m.sender_bureau} (${m.sender_name}), ${m.created_at} ----`,
    `Subject: ${m.subject}`,
    '',
    m.body,
  ]
    .filter((x) => x !== undefined && x !== '')
    .join('\n');
  return sendMessage(
    ctx,
    p,
    {
      to: input.to,
      cc: input.cc,
      subject: `Fwd: ${m.subject}`.slice(0, 300),
      body: quoted.slice(0, 100_000),
      language: m.language as 'en',
      priority: m.priority as 'routine',
      handling: m.handling as 'police_use_only',
      handlingNote: m.handling_note ?? undefined,
      references: [{ type: 'message', id }],
    },
    meta,
    { id, attachments },
  );
}

/** The sender's bureau lets another bureau pass its message on. */
export async function permitOnwardTransmission(
  ctx: AppContext,
  p: Principal,
  id: string,
  bureau: string,
  meta: RequestMeta,
) {
  const m = await partyMessage(ctx, p, id);
  if (m.sender_bureau !== p.bureau || !hasRole(p, 'officer', 'supervisor')) {
    throw new ProblemError(
      403,
      'forbidden',
      "Only the sender's bureau grants permission to pass its message on",
    );
  }
  const code = bureau.toUpperCase();
  if (!(await ctx.db.selectFrom('bureaus').select('code').where('code', '=', code).executeTakeFirst())) {
    throw badRequest('bureau', `${bureau} is not a bureau`);
  }
  if (!(await store.hasPermission(ctx.db, id, code))) {
    await ctx.db
      .insertInto('message_permissions')
      .values({ message_id: id, bureau: code, granted_by: p.name, granted_at: nowIso() })
      .execute();
  }
  await ctx.audit.record({
    actor: p,
    action: 'message.permit_onward',
    target: { type: 'message', id, bureau: p.bureau },
    outcome: 'success',
    requestId: meta.requestId,
    details: { bureau: code },
  });
}

/** A party (sender or recipient bureau) opens the thread of a private exchange to the GS. */
export async function grantGeneralSecretariat(
  ctx: AppContext,
  p: Principal,
  id: string,
  reason: string,
  meta: RequestMeta,
) {
  const m = await partyMessage(ctx, p, id);
  if (p.bureau === GENERAL_SECRETARIAT)
    throw new ProblemError(409, 'already_party', 'The GS is a party already');
  const party =
    m.sender_bureau === p.bureau || (await store.recipientsOf(ctx.db, id)).some((r) => r.bureau === p.bureau);
  if (!party || !hasRole(p, 'officer', 'supervisor')) {
    throw new ProblemError(
      403,
      'forbidden',
      'Only a party to the exchange may open it to the General Secretariat',
    );
  }
  const existing = await ctx.db
    .selectFrom('message_gs_grants')
    .select('thread_id')
    .where('thread_id', '=', m.thread_id)
    .executeTakeFirst();
  if (!existing) {
    await ctx.db
      .insertInto('message_gs_grants')
      .values({
        thread_id: m.thread_id,
        granted_by: p.name,
        granted_bureau: p.bureau,
        granted_at: nowIso(),
        reason,
      })
      .execute();
  }
  await ctx.audit.record({
    actor: p,
    action: 'message.gs_grant',
    target: { type: 'message_thread', id: m.thread_id, bureau: p.bureau },
    outcome: 'success',
    requestId: meta.requestId,
  });
}
