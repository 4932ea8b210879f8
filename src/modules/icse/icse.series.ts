// Series, their victims and offenders, and the media linked to them. A victim marked identified
// (by which bureau, when) is told at once to every unit that holds media of her: the series'
// media, the media linked to her, and every medium that matched those — so no second country
// keeps searching for a child already found.
import type { AppContext, RequestMeta } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { IcseMediaTable, IcseSeriesTable, IcseSubjectTable } from '../../platform/db/schema.js';
import { staleVersion } from '../../platform/http/etag.js';
import { badRequest, forbidden, notFoundOrNoAccess } from '../../platform/http/problem.js';
import { uuid7 } from '../../platform/ids/uuid7.js';
import { nowIso } from '../../platform/time.js';
import { accessOfIcse, assertIcseUser, maySeeIcse } from './icse.access.js';
import { audit } from './icse.audit.js';
import * as store from './icse.store.js';
import type { SeriesStatus, SubjectRole } from './icse.types.js';

export function statusOfSeries(subjects: Pick<IcseSubjectTable, 'role' | 'identified'>[]): SeriesStatus {
  const victims = subjects.filter((s) => s.role === 'victim');
  return victims.length > 0 && victims.every((v) => v.identified === 1) ? 'victim_identified' : 'known';
}

export const subjectDto = (s: IcseSubjectTable) => ({
  id: s.id,
  seriesId: s.series_id,
  role: s.role as SubjectRole,
  label: s.label,
  notes: s.notes,
  identified: s.identified === 1,
  identifiedByBureau: s.identified_by_bureau,
  identifiedAt: s.identified_at,
  ownerBureau: s.owner_bureau,
  version: s.version,
});

export const seriesDto = (s: IcseSeriesTable, subjects: IcseSubjectTable[], mediaCount: number) => ({
  id: s.id,
  name: s.name,
  description: s.description,
  ownerBureau: s.owner_bureau,
  createdAt: s.created_at,
  updatedAt: s.updated_at,
  status: statusOfSeries(subjects),
  victims: subjects.filter((x) => x.role === 'victim').map(subjectDto),
  offenders: subjects.filter((x) => x.role === 'offender').map(subjectDto),
  mediaCount,
  version: s.version,
});

/** Series and their subjects, as `p` may see them, keyed by id. */
export async function seriesViews(ctx: AppContext, p: Principal, ids: string[]) {
  const unique = [...new Set(ids)];
  const [rows, subjects, counts] = await Promise.all([
    store.seriesByIds(ctx.db, unique),
    store.subjectsOfSeries(ctx.db, unique),
    store.mediaCountsBySeries(ctx.db, unique),
  ]);
  const out = new Map<string, ReturnType<typeof seriesDto>>();
  for (const s of rows) {
    if (!maySeeIcse(p, s.owner_bureau)) continue;
    out.set(
      s.id,
      seriesDto(
        s,
        subjects.filter((x) => x.series_id === s.id),
        counts.get(s.id) ?? 0,
      ),
    );
  }
  return out;
}

/** A new series opened by `p`'s bureau and unit. */
export function seriesRow(p: Principal, name: string, description: string | null): IcseSeriesTable {
  const at = nowIso();
  return {
    id: uuid7(),
    name,
    description,
    owner_bureau: p.bureau,
    owner_unit: p.unitId,
    created_by: p.name,
    created_at: at,
    updated_at: at,
    version: 1,
  };
}

export async function createSeries(
  ctx: AppContext,
  p: Principal,
  input: { name: string; description?: string },
  meta: RequestMeta,
) {
  assertIcseUser(p);
  const name = input.name.trim();
  if (!name) throw badRequest('name', 'must not be empty');
  if (await store.seriesByName(ctx.db, name)) {
    throw badRequest('name', 'a series of this name exists already: link to it instead');
  }
  const row = seriesRow(p, name, input.description?.trim() || null);

  await ctx.db.insertInto('icse_series').values(row).execute();
  await audit(ctx, p, 'icse.series.create', { type: 'icse_series', id: row.id, bureau: p.bureau }, meta);
  return seriesDto(row, [], 0);
}

export async function listSeries(
  ctx: AppContext,
  p: Principal,
  q: { search?: string; limit: number },
  meta: RequestMeta,
) {
  assertIcseUser(p);
  const rows = await store.listSeries(ctx.db, q);
  const views = await seriesViews(
    ctx,
    p,
    rows.map((r) => r.id),
  );
  await audit(ctx, p, 'icse.series.list', { type: 'icse_series' }, meta, 'success', { count: views.size });
  return rows.map((r) => views.get(r.id)).filter((v) => v !== undefined);
}

