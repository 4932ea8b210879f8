// Files of a record (photos, ANSI/NIST fingerprint transactions, specimen scans). They are part
// of the record: the same policy decides who reads them, the owner alone adds or removes them,
// and they go when the record is deleted.
import crypto from 'node:crypto';
import type { AppContext, RequestMeta } from '../../../context.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { badRequest, notFoundOrNoAccess, ProblemError } from '../../../platform/http/problem.js';
import { uuid7 } from '../../../platform/ids/uuid7.js';
import { nowIso } from '../../../platform/time.js';
import { assertMayWrite } from '../records.access.js';
import { databaseOrThrow, decidedRead } from '../records.service.js';
import { MAX_ATTACHMENT_BYTES, sniffMediaType } from './media-type.js';

/** The record, when the policy lets the principal see it (the read audited as `action`), else 404. */
async function recordFor(
  ctx: AppContext,
  principal: Principal,
  recordId: string,
  meta: RequestMeta,
  action: string,
) {
  const { row, decision } = await decidedRead(ctx, principal, recordId, action, meta);
  if (!row || decision !== 'see') throw notFoundOrNoAccess();
  return row;
}

/** Only the owner bureau's writers add or remove a record's files. */
function assertOwnerWriter(principal: Principal, row: { owner_bureau: string; database_id: string }) {
  assertMayWrite(principal, databaseOrThrow(row.database_id));
  if (row.owner_bureau !== principal.bureau) {
    throw new ProblemError(
      403,
      'not_owner',
      `Only the owner bureau ${row.owner_bureau} may change its files`,
    );
  }
}

function toDto(a: {
  id: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  created_at: string;
  created_by: string;
}) {
  return {
    id: a.id,
    name: a.name,
    mediaType: a.media_type,
    size: a.size,
    sha256: a.sha256,
    createdAt: a.created_at,
    createdBy: a.created_by,
  };
}

export async function listAttachments(
  ctx: AppContext,
  principal: Principal,
  recordId: string,
  meta: RequestMeta,
) {
  await recordFor(ctx, principal, recordId, meta, 'attachment.list');
  const rows = await ctx.db
    .selectFrom('record_attachments')
    .select(['id', 'name', 'media_type', 'size', 'sha256', 'created_at', 'created_by'])
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
  return rows.map(toDto);
}

export async function addAttachment(
  ctx: AppContext,
  principal: Principal,
  recordId: string,
  input: { name: string; contentBase64: string },
  meta: RequestMeta,
) {
  const row = await recordFor(ctx, principal, recordId, meta, 'attachment.add');
  assertOwnerWriter(principal, row);
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0) throw badRequest('contentBase64', 'is empty or not base64');
  if (content.length > MAX_ATTACHMENT_BYTES) throw badRequest('contentBase64', 'is larger than 10 MiB');
  const mediaType = sniffMediaType(content);
  if (!mediaType) {
    throw badRequest('contentBase64', 'must be a JPEG or PNG image, a PDF or an ANSI/NIST-ITL transaction');
  }
  const a = {
    id: uuid7(),
    record_id: recordId,
    name: input.name,
    media_type: mediaType,
    size: content.length,
    sha256: crypto.createHash('sha256').update(content).digest('hex'),
    content,
    created_at: nowIso(),
    created_by: principal.name,
  };
  await ctx.db.insertInto('record_attachments').values(a).execute();
  return toDto(a);
}

export async function readAttachment(
  ctx: AppContext,
  principal: Principal,
  recordId: string,
  attachmentId: string,
  meta: RequestMeta,
) {
  await recordFor(ctx, principal, recordId, meta, 'attachment.read');
  const a = await ctx.db
    .selectFrom('record_attachments')
    .selectAll()
    .where('record_id', '=', recordId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!a) throw notFoundOrNoAccess();
  return { ...toDto(a), content: Buffer.from(a.content) };
}

export async function removeAttachment(
  ctx: AppContext,
  principal: Principal,
  recordId: string,
  attachmentId: string,
  meta: RequestMeta,
) {
  const row = await recordFor(ctx, principal, recordId, meta, 'attachment.remove');
  assertOwnerWriter(principal, row);
  const res = await ctx.db
    .deleteFrom('record_attachments')
    .where('record_id', '=', recordId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1) throw notFoundOrNoAccess();
}
