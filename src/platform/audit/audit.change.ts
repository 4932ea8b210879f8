// The audit event of a successful change to the organisation (a unit, a user, an API key):
// by a principal, or by the operator's CLI on the server itself (no principal).
import type { RequestMeta } from '../../context.js';
import type { Principal } from '../auth/principal.js';
import type { AuditInput } from './audit.types.js';
import type { AuditLog } from './audit.writer.js';

export function recordChange(
  audit: AuditLog,
  actor: Principal | null,
  action: string,
  target: { type: string; id: string; bureau: string },
  meta: RequestMeta,
  details?: AuditInput['details'],
) {
  return audit.record({
    actor,
    actorType: actor ? undefined : 'system',
    action,
    outcome: 'success',
    requestId: meta.requestId,
    target,
    details,
  });
}
