// Hash lists in and out. Import: Project VIC (VICS) JSON — version 1 (cases, each with its
// media) or version 2 (a flat list of media) — and the `meridian pdq` list (`hash,quality,file`
// lines), so a bureau can hash its own collections and share the list. Each entry becomes a
// hash-only medium of the importing bureau, matched against everything known like an upload.
// Export: the bureau's media as VICS version 1 cases, with PDQ as an alternative hash.
import type { AppContext, RequestMeta } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { IcseMediaTable } from '../../platform/db/schema.js';
import { type FieldError, ProblemError } from '../../platform/http/problem.js';
import { uuid7 } from '../../platform/ids/uuid7.js';
import { nowIso } from '../../platform/time.js';
import { assertIcseUser, maySeeIcse } from './icse.access.js';
import { writeMedium } from './icse.ingest.js';
import { findMatches } from './icse.match.js';
import { seriesRow, statusOfSeries } from './icse.series.js';
import * as store from './icse.store.js';

export const VICS_CONTEXT = 'http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Cases';
const MAX_ENTRIES = 100_000;
const HEX = (n: number) => new RegExp(`^[0-9a-fA-F]{${n}}$`);
const MD5 = HEX(32);
const SHA1 = HEX(40);
const PDQ = HEX(64);

/** One entry of a hash list, checked. */
export interface HashEntry {
  md5: string | null;
  sha1: string | null;
  pdq: string | null;
  quality: number | null;
  category: number | null;
  series: string | null;
  victimIdentified: boolean | null;
  offenderIdentified: boolean | null;
  caseName: string | null;
  fileName: string | null;
  size: number | null;
}

type Json = Record<string, unknown>;
const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

function entryOf(m: Json, at: string, caseName: string | null, errors: FieldError[]): HashEntry | null {
  const before = errors.length;
  const hex = (key: string, re: RegExp) => {
    const v = m[key];
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string' || !re.test(v)) {
      errors.push({ field: `${at}/${key}`, message: 'is not a hexadecimal digest of the right length' });
      return null;
    }
    return v.toLowerCase();
  };
  const md5 = hex('MD5', MD5);
  const sha1 = hex('SHA1', SHA1);
  let pdq: string | null = null;
  let quality: number | null = null;
  const alt = m.AlternativeHashes;
  if (alt !== undefined && alt !== null) {
    if (!Array.isArray(alt)) errors.push({ field: `${at}/AlternativeHashes`, message: 'must be a list' });
    else {
      alt.forEach((h, i) => {
        if (!isObj(h) || String(h.HashName ?? '').toUpperCase() !== 'PDQ') return;
        const v = h.HashValue;
        if (typeof v !== 'string' || !PDQ.test(v)) {
          errors.push({
            field: `${at}/AlternativeHashes/${i}/HashValue`,
            message: 'is not a 64-digit PDQ hash',
          });
        } else pdq = v.toLowerCase();
        // Not in the VICS model, but kept when a list carries it; a listed PDQ is taken as usable.
        const q = h.Quality;
        quality = typeof q === 'number' && Number.isInteger(q) && q >= 0 && q <= 100 ? q : 100;
      });
    }
  }
  const cat = m.Category;
  let category: number | null = null;
  if (cat !== undefined && cat !== null) {
    if (typeof cat !== 'number' || !Number.isInteger(cat) || cat < 0 || cat > 4) {
      errors.push({ field: `${at}/Category`, message: 'must be a Project VIC category from 0 to 4' });
    } else category = cat;
  }
  const flag = (key: string) => {
    const v = m[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'boolean') {
      errors.push({ field: `${at}/${key}`, message: 'must be true or false' });
      return null;
    }
    return v;
  };
  const victimIdentified = flag('VictimIdentified');
  const offenderIdentified = flag('OffenderIdentified');
  if (!md5 && !sha1 && !pdq && errors.length === before) {
    errors.push({ field: at, message: 'carries no MD5, SHA1 or PDQ hash' });
  }
  const series = typeof m.Series === 'string' && m.Series.trim() ? m.Series.trim().slice(0, 200) : null;
  const size = typeof m.MediaSize === 'number' && Number.isInteger(m.MediaSize) ? m.MediaSize : null;
  const fileName = typeof m.RelativeFilePath === 'string' ? m.RelativeFilePath.slice(0, 255) : null;
  if (errors.length > before) return null;
  return {
    md5,
    sha1,
    pdq,
    quality,
    category,
    series,
    victimIdentified,
    offenderIdentified,
    caseName,
    fileName,
    size,
  };
}

