// The pure part of an import: rows of a file become either stored forms of records (row and
// search keys, ready to write) or rejections with their reasons. No database: it runs in the
// import's worker thread, beside the thread that writes.
import type { Principal } from '../../../platform/auth/principal.js';
import type { DatabaseDefinition, FieldIssue } from '../catalogue/catalogue.types.js';
import { buildRecordWrite, type PackedWrite, packWrite } from '../records.row.js';
import type { CreateRecordInput } from '../records.schema.js';
import { envelopeIssues } from '../records.service.js';
import { createBodyIssues, prepareData } from '../records.validate.js';
import type { SourceRow } from './import.source.js';

export interface RejectedRow {
  /** 1-based number of the record in the file. */
  row: number;
  reference: string | null;
  errors: FieldIssue[];
}

export interface PreparedRow {
  row: number;
  reference: string;
  /** Whether the row gave its own review date (else a re-import keeps the stored one). */
  reviewDateGiven: boolean;
  write: PackedWrite;
}

export interface PreparedBatch {
  processed: number;
  rejected: RejectedRow[];
  valid: PreparedRow[];
}

/**
 * Checks the shape of each row's body. Rows that take their whole envelope from the import's
 * defaults share one check of those defaults (a million rows need not validate the same
 * restriction a million times); only their own fields, the reference and the data, are checked.
 */
function envelopeChecker(defaults: Partial<CreateRecordInput> | undefined) {
  const sample = createBodyIssues({ ...defaults, reference: 'x', data: {} });
  const none: FieldIssue[] = [];
  return (raw: Record<string, unknown>, body: Record<string, unknown>): FieldIssue[] => {
    for (const k in raw) if (k !== 'reference' && k !== 'data') return createBodyIssues(body);
    const ref = body.reference;
    const refOk = typeof ref === 'string' && ref.length >= 1 && ref.length <= 64 && ref === ref.trim();
    const dataOk = typeof body.data === 'object' && body.data !== null && !Array.isArray(body.data);
    if (refOk && dataOk && sample.length === 0) return none;
    const issues = [...sample];
    if (!refOk)
      issues.push({ field: 'reference', message: 'is required: 1–64 characters without surrounding spaces' });
    if (!dataOk) issues.push({ field: 'data', message: 'must be object' });
    return issues;
  };
}

export function createRowPreparer(
  def: DatabaseDefinition,
  owner: string,
  principal: Principal,
  defaults: Partial<CreateRecordInput> | undefined,
  now: string,
) {
  const seen = new Map<string, number>();
  const envelopeOf = envelopeChecker(defaults);
  return (rows: SourceRow[]): PreparedBatch => {
    const out: PreparedBatch = { processed: rows.length, rejected: [], valid: [] };
    for (const { row, body: raw } of rows) {
      if ('unreadable' in raw) {
        out.rejected.push({
          row,
          reference: null,
          errors: [{ field: 'row', message: String(raw.unreadable) }],
        });
        continue;
      }
      const body = { ...defaults, ...raw } as CreateRecordInput;
      const reference = typeof body.reference === 'string' ? body.reference : null;
      const shape = envelopeOf(raw, body);
      if (shape.length > 0) {
        out.rejected.push({ row, reference, errors: shape });
        continue;
      }
      const earlier = seen.get(body.reference);
      if (earlier !== undefined) {
        out.rejected.push({
          row,
          reference,
          errors: [{ field: 'reference', message: `is also in row ${earlier} of this file` }],
        });
        continue;
      }
      seen.set(body.reference, row);
      const prepared = prepareData(def, body.data, owner);
      const envelope = envelopeIssues(def, owner, body, prepared.data);
      const issues = prepared.errors.length === 0 ? envelope : [...envelope, ...prepared.errors];
      if (issues.length > 0) {
        out.rejected.push({ row, reference, errors: issues });
        continue;
      }
      out.valid.push({
        row,
        reference: body.reference,
        reviewDateGiven: body.reviewDate !== undefined,
        write: packWrite(
          buildRecordWrite(def, body, prepared.data, prepared.warnings, principal, owner, now),
        ),
      });
    }
    return out;
  };
}
