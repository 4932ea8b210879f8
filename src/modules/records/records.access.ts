// Who may do what with records, beside the access policy (which decides every read):
// writing is for the owner bureau's officers, supervisors and systems with the capability.
import { GENERAL_SECRETARIAT, hasRole, type Principal } from '../../platform/auth/principal.js';
import type { Executor } from '../../platform/db/schema.js';
import { ProblemError } from '../../platform/http/problem.js';
import type { DatabaseDefinition } from './catalogue/catalogue.types.js';
import { accessOf } from './records.row.js';
import { findAccessColumns } from './records.store.js';

/** The bureau that owns what `principal` records in `def`. */
export function ownerFor(def: DatabaseDefinition, principal: Principal): string {
  return def.ownership === 'general_secretariat' ? GENERAL_SECRETARIAT : principal.bureau;
}

/** Refuses (403/409) a principal who may not record or change data in this database. */
export function assertMayWrite(principal: Principal, def: DatabaseDefinition) {
  if (def.managedBy) {
    throw new ProblemError(
      409,
      'managed_elsewhere',
      `Records of ${def.id} are managed by the ${def.managedBy} capability, not here`,
    );
  }
  if (!hasRole(principal, 'officer', 'supervisor', 'system')) {
    throw new ProblemError(
      403,
      'forbidden',
      'Recording police data needs the officer, supervisor or system role',
    );
  }
  if (!principal.capabilities.includes(def.capability)) {
    throw new ProblemError(403, 'missing_capability', `This needs the ${def.capability} capability`);
  }
  if (def.ownership === 'general_secretariat' && principal.bureau !== GENERAL_SECRETARIAT) {
    throw new ProblemError(403, 'forbidden', 'Only the General Secretariat maintains this reference table');
  }
}

/** Deleting is also a data-protection officer's duty within their own bureau. */
export function assertMayDelete(principal: Principal, def: DatabaseDefinition) {
  if (hasRole(principal, 'dpo') && principal.capabilities.includes(def.capability)) return;
  assertMayWrite(principal, def);
}

/** GS reviewers and DPOs review every record (policy rule 5), so lists need no pre-filter for them. */
export function reviewsEverything(principal: Principal): boolean {
  return principal.bureau === GENERAL_SECRETARIAT && hasRole(principal, 'gs_reviewer', 'dpo');
}

const BIOMETRIC = ['fingerprints', 'dna', 'facial_images'];

/**
 * Records holding personal data need a legal basis (DESIGN.md: "a legal basis where one is
 * needed"): always in the nominal and biometric databases; elsewhere when the record names a
 * person (a stolen passport's holder, a suspect of a piracy incident), not for a blank document.
 */
export function needsLegalBasis(def: DatabaseDefinition, data?: Record<string, unknown>): boolean {
  if (def.id === 'nominal' || BIOMETRIC.includes(def.id)) return true;
  return data !== undefined && (def.persons?.(data).length ?? 0) > 0;
}

/**
 * Records by id as other modules reference them (a link chart's nodes): the descriptor the
 * access policy judges each by — the same `accessOf` every read of a record uses — and what a
 * principal who may `see` it is shown. Missing ids are absent from the map.
 */
export async function recordAccessById(ex: Executor, ids: string[]) {
  const rows = await findAccessColumns(ex, ids);
  return new Map(
    rows.map((r) => [
      r.id,
      { database: r.database_id, label: r.label, status: r.status, version: r.version, access: accessOf(r) },
    ]),
  );
}
