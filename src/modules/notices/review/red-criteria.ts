// The conditions of a red notice (Rules on the Processing of Data, Article 83), as a reviewer
// checks them: a serious ordinary-law crime, a penalty threshold (two years' maximum for a
// prosecution, six months imposed or remaining for a sentence), a valid warrant, and enough to
// identify the person. Flags point to what looks unmet; the reviewer decides.
//
// What applies to other types is applied to them too: the minor-offence check to any notice with
// charges, the identification check to green notices (which warn about a named person). Codes keep
// the 'red.' prefix wherever they apply: they name the criterion, not the notice type.
import type { Notice, NoticeCharge, NoticeSubject, NoticeWarrant } from '../notice.types.js';
import minorJson from './minor-offences.json' with { type: 'json' };
import type { ReviewFlag } from './review-flag.js';
import { compileRules, type RuleData } from './rule-set.js';
import { TermText } from './term-match.js';

/** Prosecution: the offence must carry at least this maximum penalty. */
export const MIN_MAXIMUM_PENALTY_MONTHS = 24;
/** Sentence: at least this much imposed or remaining to be served. */
export const MIN_SENTENCE_MONTHS = 6;
/** A warrant older than this is flagged: is it still enforceable (prescription)? */
export const OLD_WARRANT_YEARS = 30;

const KINDS = ['private_dispute', 'administrative', 'minor', 'cultural_norms'] as const;
export interface MinorOffenceRule extends RuleData {
  kind: (typeof KINDS)[number];
}

export const MINOR_OFFENCES = compileRules<MinorOffenceRule>('minor-offences.json', minorJson.rules, (r) =>
  KINDS.includes(r.kind as MinorOffenceRule['kind']) ? null : `kind must be one of ${KINDS.join(', ')}`,
);

export interface CriteriaContext {
  /** Whether a photograph of the person is attached to the notice. */
  hasPhoto: boolean;
  /** Today as YYYY-MM-DD (UTC); tests fix it. */
  today?: string;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Charges whose offence names a minor or private-dispute offence. */
function minorOffenceFlags(charges: NoticeCharge[], severityIfAll: 'problem' | 'warning'): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  charges.forEach((charge, i) => {
    const text = new TermText(charge.offence);
    for (const { rule, terms, exceptions } of MINOR_OFFENCES) {
      const m = text.find(terms, exceptions);
      if (!m) continue;
      flags.push({
        code: 'red.minor_offence',
        severity: 'warning',
        field: `data.charges.${i}.offence`,
        message: `The offence "${charge.offence}" looks like ${rule.id.replaceAll('_', ' ')} (${rule.kind.replaceAll('_', ' ')}): check that the facts show a serious ordinary-law crime.`,
        details: { rule: rule.id, kind: rule.kind, match: m.text, explanation: rule.explanation },
      });
      break;
    }
  });
  // Every charge minor: nothing serious is left to justify the notice.
  if (flags.length > 0 && flags.length === charges.length) for (const f of flags) f.severity = severityIfAll;
  return flags;
}

function penaltyFlags(w: NoticeWarrant): ReviewFlag[] {
  if (w.basis === 'prosecution') {
    const field = 'data.warrant.maximumPenaltyMonths';
    if (w.maximumPenaltyMonths === undefined) {
      return [
        {
          code: 'red.penalty_missing',
          severity: 'warning',
          field,
          message: `The maximum penalty is not given: ask the bureau, as a prosecution needs an offence punishable by at least ${MIN_MAXIMUM_PENALTY_MONTHS / 12} years.`,
        },
      ];
    }
    if (w.maximumPenaltyMonths < MIN_MAXIMUM_PENALTY_MONTHS) {
      return [
        {
          code: 'red.penalty_too_low',
          severity: 'problem',
          field,
          message: `The maximum penalty is ${w.maximumPenaltyMonths} months, under the ${MIN_MAXIMUM_PENALTY_MONTHS} months a prosecution requires.`,
          details: { months: w.maximumPenaltyMonths, minimum: MIN_MAXIMUM_PENALTY_MONTHS },
        },
      ];
    }
    return [];
  }
  const given = [w.sentenceImposedMonths, w.sentenceRemainingMonths].filter((m) => m !== undefined);
  if (given.length === 0) {
    return [
      {
        code: 'red.sentence_missing',
        severity: 'warning',
        field: 'data.warrant.sentenceImposedMonths',
        message: `Neither the sentence imposed nor the sentence remaining is given: ask the bureau, as at least ${MIN_SENTENCE_MONTHS} months are required.`,
      },
    ];
  }
  if (given.every((m) => m < MIN_SENTENCE_MONTHS)) {
    const details: Record<string, number> = { minimum: MIN_SENTENCE_MONTHS };
    if (w.sentenceImposedMonths !== undefined) details.imposed = w.sentenceImposedMonths;
    if (w.sentenceRemainingMonths !== undefined) details.remaining = w.sentenceRemainingMonths;
    return [
      {
        code: 'red.penalty_too_low',
        severity: 'problem',
        field:
          w.sentenceImposedMonths !== undefined
            ? 'data.warrant.sentenceImposedMonths'
            : 'data.warrant.sentenceRemainingMonths',
        message: `The sentence (${given.join(' / ')} months) is under the ${MIN_SENTENCE_MONTHS} months imposed or remaining a red notice requires.`,
        details,
      },
    ];
  }
  return [];
}

