// The shapes the notices API answers with (src/modules/notices/notices.schema.ts), the colours of
// the notice types, and who may do what in the console (the server decides; these only choose
// which tabs and panels to show).
import { useQuery } from '@tanstack/react-query';
import { api, type Principal } from '../../lib/api';
import type { JsonSchema } from '../databases/recordsApi';

export const NOTICE_TYPES = [
  'red',
  'yellow',
  'blue',
  'black',
  'green',
  'orange',
  'purple',
  'silver',
  'un',
] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];
export const NOTICE_KINDS = ['notice', 'diffusion'] as const;
export const NOTICE_STATUSES = [
  'draft',
  'approved',
  'submitted',
  'under_review',
  'info_requested',
  'refused',
  'published',
  'cancelled',
  'withdrawn',
  'expired',
] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** The colour of each type, as printed on the notices; `ink` is the text that reads on it. */
export const TYPE_COLOURS: Record<NoticeType, { bg: string; ink: string }> = {
  red: { bg: '#c8102e', ink: '#ffffff' },
  yellow: { bg: '#f2c500', ink: '#1a1a1a' },
  blue: { bg: '#0057b8', ink: '#ffffff' },
  black: { bg: '#1a1a1a', ink: '#ffffff' },
  green: { bg: '#2e7d32', ink: '#ffffff' },
  orange: { bg: '#f57c00', ink: '#1a1a1a' },
  purple: { bg: '#6a1b9a', ink: '#ffffff' },
  silver: { bg: '#9e9e9e', ink: '#1a1a1a' },
  un: { bg: '#009edb', ink: '#ffffff' },
};

export const colourOf = (type: string) =>
  TYPE_COLOURS[type as NoticeType] ?? { bg: '#868e96', ink: '#ffffff' };

export const STATUS_COLOURS: Record<NoticeStatus, string> = {
  draft: 'gray',
  approved: 'cyan',
  submitted: 'blue',
  under_review: 'indigo',
  info_requested: 'orange',
  refused: 'red',
  published: 'green',
  cancelled: 'dark',
  withdrawn: 'dark',
  expired: 'gray',
};

/** Workflow actions in the order their buttons are shown; those that need a written reason. */
export const ACTIONS = [
  'approve',
  'submit',
  'take',
  'publish',
  'confirm_compliance',
  'request_info',
  'extend',
  'refuse',
  'cancel',
  'withdraw',
] as const;
export type NoticeAction = (typeof ACTIONS)[number];
export const REASON_ACTIONS: readonly string[] = ['refuse', 'request_info', 'cancel', 'withdraw', 'extend'];

/** Types that may have a public extract (with the requesting bureau's consent). */
export const PUBLIC_EXTRACT_TYPES: readonly string[] = ['red', 'yellow', 'un'];

export interface NoticeSummary {
  id: string;
  controlNumber: string | null;
  kind: 'notice' | 'diffusion';
  type: NoticeType;
  status: NoticeStatus;
  requestingBureau: string;
  title: string;
  publicExtract: boolean;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  reviewDate: string | null;
  version: number;
}

export interface NoticeStep {
  at: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actor: string;
  actorBureau: string;
  comment: string | null;
}

export interface NoticePhoto {
  id: string;
  mediaType: string;
  size: number;
  createdAt: string;
}

export interface NoticeDto extends NoticeSummary {
  requestingUnit: string | null;
  data: Record<string, unknown>;
  recipients: string[];
  handling: 'official' | 'restricted';
  language: 'ar' | 'en' | 'fr' | 'es';
  submittedAt: string | null;
  reviewer: string | null;
  steps: NoticeStep[];
  photos: NoticePhoto[];
  actions: string[];
  editable: boolean;
}

export interface NoticeTypeInfo {
  type: NoticeType;
  purpose: string;
  subject: 'required' | 'optional' | 'none';
  publicExtract: boolean;
  schema: JsonSchema;
}

export interface ReviewFlag {
  code: string;
  severity: 'problem' | 'warning' | 'info';
  field?: string;
  message: string;
  details?: Record<string, string | number>;
}

export interface NoticeCount {
  kind: string;
  type: string;
  status: string;
  year: number;
  count: number;
}

export const hasNotices = (p: Principal | null) => Boolean(p?.capabilities.includes('notices'));
export const isGs = (p: Principal | null) => p?.bureau.code === 'XG';
export const isGsReviewer = (p: Principal | null) => Boolean(isGs(p) && p?.roles.includes('gs_reviewer'));
/** Officers and supervisors draft notices for their bureau. */
export const mayDraft = (p: Principal | null) =>
  Boolean(hasNotices(p) && p?.roles.some((r) => r === 'officer' || r === 'supervisor'));

/** While review assistance helps: a request on its way through review, or a diffusion already sent. */
export const showsReview = (n: Pick<NoticeSummary, 'kind' | 'status'>) =>
  ['submitted', 'under_review', 'info_requested'].includes(n.status) ||
  (n.kind === 'diffusion' && n.status === 'published');

export function useNoticeTypes() {
  return useQuery({
    queryKey: ['notice-types'],
    queryFn: () => api.get<{ items: NoticeTypeInfo[] }>('/notices/types'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A day of an ISO time, in the console's language (UTC, as the server keeps it). */
export function formatDay(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
