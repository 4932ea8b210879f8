// CSV columns ↔ record bodies, driven by the database's schema. A column is an envelope field
// (reference, restriction, handling…) or a path into the data: `make`, `physicalDescription.height`
// (nested object), `plates.0.number` (array of objects). Lists of plain values are written
// `FR;DE`. A restriction is written `everyone`, `only:FR;DE` or `except:RU`.
import type { TObject } from '@sinclair/typebox';

export const ENVELOPE_COLUMNS = [
  'reference',
  'restriction',
  'handling',
  'purpose',
  'legalBasis',
  'reviewDate',
  'sourceReliability',
  'infoAccuracy',
] as const;

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

function scalar(schema: JsonSchema | undefined, raw: string): unknown {
  switch (schema?.type) {
    case 'integer':
    case 'number': {
      const n = Number(raw);
      // Left as text when not a number: validation then says "must be integer" for that field.
      return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
    }
    case 'boolean':
      if (/^(true|yes|1)$/i.test(raw)) return true;
      if (/^(false|no|0)$/i.test(raw)) return false;
      return raw;
    default:
      return raw;
  }
}

function setPath(
  target: Record<string, unknown>,
  schema: JsonSchema | undefined,
  path: string[],
  raw: string,
) {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const prop = schema?.properties?.[head];
  if (rest.length === 0) {
    if (prop?.type === 'array' && prop.items?.type !== 'object') {
      target[head] = raw
        .split(';')
        .map((v) => v.trim())
        .filter(Boolean)
        .map((v) => scalar(prop.items, v));
    } else {
      target[head] = scalar(prop, raw);
    }
    return;
  }
  if (prop?.type === 'array') {
    const list = (Array.isArray(target[head]) ? target[head] : []) as Record<string, unknown>[];
    target[head] = list;
    const index = Number(rest[0]);
    if (!Number.isInteger(index) || index < 0 || index > 99) {
      target[`${head}.${rest.join('.')}`] = raw; // reported as an unknown field
      return;
    }
    list[index] ??= {};
    setPath(list[index]!, prop.items, rest.slice(1), raw);
    return;
  }
  const inner = (typeof target[head] === 'object' && target[head] !== null ? target[head] : {}) as Record<
    string,
    unknown
  >;
  target[head] = inner;
  setPath(inner, prop, rest, raw);
}

function parseRestriction(raw: string): unknown {
  const v = raw.trim();
  if (v === 'everyone') return { mode: 'everyone' };
  const m = /^(only|except):(.*)$/.exec(v);
  if (!m) return v; // validation names the field
  return {
    mode: m[1],
    bureaus: m[2]!
      .split(/[;,]/)
      .map((b) => b.trim().toUpperCase())
      .filter(Boolean),
  };
}

/** One CSV row (header → cell) as a create body; empty cells are absent. */
export function bodyFromCsvRow(schema: TObject, row: Record<string, string>): Record<string, unknown> {
  return bodyFromCsvCells(schema, Object.keys(row), Object.values(row));
}

/** The same, from the header and the cells of a row (surrounding spaces trimmed). */
export function bodyFromCsvCells(
  schema: TObject,
  header: string[],
  cells: string[],
): Record<string, unknown> {
  return csvReader(schema, header)(cells);
}

type Column =
  | { kind: 'restriction' | 'infoAccuracy' | 'envelope'; name: string }
  | { kind: 'data'; path: string[]; flat: JsonSchema | undefined };

/**
 * Reads rows of one CSV file: the header is worked out once (which columns are envelope fields,
 * which are paths into the data, and their types), then every row is only its cells.
 */
export function csvReader(schema: TObject, header: string[]) {
  const columns: Column[] = header.map((name) => {
    if (name === 'restriction' || name === 'infoAccuracy') return { kind: name, name };
    if ((ENVELOPE_COLUMNS as readonly string[]).includes(name)) return { kind: 'envelope', name };
    const path = name.split('.');
    // A top-level plain field (the common case) is set directly, without walking the path.
    const flat = path.length === 1 ? (schema as JsonSchema).properties?.[name] : undefined;
    return { kind: 'data', path, flat };
  });
  return (cells: string[]): Record<string, unknown> => {
    const body: Record<string, unknown> = {};
    const data: Record<string, unknown> = {};
    let nested = false;
    for (let i = 0; i < columns.length; i++) {
      const cell = cells[i]?.trim();
      if (cell === undefined || cell === '') continue;
      const c = columns[i]!;
      if (c.kind === 'restriction') body.restriction = parseRestriction(cell);
      else if (c.kind === 'infoAccuracy') body.infoAccuracy = scalar({ type: 'integer' }, cell);
      else if (c.kind === 'envelope') body[c.name] = cell;
      else if (c.kind === 'data') {
        if (c.flat && c.flat.type !== 'array' && c.flat.type !== 'object')
          data[c.path[0]!] = scalar(c.flat, cell);
        else {
          nested = true;
          setPath(data, schema as JsonSchema, c.path, cell);
        }
      }
    }
    // Sparse arrays (plates.1 without plates.0) become dense so validation sees real items.
    if (nested) {
      for (const [k, v] of Object.entries(data))
        if (Array.isArray(v)) data[k] = v.filter((x) => x !== undefined);
    }
    body.data = data;
    return body;
  };
}

/** A record body flattened to CSV cells (the inverse of bodyFromCsvRow). */
export function csvCellsOf(body: Record<string, unknown>): Record<string, string> {
  const cells: Record<string, string> = {};
  const put = (prefix: string, value: unknown) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v !== 'object' || v === null)) cells[prefix] = value.join(';');
      else for (const [i, v] of value.entries()) put(`${prefix}.${i}`, v);
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) put(prefix ? `${prefix}.${k}` : k, v);
    } else {
      cells[prefix] = String(value);
    }
  };
  for (const c of ENVELOPE_COLUMNS) {
    const v = body[c];
    if (c === 'restriction' && v && typeof v === 'object') {
      const r = v as { mode: string; bureaus?: string[] };
      cells.restriction = r.mode === 'everyone' ? 'everyone' : `${r.mode}:${(r.bureaus ?? []).join(';')}`;
    } else if (v !== undefined && v !== null) {
      cells[c] = String(v);
    }
  }
  put('', body.data);
  return cells;
}
