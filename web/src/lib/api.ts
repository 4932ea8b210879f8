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

  /** The message for one form field, if the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message;
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
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      data?.code ?? 'error',
      data?.detail ?? res.statusText,
      data?.errors ?? [],
      data?.requestId,
    );
  }
  return data as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>('POST', url, body, headers),
  patch: <T>(url: string, body: unknown, version: number) =>
    request<T>('PATCH', url, body, { 'if-match': `"${version}"` }),
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

export const ROLES_NEEDING_ADMIN = ['bureau_admin', 'gs_admin'];
