// A passenger or crew manifest (CSV, header row first) read in the browser into traveller items:
// a row gives an MRZ (`mrz`, its lines split by a line break inside quotes or by `|`), or the
// fields of its document and person. The server judges each item; this only maps columns.
import { parse } from 'csv-parse/browser/esm/sync';
import { MAX_ITEMS, normaliseMrz, type TravellerItem } from './screeningApi';

export const COLUMNS = [
  'mrz',
  'documentNumber',
  'issuingCountry',
  'documentType',
  'name',
  'dateOfBirth',
  'nationality',
  'sex',
] as const;
type Column = (typeof COLUMNS)[number];

export interface ManifestRow {
  /** 1 for the first row below the header. */
  row: number;
  cells: Partial<Record<Column, string>>;
  item: TravellerItem;
}

export type ManifestError =
  | { code: 'unreadable'; detail: string }
  | { code: 'noColumns' }
  | { code: 'empty' }
  | { code: 'tooMany'; count: number; max: number };

export type Manifest =
  | { ok: true; rows: ManifestRow[]; ignored: string[] }
  | { ok: false; error: ManifestError };

/** Comma, semicolon (spreadsheets in many languages) or tab: whichever the header uses most. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

const SEXES: Record<string, string> = { F: 'female', M: 'male', X: 'unknown', U: 'unknown' };

function itemOf(cells: ManifestRow['cells']): TravellerItem {
  if (cells.mrz) return { mrz: normaliseMrz(cells.mrz) };
  const document = {
    ...(cells.documentNumber ? { number: cells.documentNumber } : {}),
    ...(cells.issuingCountry ? { issuingCountry: cells.issuingCountry.toUpperCase() } : {}),
    ...(cells.documentType ? { type: cells.documentType.toLowerCase() } : {}),
  };
  const sex = cells.sex ? (SEXES[cells.sex.toUpperCase()] ?? cells.sex.toLowerCase()) : undefined;
  const person = {
    ...(cells.name ? { name: cells.name } : {}),
    ...(cells.dateOfBirth ? { dateOfBirth: cells.dateOfBirth } : {}),
    ...(cells.nationality ? { nationality: cells.nationality.toUpperCase() } : {}),
    ...(sex ? { sex } : {}),
  };
  return {
    ...(Object.keys(document).length > 0 ? { document } : {}),
    ...(Object.keys(person).length > 0 ? { person } : {}),
  };
}

export function readManifest(text: string): Manifest {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
    });
  } catch (e) {
    return { ok: false, error: { code: 'unreadable', detail: e instanceof Error ? e.message : String(e) } };
  }
  const [header = [], ...data] = records;
  const names = header.map((h) => h.trim());
  const columnOf = names.map((h) => COLUMNS.find((c) => c.toLowerCase() === h.toLowerCase()));
  if (!columnOf.some(Boolean)) return { ok: false, error: { code: 'noColumns' } };
  const ignored = names.filter((h, i) => h !== '' && !columnOf[i]);
  const rows: ManifestRow[] = [];
  data.forEach((record, i) => {
    const cells: ManifestRow['cells'] = {};
    record.forEach((value, j) => {
      const column = columnOf[j];
      const v = value.trim();
      if (column && v !== '') cells[column] = v;
    });
    // A line of empty cells (a spreadsheet's trailing ",,,,") is no traveller.
    if (Object.keys(cells).length > 0) rows.push({ row: i + 1, cells, item: itemOf(cells) });
  });
  if (rows.length === 0) return { ok: false, error: { code: 'empty' } };
  if (rows.length > MAX_ITEMS) {
    return { ok: false, error: { code: 'tooMany', count: rows.length, max: MAX_ITEMS } };
  }
  return { ok: true, rows, ignored };
}

/** A template: one traveller by MRZ (lines split by |), one by fields. */
export const TEMPLATE_CSV = [
  COLUMNS.join(','),
  'P<ESPGARCIA<<ELENA<<<<<<<<<<<<<<<<<<<<<<<<<<|X1234567<7ESP8504124F3107014<<<<<<<<<<<<<<08,,,,,,,',
  ',C01X00T47,DE,identity_card,Jonas Weber,1979-11-30,DE,male',
].join('\r\n');
