// Who sees a payment case, through the one access policy: it needs the payments capability
// (financial units, and bureaus' central offices); the victim's bureau owns the case and each
// receiving bureau is let in; the General Secretariat's reviewers see all (overdue requests are
// flagged to it). Inside a case, a receiving bureau sees its own part only.
import type { Principal } from '../../platform/auth/principal.js';
import type { Executor, PaymentPartTable } from '../../platform/db/schema.js';
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

/** Payment cases as other modules reference them (a link chart's nodes), judged by `accessOfCase`. */
export async function caseAccessById(ex: Executor, ids: string[]) {
  const out = new Map<string, { label: string; access: AccessDescriptor }>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const cases = await ex
      .selectFrom('payment_cases')
      .select(['id', 'requesting_bureau', 'fraud_type'])
      .where('id', 'in', chunk)
      .execute();
    const parts = await ex
      .selectFrom('payment_parts')
      .select(['case_id', 'receiving_bureau'])
      .where('case_id', 'in', chunk)
      .execute();
    for (const c of cases) {
      const own = parts.filter((x) => x.case_id === c.id);
      out.set(c.id, { label: c.fraud_type, access: accessOfCase(c.requesting_bureau, own) });
    }
  }
  return out;
}
