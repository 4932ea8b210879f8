// Notices as other modules reference them (a link chart's nodes): judged by the same
// `accessOfNotice` every read of a notice uses.
import type { Executor } from '../../platform/db/schema.js';
import { accessOfNotice } from './notices.row.js';

export async function noticeAccessById(ex: Executor, ids: string[]) {
  const out = new Map<string, { label: string; access: ReturnType<typeof accessOfNotice> }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ex
      .selectFrom('notices')
      .select([
        'id',
        'requesting_bureau',
        'status',
        'kind',
        'type',
        'recipients',
        'handling',
        'control_number',
      ])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        label: `${r.type} ${r.kind} ${r.control_number ?? ''}`.trim(),
        access: accessOfNotice(r),
      });
    }
  }
  return out;
}
