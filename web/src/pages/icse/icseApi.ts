// The shapes the ICSE (child-exploitation media) API answers with, its vocabulary, and the queries
// shared by the pages. The original of a medium is fetched only by `revealOriginal`, never through
// the query cache: it lives in the reveal modal and nowhere else.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, type FieldError, idempotencyKey, type Principal } from '../../lib/api';
import { useEvents } from '../../lib/events';

/** What a result tells the officer at once. `known`: a victim of the series is not yet identified. */
export const STATUSES = ['known', 'victim_identified', 'known_media', 'new'] as const;
export type IcseStatus = (typeof STATUSES)[number];
/** Project VIC categories. */
export const CATEGORIES = [0, 1, 2, 3, 4] as const;
export type MatchKind = 'sha256' | 'sha1' | 'md5' | 'pdq' | 'vpdq';
export type SubjectRole = 'victim' | 'offender';

export interface Media {
  id: string;
  kind: 'image' | 'video';
  source: 'upload' | 'vics' | 'pdq';
  fileName: string | null;
  mime: string | null;
  size: number | null;
  md5: string | null;
  sha1: string | null;
  sha256: string | null;
  pdq: string | null;
  quality: number | null;
  category: number | null;
  seriesId: string | null;
  batchId: string | null;
  importCase: string | null;
  victimIdentified: boolean | null;
  offenderIdentified: boolean | null;
  ownerBureau: string;
  createdAt: string;
  hasPreview: boolean;
  version: number;
}

export interface Subject {
  id: string;
  seriesId: string;
  role: SubjectRole;
  label: string;
  notes: string | null;
  identified: boolean;
  identifiedByBureau: string | null;
  identifiedAt: string | null;
  ownerBureau: string;
  version: number;
}

export interface Series {
  id: string;
  name: string;
  description: string | null;
  ownerBureau: string;
  createdAt: string;
  updatedAt: string;
  status: 'known' | 'victim_identified';
  victims: Subject[];
  offenders: Subject[];
  mediaCount: number;
  version: number;
}

export interface Match {
  mediaId: string;
  kind: MatchKind;
  distance: number;
  ownerBureau: string;
  seriesId: string | null;
  category: number | null;
  victimIdentified: boolean | null;
  at: string;
}

/** A medium with what it matched, the series behind those matches, and its status. */
export interface MediumResult {
  media: Media;
  status: IcseStatus;
  matches: Match[];
  series: Series[];
}

export interface BatchGroup {
  key: string;
  status: IcseStatus;
  series: Series | null;
  items: MediumResult[];
}

export interface IcseNotification {
  id: string;
  kind: 'victim_identified' | 'offender_identified';
  subjectId: string;
  seriesId: string;
  details: {
    role?: SubjectRole;
    label?: string;
    seriesName?: string;
    identifiedByBureau?: string;
    identifiedAt?: string;
  };
  createdAt: string;
  read: boolean;
}

export interface ImportSummary {
  imported: number;
  skipped: number;
  matched: number;
  newSeries: number;
}

export interface SeriesPage {
  series: Series;
  media: MediumResult[];
  holders: string[];
}

export interface SubjectPage {
  subject: Subject;
  series: { id: string; name: string; ownerBureau: string };
  media: MediumResult[];
  holders: string[];
}

/** Only users of a child-protection unit (capability `icse`); the server refuses everyone else. */
export const mayUseIcse = (p: Principal | null) =>
  Boolean(p?.type === 'user' && p.capabilities.includes('icse'));

export const previewUrl = (id: string) => `/api/v1/icse/media/${id}/preview`;
export const exportUrl = (seriesId?: string) =>
  `/api/v1/icse/export/vics${seriesId ? `?series=${seriesId}` : ''}`;

export const icseApi = {
  createSeries: (body: { name: string; description?: string }) => api.create<Series>('/icse/series', body),
  addSubject: (seriesId: string, body: { role: SubjectRole; label: string; notes?: string }) =>
    api.create<Subject>(`/icse/series/${seriesId}/subjects`, body),
  identify: (subject: Pick<Subject, 'id' | 'version'>, notes: string) =>
    api.postAt<{ subject: Subject; notifiedUnits: number }>(
      `/icse/subjects/${subject.id}/identify`,
      notes.trim() ? { notes: notes.trim() } : {},
      subject.version,
    ),
  classify: (
    media: Pick<Media, 'id' | 'version'>,
    body: { category: number | null; seriesId: string | null; subjectIds: string[] },
  ) => api.patch<MediumResult & { subjectIds: string[] }>(`/icse/media/${media.id}`, body, media.version),
  markRead: (id: string) => api.post<void>(`/icse/notifications/${id}/read`),
  importVics: (doc: unknown) => api.post<ImportSummary>('/icse/import/vics', doc),
  importPdq: (csv: string) => api.post<ImportSummary>('/icse/import/pdq', { csv }),
};