function warrantDateFlags(w: NoticeWarrant, today: string): ReviewFlag[] {
  const field = 'data.warrant.date';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(w.date)) {
    return [
      {
        code: 'red.warrant_date',
        severity: 'warning',
        field,
        message: `The warrant date "${w.date}" is not a full date.`,
      },
    ];
  }
  if (w.date > today) {
    return [
      {
        code: 'red.warrant_date',
        severity: 'problem',
        field,
        message: `The warrant is dated ${w.date}, in the future: ask the bureau to correct it.`,
        details: { date: w.date },
      },
    ];
  }
  const limit = `${Number(today.slice(0, 4)) - OLD_WARRANT_YEARS}${today.slice(4)}`;
  if (w.date < limit) {
    return [
      {
        code: 'red.warrant_date',
        severity: 'warning',
        field,
        message: `The warrant is dated ${w.date}, more than ${OLD_WARRANT_YEARS} years ago: check that it is still enforceable (prescription).`,
        details: { date: w.date },
      },
    ];
  }
  return [];
}

/** A name with a full date of birth, or a photo, or fingerprints. */
function identificationFlags(
  s: NoticeSubject | undefined,
  hasPhoto: boolean,
  severity: 'problem' | 'warning',
) {
  if (hasPhoto || s?.fingerprintsAvailable === 'yes') return [];
  const fullDob = s?.dateOfBirth !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(s.dateOfBirth);
  if (s?.familyName?.trim() && fullDob) return [];
  const flag: ReviewFlag = {
    code: 'red.identification',
    severity,
    field: 'data.subject',
    message: s?.dateOfBirth
      ? `The date of birth (${s.dateOfBirth}) is partial and there is no photo or fingerprints: ask the bureau for more to identify the person.`
      : 'There is no full date of birth, photo or fingerprints: ask the bureau for more to identify the person.',
  };
  if (s?.dateOfBirth) flag.details = { dateOfBirth: s.dateOfBirth };
  return [flag];
}

/** The red-notice criteria a reviewer checks, and those of them that apply to other types. */
export function redCriteriaFlags(notice: Notice, context: CriteriaContext): ReviewFlag[] {
  const { data } = notice;
  const charges = data.charges ?? [];
  if (notice.type === 'green') {
    return [
      ...minorOffenceFlags(charges, 'warning'),
      ...identificationFlags(data.subject, context.hasPhoto, 'warning'),
    ];
  }
  if (notice.type !== 'red') return minorOffenceFlags(charges, 'warning');

  const flags: ReviewFlag[] = [];
  if (charges.length === 0) {
    flags.push({
      code: 'red.no_serious_crime',
      severity: 'problem',
      field: 'data.charges',
      message: 'No charge is given: a red notice needs a serious ordinary-law crime.',
    });
  }
  flags.push(...minorOffenceFlags(charges, 'problem'));
  const w = data.warrant;
  if (!w) {
    flags.push({
      code: 'red.warrant_missing',
      severity: 'problem',
      field: 'data.warrant',
      message: 'No arrest warrant or judgment is given: a red notice needs one.',
    });
  } else {
    flags.push(...penaltyFlags(w), ...warrantDateFlags(w, context.today ?? todayUtc()));
  }
  flags.push(...identificationFlags(data.subject, context.hasPhoto, 'problem'));
  return flags;
}
