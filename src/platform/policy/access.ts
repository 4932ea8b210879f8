// The access policy: the one function that decides every read of police data.
//
// For a principal (or the public) and a piece of data described by its owner bureau, its
// restriction, its handling code and, where it belongs to one, a capability domain, it answers:
//   see     — may read it;
//   exists  — may learn that it exists and must contact the owner bureau;
//   none    — nothing; to the caller it reads "Not found or no access".
//
// Rules, in order (the first that applies decides):
//   1. `public` data of no capability domain is seen by everyone, the public included;
//      other data is never seen by the public (no principal).
//   2. Reading police data needs a data role (officer, supervisor, dpo, gs_reviewer, system);
//      administrators (bureau_admin, gs_admin) manage people, they do not read police data.
//   3. Data of a capability domain (e.g. `icse`) is invisible to a principal without that
//      capability — the owner bureau and the General Secretariat included.
//   4. The owner bureau sees its own data.
//   5. General Secretariat reviewers and DPOs see all data (they review it for compliance).
//   6. `public` data of a capability domain is seen by everyone left.
//   7. A bureau the restriction allows sees `official` and `restricted` data; `confidential`
//      data only `exists` for it (the owner releases it case by case).
//   8. A bureau restricted away learns that `official` data exists; `restricted` and
//      `confidential` data are `none`.
import { type Capability, GENERAL_SECRETARIAT, type Principal, type Role } from '../auth/principal.js';

export const HANDLING_CODES = ['public', 'official', 'restricted', 'confidential'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

export type Restriction =
  | { mode: 'everyone' }
  | { mode: 'only'; bureaus: string[] }
  | { mode: 'except'; bureaus: string[] };

export interface AccessDescriptor {
  ownerBureau: string;
  restriction: Restriction;
  handling: HandlingCode;
  /** The domain the data belongs to, when reading it needs that capability (e.g. 'icse'). */
  capability?: Capability;
}

export type AccessDecision = 'see' | 'exists' | 'none';

export interface AccessExplanation {
  decision: AccessDecision;
  /** A stable machine code for the rule that decided, for audit and tests. */
  reason:
    | 'public'
    | 'not_public'
    | 'no_data_role'
    | 'missing_capability'
    | 'owner'
    | 'gs_review'
    | 'allowed'
    | 'allowed_confidential'
    | 'restricted_away_exists'
    | 'restricted_away';
}

export const NOT_FOUND_OR_NO_ACCESS = 'Not found or no access';

const DATA_ROLES: readonly Role[] = ['officer', 'supervisor', 'dpo', 'gs_reviewer', 'system'];
const GS_REVIEW_ROLES: readonly Role[] = ['gs_reviewer', 'dpo'];

const norm = (code: string) => code.toUpperCase();

/** Whether the restriction lets `bureau` see the data (the owner always may; see rule 4). */
export function isBureauAllowed(restriction: Restriction, bureau: string): boolean {
  const b = norm(bureau);
  switch (restriction.mode) {
    case 'everyone':
      return true;
    case 'only':
      return restriction.bureaus.some((x) => norm(x) === b);
    case 'except':
      return !restriction.bureaus.some((x) => norm(x) === b);
  }
}

export function explainAccess(principal: Principal | null, data: AccessDescriptor): AccessExplanation {
  if (data.handling === 'public' && !data.capability) return { decision: 'see', reason: 'public' };
  if (!principal) return { decision: 'none', reason: 'not_public' };
  if (!principal.roles.some((r) => DATA_ROLES.includes(r)))
    return { decision: 'none', reason: 'no_data_role' };
  if (data.capability && !principal.capabilities.includes(data.capability)) {
    return { decision: 'none', reason: 'missing_capability' };
  }
  const bureau = norm(principal.bureau);
  if (bureau === norm(data.ownerBureau)) return { decision: 'see', reason: 'owner' };
  if (bureau === GENERAL_SECRETARIAT && principal.roles.some((r) => GS_REVIEW_ROLES.includes(r))) {
    return { decision: 'see', reason: 'gs_review' };
  }
  if (data.handling === 'public') return { decision: 'see', reason: 'public' };
  if (isBureauAllowed(data.restriction, bureau)) {
    return data.handling === 'confidential'
      ? { decision: 'exists', reason: 'allowed_confidential' }
      : { decision: 'see', reason: 'allowed' };
  }
  return data.handling === 'official'
    ? { decision: 'exists', reason: 'restricted_away_exists' }
    : { decision: 'none', reason: 'restricted_away' };
}

export function decideAccess(principal: Principal | null, data: AccessDescriptor): AccessDecision {
  return explainAccess(principal, data).decision;
}
