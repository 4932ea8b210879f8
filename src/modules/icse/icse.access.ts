// Who may touch child-exploitation media: users of units with the child-protection capability
// (`icse`) — the one access policy decides, rule 3 shutting everyone else out, the General
// Secretariat and the owner bureau's other units included. Media are shared among those units
// (that is the point: no two countries spend months on the same child), so the descriptor lets
// every bureau's icse units see them; API keys are refused (no system browses these media).
import type { Principal } from '../../platform/auth/principal.js';
import { ProblemError } from '../../platform/http/problem.js';
import { type AccessDescriptor, decideAccess } from '../../platform/policy/access.js';

export function accessOfIcse(ownerBureau: string): AccessDescriptor {
  return { ownerBureau, restriction: { mode: 'everyone' }, handling: 'restricted', capability: 'icse' };
}

export function maySeeIcse(p: Principal, ownerBureau: string): boolean {
  return p.type === 'user' && decideAccess(p, accessOfIcse(ownerBureau)) === 'see';
}

/** Refuses, before anything is read, a principal who may see no ICSE data at all. */
export function assertIcseUser(p: Principal): void {
  if (
    p.type !== 'user' ||
    !p.capabilities.includes('icse') ||
    decideAccess(p, accessOfIcse(p.bureau)) !== 'see'
  ) {
    throw new ProblemError(
      403,
      'missing_capability',
      'Child-exploitation media need a child-protection unit',
    );
  }
}
