// Times are UTC ISO 8601 strings with milliseconds everywhere (storage, API, audit).
export function nowIso(): string {
  return new Date().toISOString();
}

export function isoPlusSeconds(iso: string, seconds: number): string {
  return new Date(Date.parse(iso) + seconds * 1000).toISOString();
}
