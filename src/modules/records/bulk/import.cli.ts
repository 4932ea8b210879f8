// `meridian import` and `meridian export`: the operator's bulk path, on the server itself. The
// operator acts for one bureau as a system principal; the audit chain records it as such.
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../../context.js';
import { CAPABILITIES, type Principal } from '../../../platform/auth/principal.js';
import { HANDLING_CODES, type HandlingCode } from '../../../platform/policy/access.js';
import type { CreateRecordInput } from '../records.schema.js';
import { exportRecords } from './export.service.js';
import { type ImportCounts, type ImportMode, type ImportOutcome, importRecords } from './import.service.js';
import type { ImportFormat } from './import.source.js';

/** The operator at the console of the server, acting for a bureau. */
export function operatorPrincipal(bureau: string): Principal {
  return {
    type: 'api_key',
    id: 'meridian-cli',
    name: 'meridian-cli',
    bureau: bureau.toUpperCase(),
    unitId: null,
    roles: ['system'],
    capabilities: [...CAPABILITIES],
  };
}

export interface ImportCommandOptions {
  bureau: string;
  format?: ImportFormat;
  mode: ImportMode;
  restriction?: string;
  handling?: string;
  purpose?: string;
  legalBasis?: string;
  reliability?: string;
  accuracy?: string;
}

export function formatOf(file: string, given?: ImportFormat): ImportFormat {
  if (given) return given;
  const ext = path.extname(file).toLowerCase();
  return ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : 'csv';
}

function defaultsOf(o: ImportCommandOptions): Partial<CreateRecordInput> {
  const d: Partial<CreateRecordInput> = {};
  if (o.restriction) {
    const m = /^(only|except):(.+)$/.exec(o.restriction);
    d.restriction = m
      ? { mode: m[1] as 'only' | 'except', bureaus: m[2]!.split(/[;,]/).map((b) => b.trim().toUpperCase()) }
      : ({ mode: o.restriction } as { mode: 'everyone' });
  }
  if (o.handling) d.handling = o.handling as HandlingCode;
  if (o.handling && !(HANDLING_CODES as readonly string[]).includes(o.handling)) {
    throw new Error(`--handling must be one of: ${HANDLING_CODES.join(', ')}`);
  }
  if (o.purpose) d.purpose = o.purpose;
  if (o.legalBasis) d.legalBasis = o.legalBasis;
  if (o.reliability) d.sourceReliability = o.reliability as CreateRecordInput['sourceReliability'];
  if (o.accuracy) d.infoAccuracy = Number(o.accuracy);
  return d;
}

/** Counts the lines of a file without reading it into memory, for the progress total. */
export async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const chunk of fs.createReadStream(file)) {
    for (const b of chunk as Buffer) if (b === 10) n++;
  }
  return n;
}

export async function runImportCommand(
  ctx: AppContext,
  database: string,
  file: string,
  opts: ImportCommandOptions,
  onProgress?: (c: ImportCounts) => void,
): Promise<ImportOutcome> {
  const principal = operatorPrincipal(opts.bureau);
  const format = formatOf(file, opts.format);
  const outcome = await importRecords(
    ctx,
    principal,
    database,
    { file },
    {
      format,
      mode: opts.mode,
      defaults: defaultsOf(opts),
      onProgress,
    },
  );
  await ctx.audit.record({
    actor: principal,
    actorType: 'system',
    action: 'record.import',
    target: { type: 'database', id: database, bureau: principal.bureau },
    outcome: 'success',
    details: {
      database,
      mode: opts.mode,
      status: outcome.status,
      created: outcome.created,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      rejected: outcome.rejected,
    },
  });
  return outcome;
}

export async function runExportCommand(
  ctx: AppContext,
  database: string,
  bureau: string,
  format: 'jsonl' | 'csv',
  out: NodeJS.WritableStream,
) {
  const stream = await exportRecords(ctx, operatorPrincipal(bureau), database, format, {});
  for await (const chunk of stream) {
    if (!out.write(chunk as string)) await new Promise((r) => out.once('drain', r));
  }
}
