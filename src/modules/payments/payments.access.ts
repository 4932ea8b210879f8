// Who sees a payment case, through the one access policy: it needs the payments capability
// (financial units, and bureaus' central offices); the victim's bureau owns the case and each
// receiving bureau is let in; the General Secretariat's reviewers see all (overdue requests are
// flagged to it). Inside a case, a receiving bureau sees its own part only.
import type { Principal } from '../../platform/auth/principal.js';
import type { PaymentPartTable } from '../../platform/db/schema.js';
import { type AccessDescriptor, decideAccess } from '../../platform/policy/access.js';

export function accessOfPart(requestingBureau: string, receivingBureau: string): AccessDescriptor {
  return {
    ownerBureau: requestingBureau,
    restriction: { mode: 'only', bureaus: [receivingBureau] },
    handling: 'restricted',
    capability: 'payments',
  };
}

export function accessOfCase(
  requestingBureau: string,
  parts: Pick<PaymentPartTable, 'receiving_bureau'>[],
): AccessDescriptor {
  return {
    ownerBureau: requestingBureau,
    restriction: { mode: 'only', bureaus: [...new Set(parts.map((x) => x.receiving_bureau))] },
    handling: 'restricted',
    capability: 'payments',
  };
}

/** The parts of a case `p` may see: all (the requester, the GS), or its own bureau's. */
export function visibleParts<T extends Pick<PaymentPartTable, 'receiving_bureau'>>(
  p: Principal,
  requestingBureau: string,
  parts: T[],
): T[] {
  if (decideAccess(p, accessOfCase(requestingBureau, parts)) !== 'see') return [];
  const own = parts.filter((x) => x.receiving_bureau === p.bureau);
  return p.bureau === requestingBureau || own.length === 0 ? parts : own;
}