/** Bureaus (and units) holding media of a series or a subject, and media matched to those. */
async function holdersOf(ctx: AppContext, media: IcseMediaTable[]) {
  const matches = await store.matchesOf(
    ctx.db,
    media.map((m) => m.id),
  );
  const more = await store.mediaByIds(ctx.db, [
    ...new Set(matches.flatMap((m) => [m.media_id, m.matched_id])),
  ]);
  const all = new Map([...media, ...more].map((m) => [m.id, m]));
  const holders = new Map<string, { bureau: string; unitId: string | null }>();
  for (const m of all.values())
    holders.set(`${m.owner_bureau}/${m.owner_unit ?? ''}`, { bureau: m.owner_bureau, unitId: m.owner_unit });
  return [...holders.values()];
}

export async function readSeries(ctx: AppContext, p: Principal, id: string, meta: RequestMeta) {
  assertIcseUser(p);
  const s = await store.findSeries(ctx.db, id);
  if (!s || !maySeeIcse(p, s.owner_bureau)) {
    await audit(ctx, p, 'icse.series.read', { type: 'icse_series', id }, meta, 'denied');
    throw notFoundOrNoAccess();
  }
  const [subjects, media] = await Promise.all([
    store.subjectsOfSeries(ctx.db, [id]),
    store.mediaOfSeries(ctx.db, id),
  ]);
  const holders = await holdersOf(ctx, media);
  await audit(ctx, p, 'icse.series.read', { type: 'icse_series', id, bureau: s.owner_bureau }, meta);
  return {
    series: seriesDto(s, subjects, media.length),
    media: media.filter((m) => maySeeIcse(p, m.owner_bureau)),
    holders: [...new Set(holders.map((h) => h.bureau))].sort(),
  };
}

