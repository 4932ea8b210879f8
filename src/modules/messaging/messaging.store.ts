// SQL for messages, their deliveries, attachments, grants and permissions.
import { escapeLike } from '../../platform/db/like.js';
import type {
  Executor,
  MessageAttachmentTable,
  MessageRecipientTable,
  MessageTable,
} from '../../platform/db/schema.js';

export async function insertMessage(
  ex: Executor,
  m: MessageTable,
  recipients: MessageRecipientTable[],
  attachments: MessageAttachmentTable[],
) {
  await ex.insertInto('messages').values(m).execute();
  // Chunked: a message to every bureau has ~200 deliveries; keep statements well under limits.
  for (let i = 0; i < recipients.length; i += 200) {
    await ex
      .insertInto('message_recipients')
      .values(recipients.slice(i, i + 200))
      .execute();
  }
  if (attachments.length > 0) await ex.insertInto('message_attachments').values(attachments).execute();
}

export const findMessage = (ex: Executor, id: string) =>
  ex.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();

export const findByIdempotencyRef = (ex: Executor, ref: string) =>
  ex.selectFrom('messages').selectAll().where('idempotency_ref', '=', ref).executeTakeFirst();

export const recipientsOf = (ex: Executor, id: string) =>
  ex.selectFrom('message_recipients').selectAll().where('message_id', '=', id).execute();

export async function recipientsOfMany(ex: Executor, ids: string[]) {
  const out = new Map<string, MessageRecipientTable[]>();
  if (ids.length === 0) return out;
  const rows = await ex.selectFrom('message_recipients').selectAll().where('message_id', 'in', ids).execute();
  for (const r of rows) {
    const list = out.get(r.message_id) ?? [];
    list.push(r);
    out.set(r.message_id, list);
  }
  return out;
}

export const attachmentsOf = (ex: Executor, id: string) =>
  ex
    .selectFrom('message_attachments')
    .select(['id', 'message_id', 'name', 'media_type', 'size', 'sha256'])
    .where('message_id', '=', id)
    .orderBy('id')
    .execute();

export const attachmentContent = (ex: Executor, messageId: string, id: string) =>
  ex
    .selectFrom('message_attachments')
    .selectAll()
    .where('message_id', '=', messageId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function grantedThreads(ex: Executor, threadIds: string[]) {
  if (threadIds.length === 0) return new Set<string>();
  const rows = await ex
    .selectFrom('message_gs_grants')
    .select('thread_id')
    .where('thread_id', 'in', threadIds)
    .execute();
  return new Set(rows.map((r) => r.thread_id));
}

export interface ListFilter {
  bureau: string;
  box: 'inbox' | 'sent';
  before?: string;
  threadId?: string;
  search?: string;
  unread?: boolean;
  limit: number;
}

/** Candidate messages of a box, newest first; the policy and unit narrowing decide each after. */
export function listMessages(ex: Executor, f: ListFilter) {
  let q = ex.selectFrom('messages').selectAll('messages');
  // A thread is read whole, sent and received alike (the policy decides each message after).
  if (f.threadId) q = q.where('thread_id', '=', f.threadId);
  else if (f.box === 'sent') q = q.where('sender_bureau', '=', f.bureau);
  else {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('message_recipients as r')
          .select('r.message_id')
          .whereRef('r.message_id', '=', 'messages.id')
          .where('r.bureau', '=', f.bureau)
          .$if(f.unread === true, (qb) => qb.where('r.read_at', 'is', null)),
      ),
    );
  }
  if (f.before) q = q.where('id', '<', f.before);
  if (f.search) q = q.where('search_text', 'like', `%${escapeLike(f.search)}%`);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

export const threadMessages = (ex: Executor, threadId: string) =>
  ex.selectFrom('messages').selectAll().where('thread_id', '=', threadId).orderBy('id').execute();

/** Sets a delivery state for a bureau's deliveries (those of `unit` or of the whole bureau) once. */
export async function markState(
  ex: Executor,
  messageId: string,
  bureau: string,
  units: string[] | null,
  column: 'delivered_at' | 'read_at' | 'acknowledged_at' | 'answered_at',
  at: string,
) {
  let q = ex
    .updateTable('message_recipients')
    .set({ [column]: at })
    .where('message_id', '=', messageId)
    .where('bureau', '=', bureau)
    .where(column, 'is', null);
  if (units) q = q.where('unit', 'in', units);
  await q.execute();
  // Reading or answering implies delivery.
  if (column !== 'delivered_at') {
    let d = ex
      .updateTable('message_recipients')
      .set({ delivered_at: at })
      .where('message_id', '=', messageId)
      .where('bureau', '=', bureau)
      .where('delivered_at', 'is', null);
    if (units) d = d.where('unit', 'in', units);
    await d.execute();
  }
}

/** Stream deliveries: these bureaus (of these units, or wholly when `units` is null) got it. */
export async function markDelivered(
  ex: Executor,
  messageId: string,
  bureaus: string[],
  units: string[] | null,
  at: string,
) {
  let q = ex
    .updateTable('message_recipients')
    .set({ delivered_at: at })
    .where('message_id', '=', messageId)
    .where('bureau', 'in', bureaus)
    .where('delivered_at', 'is', null);
  // Unit ids are unique across bureaus, so one list serves every bureau of the statement.
  if (units) q = q.where('unit', 'in', units);
  await q.execute();
}

export async function unreadCount(ex: Executor, bureau: string, units: string[] | null) {
  // Messages, not deliveries: one for a unit and for the whole bureau counts once.
  let q = ex
    .selectFrom('message_recipients')
    .select((eb) => eb.fn.count<number>('message_id').distinct().as('n'))
    .where('bureau', '=', bureau)
    .where('read_at', 'is', null);
  if (units) q = q.where('unit', 'in', units);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export const hasPermission = async (ex: Executor, messageId: string, bureau: string) =>
  Boolean(
    await ex
      .selectFrom('message_permissions')
      .select('bureau')
      .where('message_id', '=', messageId)
      .where('bureau', '=', bureau)
      .executeTakeFirst(),
  );
