// Reading media: a medium with what it matched and the series behind those matches, a batch
// of uploads grouped by series, the blurred preview and the original. Every one of these reads
// is audited (the strongest audit: every view, every reveal); the original is shown only by an
// explicit reveal that names its reason.
import type { AppContext, RequestMeta } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { IcseMatchTable, IcseMediaTable } from '../../platform/db/schema.js';
import { staleVersion } from '../../platform/http/etag.js';
import { badRequest, forbidden, notFoundOrNoAccess } from '../../platform/http/problem.js';
import { assertIcseUser, maySeeIcse } from './icse.access.js';
import { audit } from './icse.audit.js';
import { seriesViews } from './icse.series.js';
import * as store from './icse.store.js';
import { CATEGORIES, type MatchKind, type SeriesStatus } from './icse.types.js';
import { open } from './icse.vault.js';

export const mediaDto = (m: IcseMediaTable) => ({
  id: m.id,
  kind: m.kind,
  source: m.source,
  fileName: m.file_name,
  mime: m.mime,
  size: m.size,
  md5: m.md5,
  sha1: m.sha1,
  sha256: m.sha256,
  pdq: m.pdq,
  quality: m.pdq_quality,
  category: m.category,
  seriesId: m.series_id,
  batchId: m.batch_id,
  importCase: m.import_case,
  victimIdentified: m.victim_identified === null ? null : m.victim_identified === 1,
  offenderIdentified: m.offender_identified === null ? null : m.offender_identified === 1,
  ownerBureau: m.owner_bureau,
  createdAt: m.created_at,
  hasPreview: m.source === 'upload',
  version: m.version,
});
export type MediaDto = ReturnType<typeof mediaDto>;

/**
 * Media with what each matched (either way: it matched a known one, or a later one matched it),
 * the series of the medium and of its matches, and the status that tells the officer at once
 * what is known.
 */
export async function withResults(ctx: AppContext, p: Principal, media: IcseMediaTable[]) {
  const ids = media.map((m) => m.id);
  const matches = await store.matchesOf(ctx.db, ids);
  const otherIds = [...new Set(matches.flatMap((x) => [x.media_id, x.matched_id]))].filter(
    (id) => !ids.includes(id),
  );
  const others = new Map((await store.mediaByIds(ctx.db, otherIds)).map((m) => [m.id, m]));
  for (const m of media) others.set(m.id, m);
  const seriesIds = [...others.values()].map((m) => m.series_id).filter((s): s is string => s !== null);
  const series = await seriesViews(ctx, p, seriesIds);

  return media.map((m) => {
    const mine = matches.filter((x) => x.media_id === m.id || x.matched_id === m.id);
    const matched = mine
      .map((x: IcseMatchTable) => {
        const otherId = x.media_id === m.id ? x.matched_id : x.media_id;
        const o = others.get(otherId);
        if (!o || !maySeeIcse(p, o.owner_bureau)) return null;
        return {
          mediaId: o.id,
          kind: x.kind as MatchKind,
          distance: x.distance,
          ownerBureau: o.owner_bureau,
          seriesId: o.series_id,
          category: o.category,
          victimIdentified: o.victim_identified === null ? null : o.victim_identified === 1,
          at: x.created_at,
        };
      })
      .filter((x) => x !== null);
    const seriesOf = [
      ...new Set([m.series_id, ...matched.map((x) => x.seriesId)].filter((s): s is string => s !== null)),
    ]
      .map((id) => series.get(id))
      .filter((s) => s !== undefined);
    const imported = matched.some((x) => x.victimIdentified === true);
    const status: SeriesStatus =
      seriesOf.length > 0
        ? seriesOf.some((s) => s.status === 'known')
          ? 'known'
          : 'victim_identified'
        : imported
          ? 'victim_identified'
          : matched.length > 0
            ? 'known_media'
            : 'new';
    return { media: mediaDto(m), status, matches: matched, series: seriesOf };
  });
}
export type MediumResult = Awaited<ReturnType<typeof withResults>>[number];

export async function readMedium(ctx: AppContext, p: Principal, id: string, meta: RequestMeta) {
  assertIcseUser(p);
  const m = await store.findMedia(ctx.db, id);
  if (!m || !maySeeIcse(p, m.owner_bureau)) {
    await audit(ctx, p, 'icse.media.read', { type: 'icse_media', id }, meta, 'denied');
    throw notFoundOrNoAccess();
  }
  const [result] = await withResults(ctx, p, [m]);
  const subjects = await store.subjectLinks(ctx.db, [id]);
  await audit(ctx, p, 'icse.media.read', { type: 'icse_media', id, bureau: m.owner_bureau }, meta);
  return { ...result!, subjectIds: subjects.map((s) => s.subject_id) };
}

/** A batch of uploads, grouped by what they matched: known series first, then known media, then new. */
export async function readBatch(ctx: AppContext, p: Principal, batchId: string, meta: RequestMeta) {
  assertIcseUser(p);
  const media = (await store.mediaOfBatch(ctx.db, batchId, p.bureau)).filter((m) =>
    maySeeIcse(p, m.owner_bureau),
  );
  const results = await withResults(ctx, p, media);
  const groups = new Map<
    string,
    {
      key: string;
      status: SeriesStatus;
      series: MediumResult['series'][number] | null;
      items: MediumResult[];
    }
  >();
  for (const r of results) {
    const s = r.series[0] ?? null;
    const key = s ? s.id : r.status;
    const g = groups.get(key) ?? { key, status: s ? s.status : r.status, series: s, items: [] };
    g.items.push(r);
    groups.set(key, g);
  }
  const order: SeriesStatus[] = ['known', 'victim_identified', 'known_media', 'new'];
  await audit(
    ctx,
    p,
    'icse.batch.read',
    { type: 'icse_batch', id: batchId, bureau: p.bureau },
    meta,
    'success',
    {
      count: media.length,
    },
  );
  return [...groups.values()].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
}

