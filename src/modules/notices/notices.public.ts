// Public extracts of red, yellow and UN notices whose requesting bureau agreed, in the shape of
// INTERPOL's public notices web service (ws-public.interpol.int/notices/v1), so that its existing
// clients work against Meridian: HAL `_embedded`/`_links`, `entity_id` "YYYY/NNNNN" (and
// "YYYY-NNNNN" in URLs), dates of birth "YYYY/MM/DD", heights in metres.
//
// What is public is decided by the same access policy as everything else: an extract is
// described as `public` data of no capability domain, which the policy lets anyone see (rule 1).
// Every other notice, and every notice that is no longer published, is simply not found.
import type { AppContext } from '../../context.js';
import type { NoticeTable } from '../../platform/db/schema.js';
import { notFoundOrNoAccess } from '../../platform/http/problem.js';
import { type AccessDescriptor, decideAccess } from '../../platform/policy/access.js';
import { NOTICE_DEFINITIONS, type NoticeData, type NoticeSubject } from './notice.types.js';
import { foldName, toNotice } from './notices.row.js';
import * as store from './notices.store.js';

export type PublicKind = 'red' | 'yellow' | 'un';
export const PUBLIC_PATH: Record<PublicKind, string> = { red: 'red', yellow: 'yellow', un: 'un/persons' };

/** A published notice of a public type whose requesting bureau agreed is public data. */
function extractAccess(row: NoticeTable): AccessDescriptor | null {
  const def = NOTICE_DEFINITIONS[row.type as PublicKind];
  const isPublic =
    row.kind === 'notice' &&
    row.status === 'published' &&
    row.public_extract === 1 &&
    def?.publicExtract != null;
  return isPublic
    ? { ownerBureau: row.requesting_bureau, restriction: { mode: 'everyone' }, handling: 'public' }
    : null;
}

function visible(row: NoticeTable | undefined, kind: PublicKind): row is NoticeTable {
  if (!row || row.type !== kind) return false;
  const access = extractAccess(row);
  return access !== null && decideAccess(null, access) === 'see';
}

export interface PublicQuery {
  forename?: string;
  name?: string;
  nationality?: string;
  ageMin?: number;
  ageMax?: number;
  sexId?: 'M' | 'F' | 'U';
  arrestWarrantCountryId?: string;
  page: number;
  resultPerPage: number;
}

const SEX_ID = { male: 'M', female: 'F', unknown: 'U' } as const;
const SEX_OF = { M: 'male', F: 'female', U: 'unknown' } as const;

const slash = (d: string | undefined) => (d ? d.replaceAll('-', '/') : null);
export const urlId = (controlNumber: string) => controlNumber.replace('/', '-');

/** The birth-date bounds of an age range on `today` (YYYY-MM-DD), as the stored partial dates compare. */
export function birthBounds(today: string, ageMin?: number, ageMax?: number) {
  const shift = (years: number) => `${Number(today.slice(0, 4)) - years}${today.slice(4, 10)}`;
  return {
    // Aged at least ageMin: born on or before today less ageMin years.
    bornBefore: ageMin !== undefined ? shift(ageMin) : undefined,
    // Aged at most ageMax: born after today less (ageMax + 1) years.
    bornAfter: ageMax !== undefined ? shift(ageMax + 1) : undefined,
  };
}

function links(base: string, kind: PublicKind, row: NoticeTable, firstPhoto?: string) {
  const self = `${base}/notices/v1/${PUBLIC_PATH[kind]}/${urlId(row.control_number!)}`;
  return {
    self: { href: self },
    images: { href: `${self}/images` },
    ...(firstPhoto ? { thumbnail: { href: `${self}/images/${firstPhoto}` } } : {}),
  };
}

function summaryOf(s: NoticeSubject | undefined, row: NoticeTable) {
  return {
    forename: s?.forenames?.toUpperCase() ?? null,
    date_of_birth: slash(s?.dateOfBirth),
    entity_id: row.control_number!,
    nationalities: s?.nationalities ?? [],
    name: s?.familyName.toUpperCase() ?? null,
  };
}

