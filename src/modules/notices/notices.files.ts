// A notice's photos: added by the requesting bureau while the notice is theirs to change, read
// through the same policy as the notice, printed on it, and shown in public extracts.
import { createHash } from 'node:crypto';
import type { AppContext, RequestMeta } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';
import { staleVersion } from '../../platform/http/etag.js';
import { badRequest, notFoundOrNoAccess, ProblemError } from '../../platform/http/problem.js';
import { uuid7 } from '../../platform/ids/uuid7.js';
import { nowIso } from '../../platform/time.js';
import { sniffMediaType } from '../records/attachments/media-type.js';
import { decidedNotice, noticeTarget, noticeToChange, stepRow } from './notices.service.js';
import * as store from './notices.store.js';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const MAX_PHOTOS = 5;

export async function addPhoto(
  ctx: AppContext,
  p: Principal,
  id: string,
  contentBase64: string,
  meta: RequestMeta,
) {
  const row = await noticeToChange(ctx, p, id);
  const content = Buffer.from(contentBase64, 'base64');
  if (content.length > MAX_PHOTO_BYTES) throw badRequest('contentBase64', 'a photo is at most 5 MiB');
  const mediaType = sniffMediaType(content);
  if (mediaType !== 'image/jpeg' && mediaType !== 'image/png') {
    throw badRequest('contentBase64', 'a photo must be a JPEG or PNG image');
  }
  if ((await store.filesOf(ctx.db, id)).length >= MAX_PHOTOS) {
    throw new ProblemError(409, 'too_many_photos', `A notice carries at most ${MAX_PHOTOS} photos`);
  }
  const file = {
    id: uuid7(),
    notice_id: id,
    media_type: mediaType,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
    created_at: nowIso(),
    created_by: p.name,
  };
  // A photo changes what was approved: an approved notice goes back to draft, as an edit does.
  const now = nowIso();
  await ctx.db.transaction().execute(async (tx) => {
    await store.insertFile(tx, file);
    const status = row.status === 'approved' ? 'draft' : row.status;
    const moved = await store.updateNotice(tx, id, row.version, {
      status,
      version: row.version + 1,
      updated_at: now,
      updated_by: p.name,
    });
    if (!moved) throw staleVersion();
    await store.insertStep(tx, stepRow(id, p, 'photo_add', row.status, status, null, now));
  });
  await ctx.audit.record({
    actor: p,
    action: 'notice.photo_add',
    target: noticeTarget(row),
    outcome: 'success',
    requestId: meta.requestId,
    details: { file: file.id, sha256: file.sha256 },
  });
  const { content: _, ...described } = file;
  return described;
}

export async function readPhoto(
  ctx: AppContext,
  p: Principal,
  id: string,
  fileId: string,
  meta: RequestMeta,
) {
  await decidedNotice(ctx, p, id, 'notice.photo_read', meta);
  const file = await store.findFile(ctx.db, id, fileId);
  if (!file) throw notFoundOrNoAccess();
  return file;
}

export async function removePhoto(
  ctx: AppContext,
  p: Principal,
  id: string,
  fileId: string,
  meta: RequestMeta,
) {
  const row = await noticeToChange(ctx, p, id);
  if (!(await store.deleteFile(ctx.db, id, fileId))) throw notFoundOrNoAccess();
  await ctx.audit.record({
    actor: p,
    action: 'notice.photo_remove',
    target: noticeTarget(row),
    outcome: 'success',
    requestId: meta.requestId,
    details: { file: fileId },
  });
}
