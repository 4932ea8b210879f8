// SQL for ICSE media, hashes, series, subjects, matches and notifications.
import { escapeLike } from '../../platform/db/like.js';
import type {
  Executor,
  IcseMediaTable,
  IcseNotificationTable,
  IcseSeriesTable,
  IcseSubjectTable,
} from '../../platform/db/schema.js';

/** Media columns a listing needs (never the content). */
export async function findMedia(db: Executor, id: string) {
  return db.selectFrom('icse_media').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function mediaByIds(db: Executor, ids: string[]): Promise<IcseMediaTable[]> {
  if (ids.length === 0) return [];
  const out: IcseMediaTable[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('icse_media')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

/** Known media carrying any of these exact hashes (lower-case hex). */
export async function mediaByExactHashes(
  db: Executor,
  h: { md5?: string | null; sha1?: string | null; sha256?: string | null },
): Promise<IcseMediaTable[]> {
  return db
    .selectFrom('icse_media')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(h.sha256 ? [eb('sha256', '=', h.sha256)] : []),
        ...(h.sha1 ? [eb('sha1', '=', h.sha1)] : []),
        ...(h.md5 ? [eb('md5', '=', h.md5)] : []),
        eb.lit(false),
      ]),
    )
    .execute();
}

/** The same bytes already held by this bureau (an upload retried, or the same file twice). */
export async function ownCopy(db: Executor, bureau: string, sha256: string) {
  return db
    .selectFrom('icse_media')
    .selectAll()
    .where('owner_bureau', '=', bureau)
    .where('sha256', '=', sha256)
    .where('source', '=', 'upload')
    .executeTakeFirst();
}

export async function mediaOfBatch(db: Executor, batchId: string, bureau: string) {
  return db
    .selectFrom('icse_media')
    .selectAll()
    .where('batch_id', '=', batchId)
    .where('owner_bureau', '=', bureau)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function mediaOfSeries(db: Executor, seriesId: string, limit = 500) {
  return db
    .selectFrom('icse_media')
    .selectAll()
    .where('series_id', '=', seriesId)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export async function listMedia(db: Executor, q: { bureau?: string; before?: string; limit: number }) {
  let query = db.selectFrom('icse_media').selectAll().orderBy('id', 'desc').limit(q.limit);
  if (q.bureau) query = query.where('owner_bureau', '=', q.bureau);
  if (q.before) query = query.where('id', '<', q.before);
  return query.execute();
}

export async function contentOf(db: Executor, mediaId: string) {
  return db.selectFrom('icse_content').selectAll().where('media_id', '=', mediaId).executeTakeFirst();
}

export async function matchesOf(db: Executor, mediaIds: string[]) {
  if (mediaIds.length === 0) return [];
  return db
    .selectFrom('icse_matches')
    .selectAll()
    .where((eb) => eb.or([eb('media_id', 'in', mediaIds), eb('matched_id', 'in', mediaIds)]))
    .execute();
}

export async function framesOf(db: Executor, mediaIds: string[]) {
  if (mediaIds.length === 0) return [];
  return db
    .selectFrom('icse_hashes')
    .select(['media_id', 'frame', 'pdq', 'quality'])
    .where('media_id', 'in', mediaIds)
    .orderBy('media_id')
    .orderBy('frame')
    .execute();
}

export async function findSeries(db: Executor, id: string) {
  return db.selectFrom('icse_series').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function seriesByIds(db: Executor, ids: string[]): Promise<IcseSeriesTable[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('icse_series').selectAll().where('id', 'in', ids).execute();
}

export async function seriesByName(db: Executor, name: string) {
  return db
    .selectFrom('icse_series')
    .selectAll()
    .where('name', '=', name)
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function listSeries(db: Executor, q: { search?: string; limit: number }) {
  let query = db.selectFrom('icse_series').selectAll().orderBy('updated_at', 'desc').limit(q.limit);
  // Case-insensitive on both engines (PostgreSQL's LIKE is not).
  if (q.search) {
    const pattern = `%${escapeLike(q.search.toLowerCase())}%`;
    query = query.where((eb) => eb(eb.fn('lower', ['name']), 'like', pattern));
  }
  return query.execute();
}

export async function mediaCountsBySeries(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('icse_media')
    .select((eb) => ['series_id', eb.fn.countAll<number>().as('n')])
    .where('series_id', 'in', ids)
    .groupBy('series_id')
    .execute();
  return new Map(rows.map((r) => [r.series_id as string, Number(r.n)]));
}

export async function subjectsOfSeries(db: Executor, seriesIds: string[]): Promise<IcseSubjectTable[]> {
  if (seriesIds.length === 0) return [];
  return db
    .selectFrom('icse_subjects')
    .selectAll()
    .where('series_id', 'in', seriesIds)
    .orderBy('role', 'desc')
    .orderBy('created_at')
    .execute();
}

export async function findSubject(db: Executor, id: string) {
  return db.selectFrom('icse_subjects').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function subjectLinks(db: Executor, mediaIds: string[]) {
  if (mediaIds.length === 0) return [];
  return db.selectFrom('icse_media_subjects').selectAll().where('media_id', 'in', mediaIds).execute();
}

export async function mediaOfSubject(db: Executor, subjectId: string) {
  return db
    .selectFrom('icse_media_subjects')
    .innerJoin('icse_media', 'icse_media.id', 'icse_media_subjects.media_id')
    .selectAll('icse_media')
    .where('icse_media_subjects.subject_id', '=', subjectId)
    .execute();
}

export async function notificationsFor(db: Executor, bureau: string, unitId: string | null, limit: number) {
  let q = db
    .selectFrom('icse_notifications')
    .selectAll()
    .where('bureau', '=', bureau)
    .orderBy('created_at', 'desc')
    .limit(limit);
  q = unitId ? q.where((eb) => eb.or([eb('unit_id', '=', unitId), eb('unit_id', 'is', null)])) : q;
  return q.execute();
}

export async function insertNotifications(db: Executor, rows: IcseNotificationTable[]) {
  if (rows.length > 0) await db.insertInto('icse_notifications').values(rows).execute();
}
