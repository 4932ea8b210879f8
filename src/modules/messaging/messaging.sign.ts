// What a bureau's signature covers: every fact of the message a recipient relies on — sender,
// recipients, subject, body, language, priority, handling, references, thread, and each
// attachment's name, type and SHA-256 — in one canonical JSON form (sorted keys).
import type {
  MessageAttachmentTable,
  MessageRecipientTable,
  MessageTable,
} from '../../platform/db/schema.js';

function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

export function signedPayload(
  m: Omit<MessageTable, 'kid' | 'signature' | 'search_text' | 'addressed' | 'idempotency_ref'>,
  recipients: Pick<MessageRecipientTable, 'bureau' | 'unit' | 'copy'>[],
  attachments: Pick<MessageAttachmentTable, 'name' | 'media_type' | 'sha256'>[],
): Buffer {
  return Buffer.from(
    canonical({
      v: 1,
      id: m.id,
      threadId: m.thread_id,
      inReplyTo: m.in_reply_to,
      forwardedFrom: m.forwarded_from,
      sender: { bureau: m.sender_bureau, unit: m.sender_unit, id: m.sender_id, name: m.sender_name },
      recipients: [...recipients]
        .map((r) => [r.bureau, r.unit, r.copy])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1]))),
      subject: m.subject,
      body: m.body,
      language: m.language,
      priority: m.priority,
      handling: m.handling,
      handlingNote: m.handling_note,
      refs: JSON.parse(m.refs),
      template: m.template,
      gsParty: m.gs_party,
      attachments: attachments.map((a) => [a.name, a.media_type, a.sha256]),
      createdAt: m.created_at,
    }),
    'utf8',
  );
}