/** Problem details of a non-JSON answer (a refused reveal), as the console's ApiError. */
async function problemOf(res: Response): Promise<ApiError> {
  const data = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  return new ApiError(
    res.status,
    typeof data?.code === 'string' ? data.code : 'error',
    typeof data?.detail === 'string' ? data.detail : res.statusText || `HTTP ${res.status}`,
    Array.isArray(data?.errors) ? (data.errors as FieldError[]) : [],
  );
}

/**
 * The original bytes of a medium, for the reveal modal only: an audited act with its reason.
 * `no-store` so that no browser cache keeps them; the caller revokes its object URL on close.
 */
export async function revealOriginal(id: string, reason: string): Promise<Blob> {
  const res = await fetch(`/api/v1/icse/media/${id}/reveal`, {
    method: 'POST',
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reason: reason.trim() }),
  });
  if (!res.ok) throw await problemOf(res);
  return res.blob();
}

/** Upload progress of one file: the share of its request body sent, 0–1. */
export type OnProgress = (sent: number) => void;

/**
 * Sends one medium (base64 in JSON, as the server takes it) through XMLHttpRequest, whose upload
 * progress fetch cannot report. `created` is false when the bureau already held these bytes.
 */
export function uploadMedium(
  body: { fileName: string; contentType: string; contentBase64: string; batchId: string },
  onProgress: OnProgress,
): Promise<{ result: MediumResult; created: boolean }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/icse/media');
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('idempotency-key', idempotencyKey());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let data: Record<string, unknown> | undefined;
      try {
        data = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && data) {
        resolve({ result: data as unknown as MediumResult, created: xhr.status === 201 });
        return;
      }
      reject(
        new ApiError(
          xhr.status,
          typeof data?.code === 'string' ? data.code : 'error',
          typeof data?.detail === 'string' ? data.detail : xhr.statusText || `HTTP ${xhr.status}`,
          Array.isArray(data?.errors) ? (data.errors as FieldError[]) : [],
          typeof data?.requestId === 'string' ? data.requestId : undefined,
        ),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network'));
    xhr.send(JSON.stringify(body));
  });
}

export function useBatch(batchId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['icse', 'batch', batchId],
    queryFn: () => api.get<{ groups: BatchGroup[] }>(`/icse/batches/${batchId}`),
    enabled: Boolean(batchId) && enabled,
  });
}

export function useMedium(id: string | undefined) {
  return useQuery({
    queryKey: ['icse', 'media', id],
    queryFn: () => api.get<MediumResult & { subjectIds: string[] }>(`/icse/media/${id}`),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useOwnMedia(limit = 24) {
  return useQuery({
    queryKey: ['icse', 'media', 'own', limit],
    queryFn: () => api.get<{ items: Media[] }>(`/icse/media?own=true&limit=${limit}`),
  });
}

export function useSeriesList(q = '', limit = 50) {
  return useQuery({
    queryKey: ['icse', 'series', 'list', q, limit],
    queryFn: () => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (q) query.set('q', q);
      return api.get<{ items: Series[] }>(`/icse/series?${query}`);
    },
  });
}

export function useSeries(id: string | undefined) {
  return useQuery({
    queryKey: ['icse', 'series', 'one', id],
    queryFn: () => api.get<SeriesPage>(`/icse/series/${id}`),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useSubject(id: string | undefined) {
  return useQuery({
    queryKey: ['icse', 'subject', id],
    queryFn: () => api.get<SubjectPage>(`/icse/subjects/${id}`),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: ['icse', 'notifications'],
    queryFn: () => api.get<{ items: IcseNotification[] }>('/icse/notifications'),
    enabled,
    refetchInterval: 60_000,
  });
}

/** While mounted: an identification anywhere the unit holds media refreshes the ICSE pages. */
export function useIcseLive() {
  const queryClient = useQueryClient();
  useEvents(['icse.identified'], () => void queryClient.invalidateQueries({ queryKey: ['icse'] }));
}

/** The server's message for a failed call, in one line. */
export const detailOf = (e: unknown) => (e instanceof ApiError ? e.detail : String(e));
