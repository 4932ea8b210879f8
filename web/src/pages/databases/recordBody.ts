// What the record form sends: the whole record when creating; when changing, only the envelope
// fields the officer changed, and the data as a whole (the server validates it as one object).
import type { ApiError } from '../../lib/api';
import type { Envelope } from './EnvelopeFields';
import type { RecordDto } from './recordsApi';

/** Drops empty strings, empty lists and empty objects: an absent field, not an invalid one. */
export function pruneEmpty(v: unknown): unknown {
  if (Array.isArray(v)) {
    const items = v.map(pruneEmpty).filter((x) => x !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v)
      .map(([k, x]) => [k, pruneEmpty(x)] as const)
      .filter(([, x]) => x !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return v === '' || v === null ? undefined : v;
}

export function envelopeOf(r: RecordDto): Envelope {
  return {
    reference: r.reference,
    restriction: r.restriction,
    handling: r.handling,
    purpose: r.purpose,
    legalBasis: r.legalBasis ?? '',
    reviewDate: r.reviewDate,
    sourceReliability: r.sourceReliability,
    infoAccuracy: String(r.infoAccuracy),
  };
}

/**
 * Field errors by path: `data.vin` → `vin` (the data form's paths), envelope fields as they are;
 * several messages for one field (an MRZ with two bad check digits) are shown together.
 */
export function errorsOf(e: ApiError | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const x of e?.errors ?? []) {
    const path = x.field.replace(/^(body\.)?(data\.)?/, '');
    out[path] = out[path] ? `${out[path]} · ${x.message}` : x.message;
  }
  return out;
}

/** The envelope as the API takes it; empty optional fields are left out. */
function envelopeBody(e: Envelope) {
  return {
    reference: e.reference.trim(),
    restriction: e.restriction,
    handling: e.handling,
    purpose: e.purpose.trim(),
    legalBasis: e.legalBasis.trim() || undefined,
    reviewDate: e.reviewDate || undefined,
    sourceReliability: e.sourceReliability,
    infoAccuracy: Number(e.infoAccuracy),
  };
}

export function createBody(envelope: Envelope, data: Record<string, unknown>, mrz: string) {
  return {
    ...envelopeBody(envelope),
    data: {
      ...((pruneEmpty(data) as Record<string, unknown>) ?? {}),
      // The server reads the document's fields from the MRZ and checks its digits.
      ...(mrz.trim() ? { mrz: mrz.trim() } : {}),
    },
  };
}

export function changesOf(record: RecordDto, envelope: Envelope, data: Record<string, unknown>) {
  const before = envelopeBody(envelopeOf(record));
  const after = envelopeBody(envelope);
  const changed: Record<string, unknown> = {};
  for (const k of Object.keys(after) as (keyof typeof after)[]) {
    if (k === 'reference' || JSON.stringify(after[k]) === JSON.stringify(before[k])) continue;
    // A legal basis removed is sent as null; a review date cannot be removed, only moved.
    if (k === 'legalBasis') changed[k] = after[k] ?? null;
    else if (after[k] !== undefined) changed[k] = after[k];
  }
  return { ...changed, data: (pruneEmpty(data) as Record<string, unknown>) ?? {} };
}
