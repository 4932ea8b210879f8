// Export of what a bureau owns in one database, as JSON Lines (create bodies, ready to import
// elsewhere) or CSV (the same columns import reads). Streamed a page at a time.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { AppContext, RequestMeta } from '../../../context.js';
import type { Principal } from '../../../platform/auth/principal.js';
import { hasRole } from '../../../platform/auth/principal.js';
import type { RecordTable } from '../../../platform/db/schema.js';
import { ProblemError } from '../../../platform/http/problem.js';
import { decideAccess } from '../../../platform/policy/access.js';
import { accessOf, toRecordDto } from '../records.row.js';
import { databaseOrThrow } from '../records.service.js';
import { csvCellsOf, ENVELOPE_COLUMNS } from './csv-columns.js';

const PAGE = 1000;

function bodyOf(row: RecordTable) {
  const r = toRecordDto(row);
  return {
    reference: r.reference,
    restriction: r.restriction,
    handling: r.handling,
    purpose: r.purpose,
    ...(r.legalBasis ? { legalBasis: r.legalBasis } : {}),
    reviewDate: r.reviewDate,
    sourceReliability: r.sourceReliability,
    infoAccuracy: r.infoAccuracy,
    data: r.data,
  };
}

/** The bureau's records of a database, each still decided by the access policy. */
async function* ownedRows(ctx: AppContext, principal: Principal, database: string) {
  const bureau = principal.bureau;
  let after: string | undefined;
  for (;;) {
    let q = ctx.db
      .selectFrom('records')
      .selectAll()
      .where('database_id', '=', database)
      .where('owner_bureau', '=', bureau)
      .orderBy('id')
      .limit(PAGE);
    if (after) q = q.where('id', '>', after);
    const rows = await q.execute();
    for (const r of rows) if (decideAccess(principal, accessOf(r)) === 'see') yield r;
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}

export async function exportRecords(
  ctx: AppContext,
  principal: Principal,
  databaseId: string,
  format: 'jsonl' | 'csv',
  meta: RequestMeta,
): Promise<Readable> {
  const def = databaseOrThrow(databaseId);
  if (
    !hasRole(principal, 'officer', 'supervisor', 'dpo', 'system') ||
    !principal.capabilities.includes(def.capability)
  ) {
    throw new ProblemError(
      403,
      'forbidden',
      `Exporting needs a data role and the ${def.capability} capability`,
    );
  }
  await ctx.audit.record({
    actor: principal,
    action: 'record.export',
    target: { type: 'database', id: def.id, bureau: principal.bureau },
    outcome: 'success',
    requestId: meta.requestId,
    details: { format },
  });
  if (format === 'jsonl') {
    return Readable.from(
      (async function* () {
        for await (const row of ownedRows(ctx, principal, def.id)) yield `${JSON.stringify(bodyOf(row))}\n`;
      })(),
    );
  }
  // CSV needs its columns first: one pass for the column set, one for the rows.
  const columns = new Set<string>(ENVELOPE_COLUMNS);
  for await (const row of ownedRows(ctx, principal, def.id)) {
    for (const c of Object.keys(csvCellsOf(bodyOf(row)))) columns.add(c);
  }
  const header = [...columns];
  return Readable.from(
    (async function* () {
      yield stringify([header]);
      for await (const row of ownedRows(ctx, principal, def.id)) {
        const cells = csvCellsOf(bodyOf(row));
        yield stringify([header.map((c) => cells[c] ?? '')]);
      }
    })(),
  );
}
