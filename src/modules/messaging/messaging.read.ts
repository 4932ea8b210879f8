// Reading messages: one message (its signature checked, its reading recorded for the reader's
// bureau), the inbox and sent boxes, a thread, a search within one's own messages, unread
// counts. Every message passes `maySee` (the access policy, then the unit narrowing).
import type { AppContext, RequestMeta } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { MessageRecipientTable, MessageTable } from '../../platform/db/schema.js';
import { notFoundOrNoAccess, ProblemError } from '../../platform/http/problem.js';
import { nowIso } from '../../platform/time.js';
import { verifySignature } from './bureau-keys.js';
import { maySee } from './messaging.access.js';
import { signedPayload } from './messaging.sign.js';
import * as store from './messaging.store.js';

export function assertMayRead(p: Principal) {
  if (!p.capabilities.includes('messaging')) {
    throw new ProblemError(403, 'missing_capability', 'Messages need the messaging capability');
  }
}

/** The units of the reader's bureau whose deliveries it acts on (null: all of the bureau's). */
export const unitsOf = (p: Principal) => (p.unitId ? ['', p.unitId] : null);

/** The message if `p` may read it, without recording anything (for replies and forwards). */
export async function readableMessage(ctx: AppContext, p: Principal, id: string) {
  const m = await store.findMessage(ctx.db, id);
  if (!m) return undefined;
  const [recipients, granted] = await Promise.all([
    store.recipientsOf(ctx.db, id),
    store.grantedThreads(ctx.db, [m.thread_id]),
  ]);
  return maySee(p, m, recipients, granted.has(m.thread_id)) ? m : undefined;
}

async function signatureOf(ctx: AppContext, m: MessageTable, recipients: MessageRecipientTable[]) {
  const attachments = await store.attachmentsOf(ctx.db, m.id);
  const valid = await verifySignature(
    ctx,
    m.sender_bureau,
    m.kid,
    signedPayload(m, recipients, attachments),
    m.signature,
  );
  return { attachments, signature: { kid: m.kid, bureau: m.sender_bureau, valid } };
}

export async function readMessage(ctx: AppContext, p: Principal, id: string, meta: RequestMeta) {
  assertMayRead(p);
  const m = await store.findMessage(ctx.db, id);
  const recipients = m ? await store.recipientsOf(ctx.db, id) : [];
  const granted = m ? (await store.grantedThreads(ctx.db, [m.thread_id])).has(m.thread_id) : false;
  const ok = m !== undefined && maySee(p, m, recipients, granted);
  await ctx.audit.record({
    actor: p,
    action: 'message.read',
    purpose: meta.purpose,
    target: m ? { type: 'message', id, bureau: m.sender_bureau } : { type: 'message', id },
    outcome: ok ? 'success' : 'denied',
    requestId: meta.requestId,
  });
  if (!ok) throw notFoundOrNoAccess();
  if (recipients.some((r) => r.bureau === p.bureau)) {
    await store.markState(ctx.db, id, p.bureau, unitsOf(p), 'read_at', nowIso());
  }
  const [fresh, signed] = await Promise.all([
    store.recipientsOf(ctx.db, id),
    signatureOf(ctx, m, recipients),
  ]);
  return { message: m, recipients: fresh, ...signed, granted };
}

export interface BoxQuery {
  box: 'inbox' | 'sent';
  threadId?: string;
  search?: string;
  unread?: boolean;
  before?: string;
  limit: number;
}

export async function listBox(ctx: AppContext, p: Principal, q: BoxQuery, meta: RequestMeta) {
  assertMayRead(p);
  const out: { message: MessageTable; recipients: MessageRecipientTable[] }[] = [];
  let before = q.before;
  for (let round = 0; round < 5 && out.length < q.limit; round++) {
    const rows = await store.listMessages(ctx.db, {
      bureau: p.bureau,
      box: q.box,
      before,
      threadId: q.threadId,
      search: q.search?.toLowerCase(),
      unread: q.unread,
      limit: q.limit * 2,
    });
    const [recipients, granted] = await Promise.all([
      store.recipientsOfMany(
        ctx.db,
        rows.map((r) => r.id),
      ),
      store.grantedThreads(ctx.db, [...new Set(rows.map((r) => r.thread_id))]),
    ]);
    for (const m of rows) {
      const rs = recipients.get(m.id) ?? [];
      if (out.length < q.limit && maySee(p, m, rs, granted.has(m.thread_id)))
        out.push({ message: m, recipients: rs });
    }
    if (rows.length < q.limit * 2) break;
    before = rows.at(-1)!.id;
  }
  await ctx.audit.record({
    actor: p,
    action: q.search ? 'message.search' : 'message.list',
    purpose: meta.purpose,
    outcome: 'success',
    requestId: meta.requestId,
    details: { box: q.box, count: out.length, ...(q.threadId ? { thread: q.threadId } : {}) },
  });
  // Listing the inbox delivers what it lists.
  if (q.box === 'inbox') {
    const at = nowIso();
    for (const { message, recipients } of out) {
      if (recipients.some((r) => r.bureau === p.bureau && r.delivered_at === null)) {
        await store.markState(ctx.db, message.id, p.bureau, unitsOf(p), 'delivered_at', at);
      }
    }
  }
  return { items: out, next: out.length === q.limit ? out.at(-1)!.message.id : null };
}

export async function unread(ctx: AppContext, p: Principal) {
  assertMayRead(p);
  return store.unreadCount(ctx.db, p.bureau, unitsOf(p));
}

export async function readAttachment(
  ctx: AppContext,
  p: Principal,
  id: string,
  fileId: string,
  meta: RequestMeta,
) {
  assertMayRead(p);
  const m = await readableMessage(ctx, p, id);
  await ctx.audit.record({
    actor: p,
    action: 'message.attachment_read',
    target: { type: 'message', id, bureau: m?.sender_bureau },
    outcome: m ? 'success' : 'denied',
    requestId: meta.requestId,
    details: { file: fileId },
  });
  const file = m ? await store.attachmentContent(ctx.db, id, fileId) : undefined;
  if (!file) throw notFoundOrNoAccess();
  return { ...file, bytes: Buffer.from(ctx.keyring.decrypt(file.content), 'base64') };
}

/**
 * The address book: a bureau's active units that receive messages. Names and kinds only — what
 * a sender needs to address a unit; the rest of a bureau's organisation stays its own.
 */
export async function messagingUnits(ctx: AppContext, p: Principal, bureau: string) {
  assertMayRead(p);
  const rows = await ctx.db
    .selectFrom('units')
    .select(['id', 'bureau_code', 'name', 'kind', 'capabilities'])
    .where('bureau_code', '=', bureau)
    .where('active', '=', 1)
    .orderBy('name')
    .execute();
  return rows
    .filter((u) => (JSON.parse(u.capabilities) as string[]).includes('messaging'))
    .map((u) => ({ id: u.id, bureauCode: u.bureau_code, name: u.name, kind: u.kind }));
}
