// Rows of an import file, numbered from 1 in the order they come: CSV (a header row, then one
// record per row) or JSON Lines (one create body per line; blank lines are skipped and not
// numbered). Parsed as a stream and handed over in batches, so a million-row file never sits in
// memory at once and the import loop does not pay a promise per row.
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { TObject } from '@sinclair/typebox';
import { parse } from 'csv-parse';
import { csvReader } from './csv-columns.js';

export type ImportFormat = 'csv' | 'jsonl';

export interface SourceRow {
  /** 1-based number of the record in the file (the CSV header is not a record). */
  row: number;
  /** The create body, or why the row could not be read at all. */
  body: Record<string, unknown> | { unreadable: string };
}

const BATCH = 1000;

function toStream(input: string | Readable): Readable {
  return typeof input === 'string' ? Readable.from([input]) : input;
}

async function* csvRows(input: Readable, schema: TObject): AsyncGenerator<SourceRow[]> {
  // Arrays, not objects with line info: csv-parse is twice as fast that way; we zip with the header.
  const parser = input.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true }));
  let header: string[] | null = null;
  let read: ((cells: string[]) => Record<string, unknown>) | null = null;
  let row = 0;
  let batch: SourceRow[] = [];
  for await (const cells of parser as AsyncIterable<string[]>) {
    if (!header) {
      header = cells.map((c) => c.trim());
      read = csvReader(schema, header);
      continue;
    }
    row++;
    batch.push(
      cells.length !== header.length
        ? { row, body: { unreadable: `has ${cells.length} cells where the header has ${header.length}` } }
        : { row, body: read!(cells) },
    );
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function jsonRow(row: number, text: string): SourceRow {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { row, body: { unreadable: 'is not valid JSON' } };
  }
  return typeof v !== 'object' || v === null || Array.isArray(v)
    ? { row, body: { unreadable: 'is not a JSON object' } }
    : { row, body: v as Record<string, unknown> };
}

async function* jsonlRows(input: Readable): AsyncGenerator<SourceRow[]> {
  let row = 0;
  let batch: SourceRow[] = [];
  for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (text.trim() === '') continue;
    batch.push(jsonRow(++row, text));
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export function readRows(
  format: ImportFormat,
  input: string | Readable,
  schema: TObject,
): AsyncGenerator<SourceRow[]> {
  return format === 'csv' ? csvRows(toStream(input), schema) : jsonlRows(toStream(input));
}

/** Counts the records of a file without keeping them, for a progress total. */
export function countRows(format: ImportFormat, content: string): number {
  let n = 0;
  for (const l of content.split('\n')) if (l.trim() !== '') n++;
  // A CSV file has a header line; quoted cells with line breaks make this an estimate.
  return format === 'csv' ? Math.max(0, n - 1) : n;
}
