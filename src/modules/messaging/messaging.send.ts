// Sending: recipients expanded, attachments checked and encrypted, the message signed by the
// sender's bureau, then the message, its deliveries, attachments and the event that carries it
// live to every recipient written in ONE transaction (on SQLite with synchronous=FULL: a 201
// means it is on disk). A reply marks the parent answered for the replying bureau.
import { createHash } from 'node:crypto';
import type { AppContext, RequestMeta } from '../../context.js';
import { GENERAL_SECRETARIAT, hasRole, type Principal } from '../../platform/auth/principal.js';
import type {
  MessageAttachmentTable,
  MessageRecipientTable,
  MessageTable,
} from '../../platform/db/schema.js';
import { type FieldError, ProblemError } from '../../platform/http/problem.js';
import { uuid7 } from '../../platform/ids/uuid7.js';
import { nowIso } from '../../platform/time.js';
import { sniffMediaType } from '../records/attachments/media-type.js';
import { signAs } from './bureau-keys.js';
import { accessOfMessage } from './messaging.access.js';
import { readableMessage } from './messaging.read.js';
import { expandRecipients } from './messaging.recipients.js';
import { signedPayload } from './messaging.sign.js';
import * as store from './messaging.store.js';
import { templateOf } from './messaging.templates.js';
import type {
  Addressees,
  MessageHandling,
  MessageLanguage,
  MessageReference,
  Priority,
} from './messaging.types.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

export interface SendInput {
  to: Addressees;
  cc?: Addressees;
  subject: string;
  body: string;
  language: MessageLanguage;
  priority: Priority;
  handling: MessageHandling;
  handlingNote?: string;
  references?: MessageReference[];
  inReplyTo?: string;
  template?: string;
  attachments?: { name: string; contentBase64: string }[];
}

function invalid(errors: FieldError[]): never {
  throw new ProblemError(
    400,
    'invalid_input',
    errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors,
  );
}

export function assertMaySend(p: Principal) {
  if (!p.capabilities.includes('messaging')) {
    throw new ProblemError(403, 'missing_capability', 'Messages need the messaging capability');
  }
  if (!hasRole(p, 'officer', 'supervisor', 'system')) {
    throw new ProblemError(403, 'forbidden', 'Sending messages needs the officer, supervisor or system role');
  }
}

function checkedAttachments(list: SendInput['attachments'], messageId: string, ctx: AppContext) {
  const errors: FieldError[] = [];
  const rows: MessageAttachmentTable[] = [];
  if ((list?.length ?? 0) > MAX_ATTACHMENTS)
    errors.push({ field: 'attachments', message: `at most ${MAX_ATTACHMENTS} files` });
  (list ?? []).slice(0, MAX_ATTACHMENTS).forEach((a, i) => {
    const bytes = Buffer.from(a.contentBase64, 'base64');
    const mediaType = sniffMediaType(bytes);
    if (bytes.length === 0) errors.push({ field: `attachments.${i}.contentBase64`, message: 'is empty' });
    else if (bytes.length > MAX_ATTACHMENT_BYTES) {
      errors.push({ field: `attachments.${i}.contentBase64`, message: 'a file is at most 10 MiB' });
    } else if (!mediaType) {
      errors.push({
        field: `attachments.${i}.contentBase64`,
        message: 'must be a PDF, JPEG, PNG or ANSI/NIST-ITL (fingerprint, DNA) file',
      });
    } else {
      rows.push({
        id: uuid7(),
        message_id: messageId,
        name: a.name,
        media_type: mediaType,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        // Encrypted at rest with the server's key (AES-256-GCM).
        content: ctx.keyring.encrypt(bytes.toString('base64')),
      });
    }
  });
  return { rows, errors };
}