export async function listPublic(
  ctx: AppContext,
  kind: PublicKind,
  q: PublicQuery,
  base: string,
  today: string,
) {
  const { bornAfter, bornBefore } = birthBounds(today, q.ageMin, q.ageMax);
  const { total, rows } = await store.publicNotices(ctx.db, {
    type: kind,
    forename: foldName(q.forename) ?? undefined,
    name: foldName(q.name) ?? undefined,
    nationality: q.nationality,
    sex: q.sexId ? SEX_OF[q.sexId] : undefined,
    bornAfter,
    bornBefore,
    warrantCountry: q.arrestWarrantCountryId,
    offset: (q.page - 1) * q.resultPerPage,
    limit: q.resultPerPage,
  });
  const notices = [];
  const photos = await store.firstPhotos(
    ctx.db,
    rows.map((r) => r.id),
  );
  for (const row of rows) {
    if (!visible(row, kind)) continue;
    const photo = photos.get(row.id);
    const n = toNotice(row);
    notices.push({ ...summaryOf(n.data.subject, row), _links: links(base, kind, row, photo) });
  }
  await ctx.audit.record({
    actor: null,
    action: 'notice.public_list',
    outcome: 'success',
    details: { type: kind, count: notices.length, page: q.page },
  });
  const echo: Record<string, string | number> = { page: q.page, resultPerPage: q.resultPerPage };
  for (const k of [
    'forename',
    'name',
    'nationality',
    'ageMin',
    'ageMax',
    'sexId',
    'arrestWarrantCountryId',
  ] as const) {
    if (q[k] !== undefined) echo[k] = q[k] as string | number;
  }
  const pageUrl = (page: number) => {
    const params = new URLSearchParams(
      Object.entries({ ...echo, page }).map(([k, v]): [string, string] => [k, String(v)]),
    );
    return { href: `${base}/notices/v1/${PUBLIC_PATH[kind]}?${params}` };
  };
  const last = Math.max(1, Math.ceil(total / q.resultPerPage));
  return {
    total,
    query: echo,
    _embedded: { notices },
    _links: {
      self: pageUrl(q.page),
      first: pageUrl(1),
      ...(q.page > 1 ? { previous: pageUrl(q.page - 1) } : {}),
      ...(q.page < last ? { next: pageUrl(q.page + 1) } : {}),
      last: pageUrl(last),
    },
  };
}

async function findPublic(ctx: AppContext, kind: PublicKind, id: string) {
  const m = /^(\d{4})-(\d{5})$/.exec(id);
  const row = m ? await store.findByControlNumber(ctx.db, `${m[1]}/${m[2]}`) : undefined;
  const ok = visible(row, kind);
  await ctx.audit.record({
    actor: null,
    action: 'notice.public_read',
    target: row && ok ? { type: 'notice', id: row.id, bureau: row.requesting_bureau } : { type: 'notice' },
    outcome: ok ? 'success' : 'denied',
    details: { type: kind, entity: id.slice(0, 20) },
  });
  if (!ok) throw notFoundOrNoAccess();
  return row;
}

export async function readPublic(ctx: AppContext, kind: PublicKind, id: string, base: string) {
  const row = await findPublic(ctx, kind, id);
  const n = toNotice(row);
  const s = n.data.subject;
  const photo = (await store.filesOf(ctx.db, row.id))[0]?.id;
  const person = {
    ...summaryOf(s, row),
    sex_id: s ? SEX_ID[s.sex] : null,
    country_of_birth_id: s?.countryOfBirth ?? null,
    place_of_birth: s?.placeOfBirth ?? null,
    height: s?.heightCm ? s.heightCm / 100 : null,
    weight: s?.weightKg ?? null,
    eyes_colors_id: s?.eyeColour ? [s.eyeColour] : null,
    hairs_id: s?.hairColour ? [s.hairColour] : null,
    distinguishing_marks: s?.distinguishingMarks ?? null,
    languages_spoken_ids: s?.languages ?? null,
  };
  return {
    ...person,
    ...specificOf(kind, n.data),
    _embedded: { links: [] },
    _links: links(base, kind, row, photo),
  };
}

function specificOf(kind: PublicKind, d: NoticeData) {
  if (kind === 'red') {
    return {
      arrest_warrants: (d.charges ?? []).map((c) => ({
        charge: c.offence,
        issuing_country_id: d.warrant?.issuingCountry ?? null,
        charge_translation: null,
      })),
    };
  }
  if (kind === 'yellow') {
    const e = (d.event ?? {}) as { date?: string; place?: string; country?: string };
    return { date_of_event: slash(e.date), place: e.place ?? null, country: e.country ?? null };
  }
  const u = (d.sanctions ?? {}) as {
    committee?: string;
    unReference?: string;
    measures?: string[];
    listedOn?: string;
  };
  return {
    un_reference: u.unReference ?? null,
    un_committee: u.committee ?? null,
    un_measures: u.measures ?? [],
    un_listed_on: slash(u.listedOn),
  };
}

export async function publicImages(ctx: AppContext, kind: PublicKind, id: string, base: string) {
  const row = await findPublic(ctx, kind, id);
  const files = await store.filesOf(ctx.db, row.id);
  const self = `${base}/notices/v1/${PUBLIC_PATH[kind]}/${id}`;
  return {
    _embedded: {
      images: files.map((f) => ({ picture_id: f.id, _links: { self: { href: `${self}/images/${f.id}` } } })),
    },
    _links: {
      self: { href: `${self}/images` },
      notice: { href: self },
      ...(files[0] ? { thumbnail: { href: `${self}/images/${files[0].id}` } } : {}),
    },
  };
}

export async function publicImage(ctx: AppContext, kind: PublicKind, id: string, pictureId: string) {
  const row = await findPublic(ctx, kind, id);
  const file = await store.findFile(ctx.db, row.id, pictureId);
  if (!file) throw notFoundOrNoAccess();
  return file;
}