export async function updateSeries(
  ctx: AppContext,
  p: Principal,
  id: string,
  input: { name?: string; description?: string | null },
  version: number,
  meta: RequestMeta,
) {
  assertIcseUser(p);
  const s = await store.findSeries(ctx.db, id);
  if (!s || !maySeeIcse(p, s.owner_bureau)) throw notFoundOrNoAccess();
  if (s.owner_bureau !== p.bureau) throw forbidden('Only the bureau that opened a series changes it');
  const name = input.name?.trim();
  if (input.name !== undefined && !name) throw badRequest('name', 'must not be empty');
  const res = await ctx.db
    .updateTable('icse_series')
    .set({
      ...(name ? { name } : {}),
      ...(input.description !== undefined ? { description: input.description?.trim() || null } : {}),
      updated_at: nowIso(),
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
  await audit(ctx, p, 'icse.series.update', { type: 'icse_series', id, bureau: s.owner_bureau }, meta);
  return (await readSeries(ctx, p, id, meta)).series;
}

export async function addSubject(
  ctx: AppContext,
  p: Principal,
  seriesId: string,
  input: { role: SubjectRole; label: string; notes?: string },
  meta: RequestMeta,
) {
  assertIcseUser(p);
  const s = await store.findSeries(ctx.db, seriesId);
  if (!s || !maySeeIcse(p, s.owner_bureau)) throw notFoundOrNoAccess();
  const label = input.label.trim();
  if (!label) throw badRequest('label', 'must not be empty');
  const at = nowIso();
  const row: IcseSubjectTable = {
    id: uuid7(),
    series_id: seriesId,
    role: input.role,
    label,
    notes: input.notes?.trim() || null,
    identified: 0,
    identified_by_bureau: null,
    identified_by: null,
    identified_at: null,
    owner_bureau: p.bureau,
    created_by: p.name,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('icse_subjects').values(row).execute();
    await tx.updateTable('icse_series').set({ updated_at: at }).where('id', '=', seriesId).execute();
  });
  await audit(
    ctx,
    p,
    `icse.${input.role}.create`,
    { type: 'icse_subject', id: row.id, bureau: p.bureau },
    meta,
  );
  return subjectDto(row);
}

export async function readSubject(ctx: AppContext, p: Principal, id: string, meta: RequestMeta) {
  assertIcseUser(p);
  const subject = await store.findSubject(ctx.db, id);
  const series = subject ? await store.findSeries(ctx.db, subject.series_id) : undefined;
  if (!subject || !series || !maySeeIcse(p, subject.owner_bureau)) {
    await audit(ctx, p, 'icse.subject.read', { type: 'icse_subject', id }, meta, 'denied');
    throw notFoundOrNoAccess();
  }
  const media = await store.mediaOfSubject(ctx.db, id);
  const holders = await holdersOf(ctx, media);
  await audit(ctx, p, 'icse.subject.read', { type: 'icse_subject', id, bureau: subject.owner_bureau }, meta);
  return {
    subject: subjectDto(subject),
    series: { id: series.id, name: series.name, ownerBureau: series.owner_bureau },
    media: media.filter((m) => maySeeIcse(p, m.owner_bureau)),
    holders: [...new Set(holders.map((h) => h.bureau))].sort(),
  };
}

/**
 * Marks a victim (or an offender) identified by the principal's bureau, and tells every unit
 * holding media of the series, of the subject, or media that matched those — in the same
 * transaction as the change, so the notice exists exactly when the identification does.
 */
export async function identifySubject(
  ctx: AppContext,
  p: Principal,
  id: string,
  input: { notes?: string },
  version: number,
  meta: RequestMeta,
) {
  assertIcseUser(p);
  const subject = await store.findSubject(ctx.db, id);
  const series = subject ? await store.findSeries(ctx.db, subject.series_id) : undefined;
  if (!subject || !series || !maySeeIcse(p, subject.owner_bureau)) throw notFoundOrNoAccess();
  if (subject.identified === 1) throw badRequest('identified', 'is already recorded');
  const [seriesMedia, ownMedia] = await Promise.all([
    store.mediaOfSeries(ctx.db, series.id, 100_000),
    store.mediaOfSubject(ctx.db, id),
  ]);
  const holders = (await holdersOf(ctx, [...seriesMedia, ...ownMedia])).filter(
    (h) => !(h.bureau === p.bureau && h.unitId === p.unitId),
  );
  const at = nowIso();
  const details = {
    role: subject.role,
    label: subject.label,
    seriesName: series.name,
    identifiedByBureau: p.bureau,
    identifiedAt: at,
  };
  const bureaus = [...new Set(holders.map((h) => h.bureau))];
  await ctx.events.publishAll(
    bureaus.length === 0
      ? []
      : [
          {
            topic: 'icse.identified',
            payload: { subjectId: id, seriesId: series.id, ...details },
            access: { ...accessOfIcse(p.bureau), restriction: { mode: 'only', bureaus } },
          },
        ],
    async (tx) => {
      const res = await tx
        .updateTable('icse_subjects')
        .set({
          identified: 1,
          identified_by_bureau: p.bureau,
          identified_by: p.name,
          identified_at: at,
          notes: input.notes?.trim() || subject.notes,
          updated_at: at,
          version: version + 1,
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
      await tx.updateTable('icse_series').set({ updated_at: at }).where('id', '=', series.id).execute();
      await store.insertNotifications(
        tx,
        holders.map((h) => ({
          id: uuid7(),
          bureau: h.bureau,
          unit_id: h.unitId,
          kind: `${subject.role}_identified`,
          subject_id: id,
          series_id: series.id,
          details: JSON.stringify(details),
          created_at: at,
          read_at: null,
        })),
      );
    },
  );
  await audit(
    ctx,
    p,
    `icse.${subject.role}.identify`,
    { type: 'icse_subject', id, bureau: subject.owner_bureau },
    meta,
    'success',
    {
      notified_units: holders.length,
    },
  );
  return { subject: subjectDto((await store.findSubject(ctx.db, id))!), notifiedUnits: holders.length };
}

export async function listNotifications(ctx: AppContext, p: Principal, meta: RequestMeta) {
  assertIcseUser(p);
  const rows = await store.notificationsFor(ctx.db, p.bureau, p.unitId, 200);
  await audit(ctx, p, 'icse.notifications.list', { type: 'icse_notification' }, meta, 'success', {
    count: rows.length,
  });
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    subjectId: n.subject_id,
    seriesId: n.series_id,
    details: JSON.parse(n.details) as Record<string, unknown>,
    createdAt: n.created_at,
    read: n.read_at !== null,
  }));
}

export async function markNotificationRead(ctx: AppContext, p: Principal, id: string) {
  assertIcseUser(p);
  const res = await ctx.db
    .updateTable('icse_notifications')
    .set({ read_at: nowIso() })
    .where('id', '=', id)
    .where('bureau', '=', p.bureau)
    .where((eb) =>
      p.unitId ? eb.or([eb('unit_id', '=', p.unitId), eb('unit_id', 'is', null)]) : eb.lit(true),
    )
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw notFoundOrNoAccess();
}
