// Rows of an import file, numbered by line, from CSV (a header row, then one record per row) or
// JSON Lines (one create body per line). Parsed as a stream, so a million-row file never sits in
// memory at once.
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { TObject } from '@sinclair/typebox';
import { parse } from 'csv-parse';
import { bodyFromCsvRow } from './csv-columns.js';

export type ImportFormat = 'csv' | 'jsonl';

export interface SourceRow {
  line: number;
  /** The create body, or why the line could not be read at all. */
  body: Record<string, unknown> | { unreadable: string };
}

function toStream(input: string | Readable): Readable {
  return typeof input === 'string' ? Readable.from([input]) : input;
}

async function* csvRows(input: Readable, schema: TObject): AsyncGenerator<SourceRow> {
  const parser = input.pipe(
    parse({
      columns: (h: string[]) => h.map((c) => c.trim()),
      bom: true,
      skip_empty_lines: true,
      info: true,
      relax_column_count: true,
      trim: true,
    }),
  );
  for await (const rec of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number; invalid_field_length: number };
  }>) {
    const line = rec.info.lines;
    if (rec.info.invalid_field_length > 0) {
      yield { line, body: { unreadable: 'has a different number of cells than the header' } };
      continue;
    }
    yield { line, body: bodyFromCsvRow(schema, rec.record) };
  }
}

async function* jsonlRows(input: Readable): AsyncGenerator<SourceRow> {
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    if (text.trim() === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      yield { line, body: { unreadable: 'is not valid JSON' } };
      continue;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      yield { line, body: { unreadable: 'is not a JSON object' } };
    } else {
      yield { line, body: v as Record<string, unknown> };
    }
  }
}

export function readRows(
  format: ImportFormat,
  input: string | Readable,
  schema: TObject,
): AsyncGenerator<SourceRow> {
  return format === 'csv' ? csvRows(toStream(input), schema) : jsonlRows(toStream(input));
}

/** Counts the records of a file without keeping them, for a progress total. */
export function countRows(format: ImportFormat, content: string): number {
  let n = 0;
  for (const l of content.split('\n')) if (l.trim() !== '') n++;
  // A CSV file has a header line; quoted cells with line breaks make this an estimate.
  return format === 'csv' ? Math.max(0, n - 1) : n;
}
