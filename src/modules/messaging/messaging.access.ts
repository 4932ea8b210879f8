// Who may read a message, decided by the one access policy: the sender's bureau (the owner) and
// the recipient bureaus (the restriction), as a private exchange the General Secretariat reads
// only when it is a party or a party granted it access. Within a recipient bureau, a message
// addressed to units only is for those units and the bureau's central office (users with no unit).
import type { Principal } from '../../platform/auth/principal.js';
import { GENERAL_SECRETARIAT } from '../../platform/auth/principal.js';
import type { MessageRecipientTable, MessageTable } from '../../platform/db/schema.js';
import { type AccessDescriptor, decideAccess } from '../../platform/policy/access.js';

export function accessOfMessage(
  m: Pick<MessageTable, 'sender_bureau' | 'gs_party'>,
  recipientBureaus: string[],
  gsGranted: boolean,
): AccessDescriptor {
  const bureaus = [...new Set([...recipientBureaus, ...(gsGranted ? [GENERAL_SECRETARIAT] : [])])];
  return {
    ownerBureau: m.sender_bureau,
    restriction: { mode: 'only', bureaus },
    // The handling codes of messages (police use only…) say what a recipient may do with it;
    // to the policy a message is restricted: nobody outside the exchange learns it exists.
    handling: 'restricted',
    capability: 'messaging',
    privateExchange: m.gs_party !== 1 && !gsGranted,
  };
}

/** The policy's answer, then the unit narrowing inside a recipient bureau. */
export function maySee(
  p: Principal,
  m: Pick<MessageTable, 'sender_bureau' | 'gs_party'>,
  recipients: Pick<MessageRecipientTable, 'bureau' | 'unit'>[],
  gsGranted: boolean,
): boolean {
  const decision = decideAccess(
    p,
    accessOfMessage(
      m,
      recipients.map((r) => r.bureau),
      gsGranted,
    ),
  );
  if (decision !== 'see') return false;
  if (p.bureau === m.sender_bureau || p.unitId === null) return true;
  const own = recipients.filter((r) => r.bureau === p.bureau);
  // No delivery to this bureau: the GS reading a granted exchange, or the policy's review right.
  if (own.length === 0) return true;
  return own.some((r) => r.unit === '' || r.unit === p.unitId);
}
