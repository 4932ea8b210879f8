// Who may administer a bureau (its units, users and API keys): that bureau's administrators,
// and the General Secretariat's administrators for every bureau.
import { ProblemError } from '../http/problem.js';
import { GENERAL_SECRETARIAT, hasRole, type Principal } from './principal.js';

export function canAdministerBureau(p: Principal, bureau: string): boolean {
  if (hasRole(p, 'gs_admin') && p.bureau === GENERAL_SECRETARIAT) return true;
  return hasRole(p, 'bureau_admin') && p.bureau === bureau;
}

export function assertCanAdministerBureau(p: Principal, bureau: string): void {
  if (!canAdministerBureau(p, bureau)) {
    throw new ProblemError(403, 'forbidden', `Only an administrator of bureau ${bureau} may do this`);
  }
}

/** Members of a bureau may see its organisation (units); so may the General Secretariat. */
export function canViewBureauOrganisation(p: Principal, bureau: string): boolean {
  return p.bureau === bureau || p.bureau === GENERAL_SECRETARIAT;
}