/** The entries of a VICS document (version 1 or 2), or a 400 naming every bad field. */
export function parseVics(doc: unknown): HashEntry[] {
  const errors: FieldError[] = [];
  const out: HashEntry[] = [];
  if (!isObj(doc) || !Array.isArray(doc.value)) {
    throw new ProblemError(400, 'invalid_input', 'A VICS document is an object with a "value" list', [
      { field: 'value', message: 'is required and must be a list' },
    ]);
  }
  doc.value.forEach((item, i) => {
    if (!isObj(item)) {
      errors.push({ field: `value/${i}`, message: 'must be an object' });
    } else if (Array.isArray(item.Media)) {
      const caseName = String(item.CaseNumber ?? item.CaseID ?? '').slice(0, 200) || null;
      item.Media.forEach((m, j) => {
        const e = isObj(m) ? entryOf(m, `value/${i}/Media/${j}`, caseName, errors) : null;
        if (!isObj(m)) errors.push({ field: `value/${i}/Media/${j}`, message: 'must be an object' });
        if (e) out.push(e);
      });
    } else {
      const e = entryOf(item, `value/${i}`, null, errors);
      if (e) out.push(e);
    }
  });
  if (out.length + errors.length > MAX_ENTRIES) {
    throw new ProblemError(413, 'too_large', `One import holds at most ${MAX_ENTRIES} entries`, [
      { field: 'value', message: 'has too many entries' },
    ]);
  }
  if (errors.length > 0) {
    throw new ProblemError(
      400,
      'invalid_input',
      `${errors.length} entries are not valid; nothing was imported`,
      errors.slice(0, 100),
    );
  }
  return out;
}

/** The `meridian pdq` list: `hash,quality,file` lines (a header line is allowed). */
export function parsePdqList(csv: string): HashEntry[] {
  const errors: FieldError[] = [];
  const out: HashEntry[] = [];
  for (const [i, line] of csv.split(/\r?\n/).entries()) {
    const text = line.trim();
    if (!text || (i === 0 && text.toLowerCase().startsWith('hash,'))) continue;
    const [hash, q, ...rest] = text.split(',');
    const quality = Number(q);
    if (!hash || !PDQ.test(hash)) {
      errors.push({ field: `csv/${i + 1}`, message: 'does not start with a 64-digit PDQ hash' });
      continue;
    }
    if (!Number.isInteger(quality) || quality < 0 || quality > 100) {
      errors.push({ field: `csv/${i + 1}`, message: 'has no quality from 0 to 100' });
      continue;
    }
    out.push({
      md5: null,
      sha1: null,
      pdq: hash.toLowerCase(),
      quality,
      category: null,
      series: null,
      victimIdentified: null,
      offenderIdentified: null,
      caseName: null,
      fileName: rest.join(',').slice(0, 255) || null,
      size: null,
    });
  }
  if (errors.length > 0) {
    throw new ProblemError(
      400,
      'invalid_input',
      `${errors.length} lines are not valid; nothing was imported`,
      errors.slice(0, 100),
    );
  }
  if (out.length === 0)
    throw new ProblemError(400, 'invalid_input', 'The list is empty', [
      { field: 'csv', message: 'holds no hash' },
    ]);
  if (out.length > MAX_ENTRIES) {
    throw new ProblemError(413, 'too_large', `One import holds at most ${MAX_ENTRIES} entries`, [
      { field: 'csv', message: 'has too many lines' },
    ]);
  }
  return out;
}

/** The series of this name (the first opened), or a new one of the importing bureau. */
async function seriesFor(
  ctx: AppContext,
  p: Principal,
  name: string,
  cache: Map<string, { id: string; created: boolean }>,
) {
  const had = cache.get(name);
  if (had) return had.id;
  const existing = await store.seriesByName(ctx.db, name);
  let found = { id: existing?.id ?? '', created: false };
  if (!existing) {
    const row = seriesRow(p, name, null);
    await ctx.db.insertInto('icse_series').values(row).execute();
    found = { id: row.id, created: true };
  }
  cache.set(name, found);
  return found.id;
}

