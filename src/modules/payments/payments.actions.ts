// What the reader of a case may do now on each part, so that the console offers only what the
// server accepts (the rules of acknowledgePart, forwardPart and recordOutcome): the receiving
// bureau's officers act on their own part; an answered part may still record outcomes (a freeze
// later returned) but is no longer acknowledged or forwarded.
import { hasRole, type Principal } from '../../platform/auth/principal.js';
import type { PaymentPartTable } from '../../platform/db/schema.js';

export type PartAction = 'acknowledge' | 'forward' | 'outcome';

export function partActions(
  p: Principal,
  part: Pick<PaymentPartTable, 'receiving_bureau' | 'status'>,
): PartAction[] {
  const mayAct =
    p.capabilities.includes('payments') &&
    hasRole(p, 'officer', 'supervisor', 'system') &&
    p.bureau === part.receiving_bureau;
  if (!mayAct) return [];
  return [
    ...(part.status === 'sent' ? (['acknowledge'] as const) : []),
    ...(part.status !== 'answered' ? (['forward'] as const) : []),
    'outcome',
  ];
}
