// Validation of a record's `data` against its database's schema, with Ajv (the validator
// Fastify itself uses), so that API, import and CLI give the same field-level messages.
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { fieldErrorsFromValidation } from '../../platform/http/problem.js';
import type { DatabaseDefinition, FieldIssue } from './catalogue/catalogue.types.js';
import { CreateRecordBody } from './records.schema.js';

// ajv-formats is CommonJS: under NodeNext the import is its module.exports, the plugin itself.
const addFormats = ajvFormats as unknown as (ajv: Ajv) => Ajv;

const ajv = new Ajv({ allErrors: true, coerceTypes: false, removeAdditional: false, strict: false });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

function validatorFor(def: DatabaseDefinition): ValidateFunction {
  let v = compiled.get(def.id);
  if (!v) {
    v = ajv.compile(def.schema);
    compiled.set(def.id, v);
  }
  return v;
}

export interface PreparedData {
  data: Record<string, unknown>;
  errors: FieldIssue[];
  warnings: FieldIssue[];
}

/** Prepares (e.g. MRZ entry), validates and checks one record's data for a bureau. */
export function prepareData(
  def: DatabaseDefinition,
  raw: Record<string, unknown>,
  owner: string,
): PreparedData {
  let data = raw;
  if (def.prepare) {
    const prepared = def.prepare(raw);
    if (prepared.errors.length > 0) return { data: raw, errors: prepared.errors, warnings: [] };
    data = prepared.data;
  }
  const validate = validatorFor(def);
  if (!validate(data)) {
    return { data, errors: fieldErrorsFromValidation('data', validate.errors ?? []), warnings: [] };
  }
  const checked = def.check?.(data, owner) ?? { errors: [], warnings: [] };
  return { data, errors: checked.errors, warnings: checked.warnings };
}

const envelope = ajv.compile(CreateRecordBody);

/** The same checks the create route's schema makes, for bodies that do not come through a route (imports). */
export function createBodyIssues(body: unknown): FieldIssue[] {
  if (envelope(body)) return [];
  return fieldErrorsFromValidation('body', envelope.errors ?? []);
}
