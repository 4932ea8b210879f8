// One audit call for every ICSE read and change: the strongest audit (every view, every reveal),
// with the request and its stated purpose.
import type { AppContext, RequestMeta } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';

export async function audit(
  ctx: AppContext,
  p: Principal,
  action: string,
  target: { type: string; id?: string; bureau?: string },
  meta: RequestMeta,
  outcome: 'success' | 'denied' = 'success',
  details?: Record<string, string | number | boolean | null>,
) {
  await ctx.audit.record({
    actor: p,
    action,
    target,
    outcome,
    requestId: meta.requestId,
    purpose: meta.purpose,
    details,
  });
}