export async function listMedia(
  ctx: AppContext,
  p: Principal,
  q: { own: boolean; before?: string; limit: number },
  meta: RequestMeta,
) {
  assertIcseUser(p);
  const rows = (
    await store.listMedia(ctx.db, { bureau: q.own ? p.bureau : undefined, before: q.before, limit: q.limit })
  ).filter((m) => maySeeIcse(p, m.owner_bureau));
  await audit(ctx, p, 'icse.media.list', { type: 'icse_media' }, meta, 'success', { count: rows.length });
  return rows.map(mediaDto);
}

/** The blurred greyscale preview: what a result list shows. */
export async function previewOf(ctx: AppContext, p: Principal, id: string, meta: RequestMeta) {
  assertIcseUser(p);
  const m = await store.findMedia(ctx.db, id);
  const c = m && maySeeIcse(p, m.owner_bureau) ? await store.contentOf(ctx.db, id) : undefined;
  if (!m || !c?.preview) {
    await audit(ctx, p, 'icse.media.preview', { type: 'icse_media', id }, meta, 'denied');
    throw notFoundOrNoAccess();
  }
  await audit(ctx, p, 'icse.media.preview', { type: 'icse_media', id, bureau: m.owner_bureau }, meta);
  return open(ctx.keyring, c.preview);
}

/** The original bytes: an explicit act with a stated reason, in the audit chain for ever. */
export async function revealOriginal(
  ctx: AppContext,
  p: Principal,
  id: string,
  reason: string,
  meta: RequestMeta,
) {
  assertIcseUser(p);
  if (reason.trim().length < 5)
    throw badRequest('reason', 'say why you need to see the original (at least 5 characters)');
  const m = await store.findMedia(ctx.db, id);
  const c = m && maySeeIcse(p, m.owner_bureau) ? await store.contentOf(ctx.db, id) : undefined;
  if (!m || !c) {
    await audit(ctx, p, 'icse.media.reveal', { type: 'icse_media', id }, meta, 'denied');
    throw notFoundOrNoAccess();
  }
  await ctx.audit.record({
    actor: p,
    action: 'icse.media.reveal',
    purpose: reason.trim().slice(0, 500),
    target: { type: 'icse_media', id, bureau: m.owner_bureau },
    outcome: 'success',
    requestId: meta.requestId,
  });
  return { bytes: open(ctx.keyring, c.original), mime: m.mime ?? 'application/octet-stream' };
}

/** The owner bureau classifies its medium: category, series, the victims and offenders shown. */
export async function classifyMedium(
  ctx: AppContext,
  p: Principal,
  id: string,
  input: { category?: number | null; seriesId?: string | null; subjectIds?: string[] },
  version: number,
  meta: RequestMeta,
) {
  assertIcseUser(p);
  const m = await store.findMedia(ctx.db, id);
  if (!m || !maySeeIcse(p, m.owner_bureau)) throw notFoundOrNoAccess();
  if (m.owner_bureau !== p.bureau) throw forbidden('Only the bureau that holds a medium classifies it');
  if (
    input.category !== undefined &&
    input.category !== null &&
    !CATEGORIES.some((c) => c.value === input.category)
  ) {
    throw badRequest('category', 'must be a Project VIC category from 0 to 4');
  }
  const seriesId = input.seriesId === undefined ? m.series_id : input.seriesId;
  if (seriesId) {
    const s = await store.findSeries(ctx.db, seriesId);
    if (!s || !maySeeIcse(p, s.owner_bureau)) throw badRequest('seriesId', 'names no series you may see');
  }
  if (input.subjectIds) {
    const subjects = await Promise.all(input.subjectIds.map((s) => store.findSubject(ctx.db, s)));
    subjects.forEach((s, i) => {
      if (!s || s.series_id !== seriesId)
        throw badRequest(`subjectIds/${i}`, 'must be a victim or offender of the series');
    });
  }
  await ctx.db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('icse_media')
      .set({
        ...(input.category !== undefined ? { category: input.category } : {}),
        series_id: seriesId,
        version: version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    if (input.subjectIds || seriesId !== m.series_id) {
      await tx.deleteFrom('icse_media_subjects').where('media_id', '=', id).execute();
      const subjectIds = [...new Set(input.subjectIds ?? [])];
      if (subjectIds.length > 0) {
        await tx
          .insertInto('icse_media_subjects')
          .values(subjectIds.map((subject_id) => ({ media_id: id, subject_id })))
          .execute();
      }
    }
  });
  await audit(
    ctx,
    p,
    'icse.media.classify',
    { type: 'icse_media', id, bureau: m.owner_bureau },
    meta,
    'success',
    {
      category: input.category ?? null,
      series: seriesId ?? null,
    },
  );
  return readMedium(ctx, p, id, meta);
}
