// The access policy: the ONE function every read of police data goes through.
//
// For a principal (or the public) and a piece of data described by its owner bureau, its
// restriction, its handling code and, where it belongs to one, a capability domain, it answers:
//   see     — may read it;
//   exists  — may learn that it exists and must contact the owner bureau;
//   none    — nothing; to the caller it reads "Not found or no access" (so a refusal never
//             reveals that the data exists).
//
// Rules, in order (the first that applies decides):
//   1. `public` data of no capability domain is `see` for everyone, signed in or not (what the
//      public may read, no signed-in user is refused). Otherwise no principal gets `none`.
//   2. Reading police data needs a data role (officer, supervisor, dpo, gs_reviewer, system).
//      A principal with only administrative roles (bureau_admin, gs_admin) gets `none`:
//      administrators manage people, they do not read police data.
//   3. Data of a capability domain (e.g. `icse`) is `none` to a principal without that
//      capability — the owner bureau and the General Secretariat included (need-to-know by unit).
//      One exception, border checks: data marked `screenable` (stolen documents and vehicles,
//      wanted persons) may be found by a principal with the `screening` capability, but such a
//      principal only ever learns that it `exists` (where the rules below would let it see or
//      learn of it) and must contact the owner bureau — a border post checks, it does not browse.
//   4. The owner bureau sees its own data, whatever the restriction says.
//   5. General Secretariat (`XG`) reviewers and DPOs see all data: they review it for
//      compliance — except a private exchange between bureaus (messages), which the GS reads
//      only when a party grants it. Other GS principals are treated like any bureau below.
//   6. `public` data of a capability domain is seen by everyone who passed rules 2–3.
//   7. A bureau the restriction allows sees `official` and `restricted` data; `confidential`
//      data only `exists` for it (the owner releases it case by case).
//   8. A bureau restricted away learns that `official` data exists (and must contact the owner);
//      `restricted` and `confidential` data are `none`.
// Bureau codes are upper-case ISO alpha-2; we upper-case defensively before comparing.
import {
  type Capability,
  GENERAL_SECRETARIAT,
  hasRole,
  type Principal,
  type Role,
} from '../auth/principal.js';

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
  /** Border checks may find it (rule 3): a principal with `screening` learns that it exists. */
  screenable?: boolean;
  /**
   * A direct exchange between bureaus (a message): the General Secretariat's review right
   * (rule 5) does not reach it; only a party's grant, which names `XG` in the restriction, does.
   */
  privateExchange?: boolean;
}

export type AccessDecision = 'see' | 'exists' | 'none';

/** Stable machine codes naming the rule that decided; safe to store in audit and assert in tests. */
export type AccessReason =
  | 'public' // rules 1 and 6: public data
  | 'unauthenticated' // rule 1: the public asked for non-public data
  | 'no_data_role' // rule 2
  | 'missing_capability' // rule 3
  | 'screening_exists' // rule 3: a border check found screenable data → exists
  | 'owner' // rule 4
  | 'gs_review' // rule 5
  | 'allowed' // rule 7: official or restricted, bureau allowed
  | 'allowed_confidential' // rule 7: confidential, bureau allowed → exists
  | 'restricted_away_exists' // rule 8: official, bureau restricted away → exists
  | 'restricted_away'; // rule 8: restricted or confidential, bureau restricted away

export interface AccessExplanation {
  decision: AccessDecision;
  reason: AccessReason;
}

/** The one message shown for `none`, so refusal and absence look the same. */
export const NOT_FOUND_OR_NO_ACCESS = 'Not found or no access';

const DATA_ROLES: readonly Role[] = ['officer', 'supervisor', 'dpo', 'gs_reviewer', 'system'];
const GS_REVIEW_ROLES: readonly Role[] = ['gs_reviewer', 'dpo'];

const norm = (code: string) => code.toUpperCase();

/** Whether the restriction lets `bureau` see the data (it says nothing of the owner; see rule 4). */
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

const decide = (decision: AccessDecision, reason: AccessReason): AccessExplanation => ({ decision, reason });

export function explainAccess(principal: Principal | null, data: AccessDescriptor): AccessExplanation {
  // 1. Public data of no capability domain is public: to everyone, signed in or not.
  if (data.handling === 'public' && !data.capability) return decide('see', 'public');
  if (principal === null) return decide('none', 'unauthenticated');
  // 2. Data roles.
  if (!hasRole(principal, ...DATA_ROLES)) return decide('none', 'no_data_role');
  // 3. Capability domain; a border check of screenable data learns at most that it exists.
  if (data.capability && !principal.capabilities.includes(data.capability)) {
    if (!data.screenable || !principal.capabilities.includes('screening')) {
      return decide('none', 'missing_capability');
    }
    const below = explainAccess(principal, { ...data, capability: undefined, screenable: false });
    return below.decision === 'none' ? below : decide('exists', 'screening_exists');
  }
  const bureau = norm(principal.bureau);
  // 4. Owner.
  if (bureau === norm(data.ownerBureau)) return decide('see', 'owner');
  // 5. General Secretariat review (not of a private exchange between bureaus).
  if (bureau === GENERAL_SECRETARIAT && hasRole(principal, ...GS_REVIEW_ROLES) && !data.privateExchange) {
    return decide('see', 'gs_review');
  }
  // 6. Public data.
  if (data.handling === 'public') return decide('see', 'public');
  // 7. Allowed by the restriction.
  if (isBureauAllowed(data.restriction, bureau)) {
    return data.handling === 'confidential'
      ? decide('exists', 'allowed_confidential')
      : decide('see', 'allowed');
  }
  // 8. Restricted away.
  return data.handling === 'official'
    ? decide('exists', 'restricted_away_exists')
    : decide('none', 'restricted_away');
}

export function decideAccess(principal: Principal | null, data: AccessDescriptor): AccessDecision {
  return explainAccess(principal, data).decision;
}