/** Imports checked entries; an entry this bureau already imported with the same hashes is skipped. */
export async function importEntries(
  ctx: AppContext,
  p: Principal,
  entries: HashEntry[],
  format: string,
  meta: RequestMeta,
) {
  assertIcseUser(p);
  const series = new Map<string, { id: string; created: boolean }>();
  let imported = 0;
  let skipped = 0;
  let matched = 0;
  for (const e of entries) {
    const same = await ctx.db
      .selectFrom('icse_media')
      .select('id')
      .where('owner_bureau', '=', p.bureau)
      .where('source', '=', 'import')
      .where((eb) =>
        eb.and([
          e.md5 ? eb('md5', '=', e.md5) : eb('md5', 'is', null),
          e.sha1 ? eb('sha1', '=', e.sha1) : eb('sha1', 'is', null),
          e.pdq ? eb('pdq', '=', e.pdq) : eb('pdq', 'is', null),
        ]),
      )
      .executeTakeFirst();
    if (same) {
      skipped++;
      continue;
    }
    let seriesId: string | null = null;
    if (e.series) {
      seriesId = await seriesFor(ctx, p, e.series, series);
    }
    const row: IcseMediaTable = {
      id: uuid7(),
      owner_bureau: p.bureau,
      owner_unit: p.unitId,
      created_by: p.name,
      created_at: nowIso(),
      source: 'import',
      kind: 'hashes',
      batch_id: null,
      file_name: e.fileName,
      mime: null,
      size: e.size,
      md5: e.md5,
      sha1: e.sha1,
      sha256: null,
      pdq: e.pdq,
      pdq_quality: e.pdq ? e.quality : null,
      category: e.category,
      series_id: seriesId,
      import_case: e.caseName,
      victim_identified: e.victimIdentified === null ? null : e.victimIdentified ? 1 : 0,
      offender_identified: e.offenderIdentified === null ? null : e.offenderIdentified ? 1 : 0,
      version: 1,
    };
    const found = await findMatches(
      ctx,
      { md5: e.md5, sha1: e.sha1, pdq: e.pdq ? { hash: e.pdq, quality: e.quality ?? 100 } : null },
      row.id,
    );
    await writeMedium(ctx, row, e.pdq ? [{ frame: null, pdq: e.pdq, quality: e.quality ?? 100 }] : [], found);
    imported++;
    if (found.length > 0) matched++;
  }
  const newSeries = [...series.values()].filter((s) => s.created).length;
  await ctx.audit.record({
    actor: p,
    action: 'icse.import',
    target: { type: 'icse_media', bureau: p.bureau },
    outcome: 'success',
    requestId: meta.requestId,
    details: { format, imported, skipped, matched, new_series: newSeries },
  });
  return { imported, skipped, matched, newSeries };
}

/** The bureau's media (of one series, or all) as a VICS version 1 document. */
export async function exportVics(ctx: AppContext, p: Principal, q: { seriesId?: string }, meta: RequestMeta) {
  assertIcseUser(p);
  let query = ctx.db
    .selectFrom('icse_media')
    .selectAll()
    .where('owner_bureau', '=', p.bureau)
    .orderBy('created_at');
  if (q.seriesId) query = query.where('series_id', '=', q.seriesId);
  const media = (await query.execute()).filter((m) => maySeeIcse(p, m.owner_bureau));
  const seriesIds = [...new Set(media.map((m) => m.series_id).filter((s): s is string => s !== null))];
  const [series, subjects] = await Promise.all([
    store.seriesByIds(ctx.db, seriesIds),
    store.subjectsOfSeries(ctx.db, seriesIds),
  ]);
  const seriesById = new Map(series.map((s) => [s.id, s]));
  const cases = new Map<string, Json[]>();
  media.forEach((m, i) => {
    const s = m.series_id ? seriesById.get(m.series_id) : undefined;
    const subs = s ? subjects.filter((x) => x.series_id === s.id) : [];
    const offenders = subs.filter((x) => x.role === 'offender');
    const caseName = m.import_case ?? `MERIDIAN-${p.bureau}`;
    const list = cases.get(caseName) ?? [];
    list.push({
      MediaID: i + 1,
      Category: m.category,
      MD5: m.md5?.toUpperCase() ?? null,
      SHA1: m.sha1?.toUpperCase() ?? null,
      MediaSize: m.size,
      Series: s?.name ?? null,
      VictimIdentified: s ? statusOfSeries(subs) === 'victim_identified' : m.victim_identified === 1,
      OffenderIdentified: s
        ? offenders.length > 0 && offenders.every((o) => o.identified === 1)
        : m.offender_identified === 1,
      IsPrecategorized: m.category !== null,
      AlternativeHashes: m.pdq ? [{ HashName: 'PDQ', HashValue: m.pdq, Quality: m.pdq_quality }] : [],
    });
    cases.set(caseName, list);
  });
  await ctx.audit.record({
    actor: p,
    action: 'icse.export',
    target: { type: 'icse_media', bureau: p.bureau },
    outcome: 'success',
    requestId: meta.requestId,
    details: { format: 'vics', count: media.length, series: q.seriesId ?? null },
  });
  return {
    'odata.metadata': VICS_CONTEXT,
    value: [...cases.entries()].map(([name, list]) => ({
      CaseNumber: name,
      SourceApplicationName: 'Meridian',
      Media: list,
    })),
  };
}
