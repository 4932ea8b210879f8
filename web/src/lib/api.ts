// The console's only way to the server: JSON in, JSON out, problem details surfaced as ApiError.

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly requestId?: string,
  ) {
    super(detail);
  }

  /** The message for one form field, if the server named it (`name`, `body.name`, `querystring.from`…). */
  fieldMessage(field: string): string | undefined {
    const names = (e: FieldError) => e.field.split('.');
    return this.errors.find((e) => names(e).includes(field))?.message;
  }
}

/** Called when the server no longer knows the session (expired, or signed out elsewhere). */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

/** A fresh Idempotency-Key: a retried create is then never applied twice. */
export function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function parseBody(text: string): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    // A proxy's HTML error page, say: not ours to interpret.
    return undefined;
  }
}

async function request<T>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(`/api/v1${url}`, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(method !== 'GET' ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    // The server refuses a cookie-authenticated change without a JSON body (cross-site guard).
    body: method !== 'GET' ? JSON.stringify(body ?? {}) : undefined,
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = parseBody(text);
  if (!res.ok) {
    if (res.status === 401 && !url.startsWith('/auth/')) onUnauthorized?.();
    throw new ApiError(
      res.status,
      typeof data?.code === 'string' ? data.code : 'error',
      typeof data?.detail === 'string' ? data.detail : res.statusText || `HTTP ${res.status}`,
      Array.isArray(data?.errors) ? (data.errors as FieldError[]) : [],
      typeof data?.requestId === 'string' ? data.requestId : undefined,
    );
  }
  if (text && data === undefined) {
    // A 200 that is not JSON is a server or proxy fault, not data.
    throw new ApiError(res.status, 'not_json', res.statusText || `HTTP ${res.status}`);
  }
  return data as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>('POST', url, body, headers),
  /** A POST that creates something, sent with its own Idempotency-Key. */
  create: <T>(url: string, body: unknown) =>
    request<T>('POST', url, body, { 'idempotency-key': idempotencyKey() }),
  patch: <T>(url: string, body: unknown, version: number) =>
    request<T>('PATCH', url, body, { 'if-match': `"${version}"` }),
  /** A POST that acts on one version of something (close a record): stale versions are refused. */
  postAt: <T>(url: string, body: unknown, version: number) =>
    request<T>('POST', url, body, { 'if-match': `"${version}"` }),
  delete: (url: string, version: number) =>
    request<void>('DELETE', url, undefined, { 'if-match': `"${version}"` }),
};

export interface Names {
  ar: string;
  en: string;
  fr: string;
  es: string;
}

export interface Principal {
  type: 'user' | 'api_key';
  id: string;
  name: string;
  displayName: string;
  bureau: { code: string; names: Names };
  unit: { id: string; name: string } | null;
  roles: string[];
  capabilities: string[];
  totpEnabled: boolean;
}

export interface Bureau {
  code: string;
  kind: string;
  region: string;
  names: Names;
}

export interface Unit {
  id: string;
  bureauCode: string;
  name: string;
  kind: string;
  capabilities: string[];
  active: boolean;
  version: number;
  createdAt: string;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  unitId: string | null;
  roles: string[];
  totpEnabled: boolean;
  locked: boolean;
  active: boolean;
  version: number;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  unitId: string;
  prefix: string;
  capabilities: string[];
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  bureau: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetBureau: string | null;
  outcome: string;
  requestId: string | null;
}

export interface Meta {
  version: string;
  demo: boolean;
  roles: string[];
  capabilities: string[];
  unitKinds: string[];
}
