// A notice's data checked against its type's schema (Ajv, as for records, so the console and the
// API give the same field-level messages), then the rules a schema cannot say.
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { GENERAL_SECRETARIAT } from '../../platform/auth/principal.js';
import { type FieldError, fieldErrorsFromValidation } from '../../platform/http/problem.js';
import { NOTICE_DEFINITIONS, type NoticeData, type NoticeKind, type NoticeType } from './notice.types.js';

const addFormats = ajvFormats as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, coerceTypes: false, removeAdditional: false, strict: false });
addFormats(ajv);
const compiled = new Map<NoticeType, ValidateFunction>();

function validatorFor(type: NoticeType): ValidateFunction {
  let v = compiled.get(type);
  if (!v) {
    v = ajv.compile(NOTICE_DEFINITIONS[type].schema);
    compiled.set(type, v);
  }
  return v;
}

export interface NoticeContent {
  kind: NoticeKind;
  type: NoticeType;
  data: unknown;
  recipients: string[];
  publicExtract: boolean;
}

/** Every problem with a notice's content, each naming its field; empty when it may be saved. */
export function noticeIssues(
  c: NoticeContent,
  requestingBureau: string,
  knownBureau: (code: string) => boolean,
) {
  const errors: FieldError[] = [];
  const validate = validatorFor(c.type);
  if (!validate(c.data)) return fieldErrorsFromValidation('data', validate.errors ?? []);
  const data = c.data as NoticeData;
  const def = NOTICE_DEFINITIONS[c.type];

  // UN special notices are issued by the General Secretariat at the Security Council's request.
  if (c.type === 'un' && requestingBureau !== GENERAL_SECRETARIAT) {
    errors.push({
      field: 'type',
      message: 'United Nations special notices are issued by the General Secretariat',
    });
  }
  if (c.kind === 'diffusion') {
    if (c.recipients.length === 0)
      errors.push({ field: 'recipients', message: 'a diffusion needs at least one recipient bureau' });
    c.recipients.forEach((r, i) => {
      if (!knownBureau(r)) errors.push({ field: `recipients.${i}`, message: `${r} is not a member bureau` });
      else if (r === requestingBureau)
        errors.push({ field: `recipients.${i}`, message: 'your own bureau is not a recipient' });
    });
    if (c.publicExtract)
      errors.push({ field: 'publicExtract', message: 'a diffusion has no public extract' });
  } else if (c.recipients.length > 0) {
    errors.push({
      field: 'recipients',
      message: 'a notice goes to every bureau: recipients are for diffusions',
    });
  }
  if (c.publicExtract && def.publicExtract === null) {
    errors.push({
      field: 'publicExtract',
      message: `${c.type} notices have no public extract (only red, yellow and UN)`,
    });
  }
  // What a red notice must carry to be reviewed at all; whether it is enough is the reviewer's call.
  const w = data.warrant;
  if (w?.basis === 'prosecution' && w.maximumPenaltyMonths === undefined) {
    errors.push({
      field: 'data.warrant.maximumPenaltyMonths',
      message: 'is required when the person is sought for prosecution',
    });
  }
  if (w?.basis === 'sentence' && w.sentenceImposedMonths === undefined) {
    errors.push({
      field: 'data.warrant.sentenceImposedMonths',
      message: 'is required when the person is sought to serve a sentence',
    });
  }
  if (c.type === 'red' && (data.charges?.length ?? 0) === 0) {
    errors.push({ field: 'data.charges', message: 'a red notice names at least one charge' });
  }
  const s = data.subject;
  if (s?.refugeePersecutionCountry && !s.refugeeStatusGrantedBy) {
    errors.push({
      field: 'data.subject.refugeeStatusGrantedBy',
      message: 'is required with the country of feared persecution',
    });
  }
  return errors;
}

/** A title for lists: the person's name, or what the notice is about. */
export function titleOf(type: NoticeType, data: NoticeData): string {
  const s = data.subject;
  if (s) return [s.familyName.toUpperCase(), s.forenames].filter(Boolean).join(', ');
  const part = (data.body ?? data.modusOperandi ?? data.assets ?? data.threat) as
    | Record<string, unknown>
    | undefined;
  const text = String(part?.offence ?? part?.description ?? part?.foundPlace ?? type);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
