// The public notices API (/notices/v1, outside /api/v1, no sign-in) in the shape of INTERPOL's
// public notices web service. lib/api.ts is for the signed-in console (its paths are under
// /api/v1 and a 401 there ends the session); only its ApiError, for problem details, is shared.
import { getAlpha2Codes } from 'i18n-iso-countries';
import { ApiError, type FieldError } from '../../lib/api';

export const KINDS = ['red', 'yellow', 'un'] as const;
export type PublicKind = (typeof KINDS)[number];
export const isKind = (k: string | null | undefined): k is PublicKind => KINDS.includes(k as PublicKind);
const PATH: Record<PublicKind, string> = { red: 'red', yellow: 'yellow', un: 'un/persons' };

export const FILTERS = [
  'name',
  'forename',
  'nationality',
  'sexId',
  'ageMin',
  'ageMax',
  'arrestWarrantCountryId',
] as const;
export type Filter = (typeof FILTERS)[number];
export type Filters = Partial<Record<Filter, string>>;
export const RESULTS_PER_PAGE = 20;

interface Link {
  href: string;
}

export interface NoticeSummary {
  entity_id: string;
  name: string | null;
  forename: string | null;
  date_of_birth: string | null;
  nationalities: string[];
  _links: { self: Link; images: Link; thumbnail?: Link };
}

export interface NoticeList {
  total: number;
  query: Record<string, string | number>;
  _embedded: { notices: NoticeSummary[] };
  _links: { self: Link; first: Link; last: Link; next?: Link; previous?: Link };
}

export interface NoticeDetail extends NoticeSummary {
  sex_id: 'M' | 'F' | 'U' | null;
  country_of_birth_id: string | null;
  place_of_birth: string | null;
  height: number | null;
  weight: number | null;
  eyes_colors_id: string[] | null;
  hairs_id: string[] | null;
  distinguishing_marks: string | null;
  languages_spoken_ids: string[] | null;
  // red
  arrest_warrants?: {
    charge: string;
    issuing_country_id: string | null;
    charge_translation: string | null;
  }[];
  // yellow
  date_of_event?: string | null;
  place?: string | null;
  country?: string | null;
  // un
  un_reference?: string | null;
  un_committee?: string | null;
  un_measures?: string[];
  un_listed_on?: string | null;
}

export interface NoticeImages {
  _embedded: { images: { picture_id: string; _links: { self: Link } }[] };
}

/** "2026/00012" ↔ "2026-00012", as the web service writes it in URLs. */
export const urlId = (entityId: string) => entityId.replace('/', '-');
export const entityId = (id: string) => id.replace('-', '/');

/** A link the server wrote with its own host, as a path of this site (the page and the images stay same-origin). */
export function localPath(href: string): string {
  try {
    const u = new URL(href, window.location.origin);
    return `${u.pathname}${u.search}`;
  } catch {
    return href;
  }
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/hal+json, application/json' } });
  const text = await res.text();
  let data: Record<string, unknown> | undefined;
  try {
    data = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok || data === undefined) {
    throw new ApiError(
      res.status,
      typeof data?.code === 'string' ? data.code : 'error',
      typeof data?.detail === 'string' ? data.detail : res.statusText || `HTTP ${res.status}`,
      Array.isArray(data?.errors) ? (data.errors as FieldError[]) : [],
    );
  }
  return data as T;
}

export function listNotices(kind: PublicKind, filters: Filters, page: number) {
  const params = new URLSearchParams();
  for (const f of FILTERS) {
    const v = filters[f]?.trim();
    if (v && (f !== 'arrestWarrantCountryId' || kind === 'red')) params.set(f, v);
  }
  params.set('page', String(page));
  params.set('resultPerPage', String(RESULTS_PER_PAGE));
  return getJson<NoticeList>(`/notices/v1/${PATH[kind]}?${params}`);
}

export const readNotice = (kind: PublicKind, id: string) =>
  getJson<NoticeDetail>(`/notices/v1/${PATH[kind]}/${id}`);
export const noticeImages = (kind: PublicKind, id: string) =>
  getJson<NoticeImages>(`/notices/v1/${PATH[kind]}/${id}/images`);

/** Country names in the reader's language (the browser's CLDR data), sorted for a select. */
export function countryName(code: string | null | undefined, lang: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryOptions(lang: string) {
  const collator = new Intl.Collator(lang);
  return Object.keys(getAlpha2Codes())
    .map((code) => ({ value: code, label: countryName(code, lang) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** "1979/04/17" (or "1979/04", "1979") as the reader's language writes it. */
export function formatBirth(date: string | null | undefined, lang: string): string {
  if (!date) return '';
  const [y, m, d] = date.split('/').map(Number);
  if (!y) return date;
  const options: Intl.DateTimeFormatOptions = d
    ? { dateStyle: 'long', timeZone: 'UTC' }
    : m
      ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
      : { year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang, options).format(new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1)));
}

/** Age in whole years today, from a full date of birth (null for a year or a month alone: the age is not certain). */
export function ageOf(date: string | null | undefined, today = new Date()): number | null {
  if (!date) return null;
  const [y, m, d] = date.split('/').map(Number);
  if (!y || !m || !d) return null;
  const before = today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d);
  return today.getUTCFullYear() - y - (before ? 1 : 0);
}
