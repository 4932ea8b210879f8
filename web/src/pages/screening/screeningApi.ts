// The wire shape of POST /screening/travellers (docs/screening-api.md) and the one call to it.
import { api } from '../../lib/api';
import type { RecordDto } from '../databases/recordsApi';

export const MAX_ITEMS = 10_000;

export interface Reason {
  field: string;
  message: string;
}

export interface ScreeningHit {
  check: 'document' | 'vehicle' | 'person';
  database: string;
  ownerBureau: string;
  recordId: string;
  hitId: string | null;
  access: 'see' | 'exists';
  /** "exact", or the person score as text. */
  match: string;
  score?: number;
  reasons?: string[];
  label?: string;
  record?: RecordDto;
}

export interface DocumentRead {
  number: string;
  issuingCountry: string;
  type?: string;
}

export interface PersonRead {
  name: string;
  dateOfBirth?: string;
  nationality?: string;
  sex?: string;
}

export type Status = 'no_hit' | 'hit' | 'invalid';

export interface ItemResult {
  index: number;
  status: Status;
  reasons?: Reason[];
  hits?: ScreeningHit[];
  document?: DocumentRead;
  person?: PersonRead;
}

export interface ScreeningAnswer {
  summary: { checked: number; hits: number; noHits: number; invalid: number };
  items: ItemResult[];
}

export type TravellerItem =
  | { mrz: string }
  | { document?: Partial<DocumentRead>; person?: Partial<PersonRead> };

/** Checks travellers; with a key, a retry of the same call is answered again, not checked twice. */
export const screenTravellers = (items: TravellerItem[], idempotencyKey?: string) =>
  api.post<ScreeningAnswer>(
    '/screening/travellers',
    { items },
    idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
  );

/** A random (version 4) UUID, also where crypto.randomUUID is missing (plain HTTP off localhost). */
export function randomUuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What an officer typed or pasted as an MRZ, as the lines the server reads. */
export function normaliseMrz(text: string): string {
  const lines = text
    .toUpperCase()
    .split(/[\r\n|]+/)
    .map((l) => l.replace(/\s+/g, ''))
    .filter((l) => l !== '');
  // A reader or a copy that lost the line breaks: one line of 2×44 (TD3), 2×36 (TD2) or 3×30 (TD1).
  if (lines.length === 1) {
    const one = lines[0]!;
    const width = one.length === 88 ? 44 : one.length === 72 ? 36 : one.length === 90 ? 30 : 0;
    if (width > 0) return (one.match(new RegExp(`.{${width}}`, 'g')) ?? [one]).join('\n');
  }
  return lines.join('\n');
}
