// SQL for notices, their steps, photos, derived records and control numbers. Every function
// takes the database or the service's transaction first.

import { sql } from 'kysely';
import { escapeLike } from '../../platform/db/like.js';
import type { Executor, NoticeFileTable, NoticeStepTable, NoticeTable } from '../../platform/db/schema.js';

export async function insertNotice(ex: Executor, row: NoticeTable) {
  await ex.insertInto('notices').values(row).execute();
}

export function findNotice(ex: Executor, id: string) {
  return ex.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByControlNumber(ex: Executor, controlNumber: string) {
  return ex.selectFrom('notices').selectAll().where('control_number', '=', controlNumber).executeTakeFirst();
}

/** Optimistic update: true when the row was at `version` (and is now `patch.version`). */
export async function updateNotice(ex: Executor, id: string, version: number, patch: Partial<NoticeTable>) {
  const r = await ex
    .updateTable('notices')
    .set(patch)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertStep(ex: Executor, step: NoticeStepTable) {
  await ex.insertInto('notice_steps').values(step).execute();
}

export function stepsOf(ex: Executor, noticeId: string) {
  return ex.selectFrom('notice_steps').selectAll().where('notice_id', '=', noticeId).orderBy('id').execute();
}

export interface NoticeFilter {
  bureau?: string;
  statuses?: string[];
  type?: string;
  kind?: string;
  /** Only notices whose requesting bureau is not this one and that are published. */
  publishedFor?: string;
  /** The GS queue: notices waiting for review, and sent diffusions not yet checked for compliance. */
  reviewQueue?: boolean;
  before?: string;
  limit: number;
}

/** A coarse pre-filter, newest first; the access policy decides each row after it. */
export function listNotices(ex: Executor, f: NoticeFilter) {
  let q = ex.selectFrom('notices').selectAll();
  if (f.bureau) q = q.where('requesting_bureau', '=', f.bureau);
  if (f.statuses && f.statuses.length > 0) q = q.where('status', 'in', f.statuses);
  if (f.type) q = q.where('type', '=', f.type);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.publishedFor)
    q = q.where('status', '=', 'published').where('requesting_bureau', '!=', f.publishedFor);
  if (f.reviewQueue) {
    q = q.where((eb) =>
      eb.or([
        eb.and([
          eb('kind', '=', 'notice'),
          eb('status', 'in', ['submitted', 'under_review', 'info_requested']),
        ]),
        eb.and([
          eb('kind', '=', 'diffusion'),
          eb('status', '=', 'published'),
          eb('compliance_checked_at', 'is', null),
        ]),
      ]),
    );
  }
  if (f.before) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

/**
 * Notices that may duplicate another (waiting for or past review, not closed), with subjects.
 * Given a birth year, only those born within a year of it or of unknown birth: the person matcher
 * then scores a few hundred, not every notice in force.
 */
export function activeWithSubjects(ex: Executor, exceptId: string, birthYear?: number) {
  let q = ex
    .selectFrom('notices')
    .selectAll()
    .where('status', 'in', ['submitted', 'under_review', 'info_requested', 'published'])
    .where('subject_name', 'is not', null)
    .where('id', '!=', exceptId);
  if (birthYear !== undefined) {
    const years = [birthYear - 1, birthYear, birthYear + 1].map(String);
    q = q.where((eb) =>
      eb.or([eb('subject_birth', 'is', null), eb(sql<string>`substr(subject_birth, 1, 4)`, 'in', years)]),
    );
  }
  return q.execute();
}

/** The next control number of `year`, "YYYY/NNNNN"; call inside the publishing transaction. */
export async function nextControlNumber(ex: Executor, year: number): Promise<string> {
  await ex
    .insertInto('notice_counters')
    .values({ year, last: 0 })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
  // The update takes the row's lock on PostgreSQL, so two publications never share a number.
  const row = await ex
    .updateTable('notice_counters')
    .set({ last: sql`last + 1` })
    .where('year', '=', year)
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${year}/${String(row.last).padStart(5, '0')}`;
}

export async function insertFile(ex: Executor, row: NoticeFileTable) {
  await ex.insertInto('notice_files').values(row).execute();
}

export function filesOf(ex: Executor, noticeId: string) {
  return ex
    .selectFrom('notice_files')
    .select(['id', 'media_type', 'size', 'sha256', 'created_at'])
    .where('notice_id', '=', noticeId)
    .orderBy('id')
    .execute();
}

/** The first photo of each notice, in one query (public lists show a thumbnail per card). */
export async function firstPhotos(ex: Executor, noticeIds: string[]) {
  const out = new Map<string, string>();
  if (noticeIds.length === 0) return out;
  const rows = await ex
    .selectFrom('notice_files')
    .select(['notice_id', 'id'])
    .where('notice_id', 'in', noticeIds)
    .orderBy('id')
    .execute();
  for (const r of rows) if (!out.has(r.notice_id)) out.set(r.notice_id, r.id);
  return out;
}

export function findFile(ex: Executor, noticeId: string, fileId: string) {
  return ex
    .selectFrom('notice_files')
    .selectAll()
    .where('notice_id', '=', noticeId)
    .where('id', '=', fileId)
    .executeTakeFirst();
}

export async function deleteFile(ex: Executor, noticeId: string, fileId: string) {
  const r = await ex
    .deleteFrom('notice_files')
    .where('notice_id', '=', noticeId)
    .where('id', '=', fileId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function linkRecords(
  ex: Executor,
  noticeId: string,
  records: { id: string; databaseId: string }[],
) {
  if (records.length === 0) return;
  await ex
    .insertInto('notice_records')
    .values(records.map((r) => ({ notice_id: noticeId, record_id: r.id, database_id: r.databaseId })))
    .execute();
}

export function linkedRecords(ex: Executor, noticeId: string) {
  return ex.selectFrom('notice_records').selectAll().where('notice_id', '=', noticeId).execute();
}

/** Published notices whose review date has passed. */
export function dueForExpiry(ex: Executor, today: string, limit = 100) {
  return ex
    .selectFrom('notices')
    .selectAll()
    .where('status', '=', 'published')
    .where('review_date', '<', today)
    .limit(limit)
    .execute();
}

/** Counts by type, status and year of creation, for the General Secretariat. */
export async function counts(ex: Executor) {
  const rows = await ex
    .selectFrom('notices')
    .select([
      'kind',
      'type',
      'status',
      sql<string>`substr(created_at, 1, 4)`.as('year'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['kind', 'type', 'status', sql`substr(created_at, 1, 4)`])
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    type: r.type,
    status: r.status,
    year: Number(r.year),
    count: Number(r.n),
  }));
}

export interface PublicFilter {
  type: string;
  forename?: string;
  name?: string;
  nationality?: string;
  sex?: string;
  bornAfter?: string; // the youngest birth date of ageMax, as YYYY-MM-DD
  bornBefore?: string; // the oldest birth date of ageMin
  warrantCountry?: string;
  offset: number;
  limit: number;
}

/** Published notices whose requesting bureau agreed to a public extract, with filters. */
export async function publicNotices(ex: Executor, f: PublicFilter) {
  let q = ex
    .selectFrom('notices')
    .where('kind', '=', 'notice')
    .where('status', '=', 'published')
    .where('public_extract', '=', 1)
    .where('type', '=', f.type);
  if (f.forename) q = q.where('subject_forenames', 'like', `%${escapeLike(f.forename)}%`);
  if (f.name) q = q.where('subject_name', 'like', `%${escapeLike(f.name)}%`);
  if (f.nationality) q = q.where('subject_nationalities', 'like', `%"${escapeLike(f.nationality)}"%`);
  if (f.sex) q = q.where('subject_sex', '=', f.sex);
  if (f.bornAfter) q = q.where('subject_birth', '>=', f.bornAfter);
  if (f.bornBefore) q = q.where('subject_birth', '<=', f.bornBefore);
  if (f.warrantCountry) q = q.where('warrant_country', '=', f.warrantCountry);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  return { total: Number(total.n), rows };
}