export async function sendMessage(
  ctx: AppContext,
  p: Principal,
  input: SendInput,
  meta: RequestMeta,
  forwardedFrom?: { id: string; attachments: MessageAttachmentTable[] },
) {
  assertMaySend(p);
  // Sent already under this Idempotency-Key (the answer lost in a crash): that message again.
  const idempotencyRef = meta.idempotency
    ? createHash('sha256').update(`${meta.idempotency.principalKey}\n${meta.idempotency.key}`).digest('hex')
    : null;
  if (idempotencyRef) {
    const sent = await store.findByIdempotencyRef(ctx.db, idempotencyRef);
    if (sent) {
      const [deliveries, attachments] = await Promise.all([
        store.recipientsOf(ctx.db, sent.id),
        store.attachmentsOf(ctx.db, sent.id),
      ]);
      return { message: sent, deliveries, attachments };
    }
  }
  const errors: FieldError[] = [];
  if (input.handling === 'other' && !input.handlingNote?.trim()) {
    errors.push({
      field: 'handlingNote',
      message: 'state the restriction when the handling code is "other"',
    });
  }
  if (input.template && !templateOf(input.template))
    errors.push({ field: 'template', message: 'no such template' });
  let threadId: string | null = null;
  if (input.inReplyTo) {
    const parent = await readableMessage(ctx, p, input.inReplyTo);
    if (!parent) errors.push({ field: 'inReplyTo', message: 'Not found or no access' });
    else threadId = parent.thread_id;
  }
  const { recipients, errors: addressErrors } = await expandRecipients(ctx.db, p.bureau, input.to, input.cc);
  errors.push(...addressErrors);
  const id = uuid7();
  const attached = checkedAttachments(input.attachments, id, ctx);
  errors.push(...attached.errors);
  if (errors.length > 0) invalid(errors);

  const at = nowIso();
  const attachments = [
    ...(forwardedFrom?.attachments ?? []).map((a) => ({ ...a, id: uuid7(), message_id: id })),
    ...attached.rows,
  ];
  const deliveries: MessageRecipientTable[] = recipients.map((r) => ({
    message_id: id,
    bureau: r.bureau,
    unit: r.unit,
    copy: r.copy ? 1 : 0,
    delivered_at: null,
    read_at: null,
    acknowledged_at: null,
    answered_at: null,
  }));
  const unsigned = {
    id,
    thread_id: threadId ?? id,
    in_reply_to: input.inReplyTo ?? null,
    forwarded_from: forwardedFrom?.id ?? null,
    sender_bureau: p.bureau,
    sender_unit: p.unitId,
    sender_id: p.id,
    sender_name: p.name,
    subject: input.subject,
    body: input.body,
    language: input.language,
    priority: input.priority,
    handling: input.handling,
    handling_note: input.handlingNote?.trim() || null,
    refs: JSON.stringify(input.references ?? []),
    template: input.template ?? null,
    gs_party:
      p.bureau === GENERAL_SECRETARIAT || recipients.some((r) => r.bureau === GENERAL_SECRETARIAT) ? 1 : 0,
    created_at: at,
  };
  const { kid, signature } = await signAs(ctx, p.bureau, signedPayload(unsigned, deliveries, attachments));
  const message: MessageTable = {
    ...unsigned,
    addressed: JSON.stringify({ to: input.to, cc: input.cc ?? null }),
    search_text: `${input.subject}\n${input.body}`.toLowerCase(),
    kid,
    signature,
    idempotency_ref: idempotencyRef,
  };
  const recipientBureaus = [...new Set(recipients.map((r) => r.bureau))];
  const granted = threadId ? (await store.grantedThreads(ctx.db, [threadId])).has(threadId) : false;
  // The event reaches every principal of a recipient bureau (the policy knows bureaus, not
  // units): when a delivery is for units only, the subject stays out of it; the message itself
  // is read through the API, which narrows by unit.
  const unitsOnly = recipients.some((r) => r.unit !== '');
  const payload = {
    messageId: id,
    threadId: message.thread_id,
    subject: unitsOnly ? null : message.subject,
    senderBureau: p.bureau,
    senderName: p.name,
    priority: message.priority,
    handling: message.handling,
    createdAt: at,
    // Units a delivery is for, so a client of a unit can tell; the server narrows reads anyway.
    units: recipients.filter((r) => r.unit !== '').map((r) => r.unit),
  };
  await ctx.events.publishAll(
    [{ topic: 'messages.received', payload, access: accessOfMessage(message, recipientBureaus, granted) }],
    async (tx) => {
      await store.insertMessage(tx, message, deliveries, attachments);
      if (input.inReplyTo) await store.markState(tx, input.inReplyTo, p.bureau, null, 'answered_at', at);
    },
  );
  await ctx.audit.record({
    actor: p,
    action: 'message.send',
    target: { type: 'message', id, bureau: p.bureau },
    outcome: 'success',
    requestId: meta.requestId,
    details: {
      recipients: deliveries.length,
      bureaus: recipientBureaus.length,
      attachments: attachments.length,
      priority: message.priority,
      handling: message.handling,
      ...(input.inReplyTo ? { inReplyTo: input.inReplyTo } : {}),
      ...(forwardedFrom ? { forwardedFrom: forwardedFrom.id } : {}),
    },
  });
  return { message, deliveries, attachments };
}
