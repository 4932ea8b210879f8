// Taking media in: an upload (image or video) is hashed (MD5, SHA-1, SHA-256; PDQ with its
// rotations, or one PDQ per sampled video frame), sealed with its blurred preview, matched
// against everything known, and written with its hashes and matches in one transaction. The same
// bytes uploaded twice by one bureau are the same medium (a retried upload creates nothing new).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AppContext, RequestMeta } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { IcseHashTable, IcseMediaTable } from '../../platform/db/schema.js';
import { badRequest, ProblemError } from '../../platform/http/problem.js';
import { uuid7 } from '../../platform/ids/uuid7.js';
import { nowIso } from '../../platform/time.js';
import { assertIcseUser } from './icse.access.js';
import { noteHashesWritten } from './icse.index.js';
import { type Found, findMatches, type Probe } from './icse.match.js';
import * as store from './icse.store.js';
import { IMAGE_TYPES, VIDEO_TYPES } from './icse.types.js';
import { blurredPreview, seal, videoStill } from './icse.vault.js';
import { exactHashes, FfmpegMissingError, pdqDihedralHashes, pdqHashVideo } from './pdq/index.js';

export interface UploadInput {
  fileName: string;
  contentType: string;
  content: Buffer;
  batchId?: string;
}

/** A medium newly written, or the one this bureau already held with the same bytes. */
export interface Ingested {
  media: IcseMediaTable;
  created: boolean;
}

/**
 * Runs `work` with the bytes in a private temporary file (ffmpeg needs a seekable file for most
 * containers), removed whatever happens.
 */
async function withTempFile<T>(bytes: Buffer, work: (file: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'meridian-icse-'));
  try {
    const file = path.join(dir, 'medium');
    await fs.writeFile(file, bytes, { mode: 0o600 });
    return await work(file);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function hashVisual(kind: 'image' | 'video', content: Buffer) {
  if (kind === 'image') {
    try {
      const dihedral = await pdqDihedralHashes(content);
      return { dihedral, frames: [], preview: await blurredPreview(content) };
    } catch {
      throw badRequest('content', 'is not an image that can be read (JPEG, PNG, GIF, WebP, TIFF, BMP)');
    }
  }
  return withTempFile(content, async (file) => {
    let frames: Awaited<ReturnType<typeof pdqHashVideo>>;
    try {
      frames = await pdqHashVideo(file);
    } catch (err) {
      if (err instanceof FfmpegMissingError) {
        throw new ProblemError(
          503,
          'video_unavailable',
          'This server cannot hash videos: ffmpeg is not installed',
        );
      }
      throw badRequest('content', 'is not a video that can be read');
    }
    if (frames.length === 0) throw badRequest('content', 'is a video without a frame that can be read');
    const still = await videoStill(file).catch(() => videoStill(file, 0).catch(() => null));
    return { dihedral: null, frames, preview: still ? await blurredPreview(still) : null };
  });
}

export async function ingestUpload(
  ctx: AppContext,
  p: Principal,
  input: UploadInput,
  meta: RequestMeta,
): Promise<Ingested> {
  assertIcseUser(p);
  const type = input.contentType.toLowerCase();
  const kind = IMAGE_TYPES.includes(type) ? 'image' : VIDEO_TYPES.includes(type) ? 'video' : null;
  if (!kind) {
    throw badRequest(
      'contentType',
      `must be an image (${IMAGE_TYPES.join(', ')}) or a video (${VIDEO_TYPES.join(', ')})`,
    );
  }
  if (input.content.length === 0) throw badRequest('content', 'is empty');
  if (input.content.length > ctx.config.icseMaxUploadBytes) {
    throw new ProblemError(
      413,
      'too_large',
      `A medium may hold at most ${ctx.config.icseMaxUploadBytes} bytes`,
      [{ field: 'content', message: 'is too large' }],
    );
  }
  const exact = exactHashes(input.content);
  const held = await store.ownCopy(ctx.db, p.bureau, exact.sha256);
  if (held) {
    await ctx.audit.record({
      actor: p,
      action: 'icse.media.upload',
      target: { type: 'icse_media', id: held.id, bureau: held.owner_bureau },
      outcome: 'success',
      requestId: meta.requestId,
      details: { kind, repeated: true },
    });
    return { media: held, created: false };
  }

  const visual = await hashVisual(kind, input.content);
  const at = nowIso();
  const row: IcseMediaTable = {
    id: uuid7(),
    owner_bureau: p.bureau,
    owner_unit: p.unitId,
    created_by: p.name,
    created_at: at,
    source: 'upload',
    kind,
    batch_id: input.batchId ?? null,
    file_name: input.fileName.slice(0, 255),
    mime: type,
    size: input.content.length,
    md5: exact.md5,
    sha1: exact.sha1,
    sha256: exact.sha256,
    pdq: visual.dihedral?.original ?? null,
    pdq_quality: visual.dihedral?.quality ?? null,
    category: null,
    series_id: null,
    import_case: null,
    victim_identified: null,
    offender_identified: null,
    version: 1,
  };
  const hashes = visual.dihedral
    ? [{ frame: null, pdq: visual.dihedral.original, quality: visual.dihedral.quality }]
    : visual.frames.map((f) => ({ frame: Math.round(f.second), pdq: f.hash, quality: f.quality }));
  const probe: Probe = { ...exact, dihedral: visual.dihedral, frames: visual.frames };
  const found = await findMatches(ctx, probe, row.id);
  try {
    await writeMedium(ctx, row, hashes, found, {
      original: seal(ctx.keyring, input.content)!,
      preview: seal(ctx.keyring, visual.preview),
    });
  } catch (err) {
    // The same bytes from the same bureau, written by a racing upload meanwhile: that medium.
    const raced = await store.ownCopy(ctx.db, p.bureau, exact.sha256);
    if (raced) return { media: raced, created: false };
    throw err;
  }
  await ctx.audit.record({
    actor: p,
    action: 'icse.media.upload',
    target: { type: 'icse_media', id: row.id, bureau: p.bureau },
    outcome: 'success',
    requestId: meta.requestId,
    details: { kind, matches: found.length },
  });
  return { media: row, created: true };
}

/** One transaction: the medium, its sealed content, its hashes and what it matched. */
export async function writeMedium(
  ctx: AppContext,
  row: IcseMediaTable,
  hashes: { frame: number | null; pdq: string; quality: number }[],
  found: Found[],
  content?: { original: Buffer; preview: Buffer | null },
) {
  const written = await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('icse_media').values(row).execute();
    if (content)
      await tx
        .insertInto('icse_content')
        .values({ media_id: row.id, ...content })
        .execute();
    const out: (Omit<IcseHashTable, 'seq'> & { seq: number })[] = [];
    for (const h of hashes) {
      const values = {
        media_id: row.id,
        frame: h.frame,
        pdq: h.pdq,
        quality: h.quality,
        created_at: row.created_at,
      };
      const r = await tx.insertInto('icse_hashes').values(values).returning('seq').executeTakeFirstOrThrow();
      out.push({ ...values, seq: Number(r.seq) });
    }
    if (found.length > 0) {
      await tx
        .insertInto('icse_matches')
        .values(
          found.map((f) => ({
            media_id: row.id,
            matched_id: f.mediaId,
            kind: f.kind,
            distance: f.distance,
            created_at: row.created_at,
          })),
        )
        .execute();
    }
    return out;
  });
  noteHashesWritten(ctx, written);
}
