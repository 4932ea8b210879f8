// The evaluation set of person matching: recorded persons, and queries an officer or a border
// system would send for them, written differently. Deterministic (seeded), so every run and
// every machine measures the same set.
//
// - cross-script: persons made of name pairs from ar2en-eval (never ar2en-train, which tuning
//   used): recorded in one script, searched in the other.
// - variant: persons with names of Arabic origin (arabic-names.ts), recorded in one spelling and
//   searched with another, in Arabic script, family name first ("ABDALLA, Mohamed"), without the
//   father's name, with "bin", with an initial or a typo.
// - distractor: persons who are not recorded, for the false-positive rate.
// Dates of birth are given in full, by year only, with day and month swapped, a year off, or
// not at all, in the proportions border checks and officers' searches show them.
import type { PersonFacts } from '../../records/catalogue/catalogue.types.js';
import type { Pair } from '../evaluation.js';
import { FAMILY, FEMALE_GIVEN, MALE_GIVEN, type NameForms } from './arabic-names.js';
import { mulberry32, type Rng } from './rng.js';

export interface EvalQuery {
  name: string;
  dateOfBirth?: string;
  nationality?: string;
  sex?: 'female' | 'male';
}

export interface EvalCase {
  id: string;
  kind: 'cross-script' | 'variant' | 'distractor';
  /** What was changed between the record and the query, for reading failures. */
  how: string[];
  query: EvalQuery;
  /** The recorded person the query should find first (absent for distractors). */
  target?: string;
}

export interface EvalSet {
  records: { id: string; person: PersonFacts }[];
  cases: EvalCase[];
}

const NATIONALITIES = [
  'JO',
  'EG',
  'MA',
  'DZ',
  'TN',
  'IQ',
  'SY',
  'LB',
  'SA',
  'AE',
  'FR',
  'DE',
  'GB',
  'ES',
  'IT',
];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

function birthDate(rng: Rng): string {
  const y = 1945 + Math.floor(rng() * 60);
  const m = 1 + Math.floor(rng() * 12);
  const d = 1 + Math.floor(rng() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date as a query gives it, and how it differs from the recorded one. */
function queriedDate(rng: Rng, dob: string): [string | undefined, string] {
  const r = rng();
  const [y, m, d] = dob.split('-');
  if (r < 0.6) return [dob, 'date'];
  if (r < 0.75) return [y, 'year only'];
  if (r < 0.8 && Number(d) <= 12 && d !== m) return [`${y}-${d}-${m}`, 'day and month swapped'];
  if (r < 0.85) return [`${Number(y) + (rng() < 0.5 ? -1 : 1)}-${m}-${d}`, 'year off by one'];
  return [undefined, 'no date'];
}

function typo(rng: Rng, word: string): string {
  const letters = [...word];
  if (letters.length < 5) return word;
  const i = 1 + Math.floor(rng() * (letters.length - 2));
  if (rng() < 0.5) letters.splice(i, 1);
  else [letters[i], letters[i + 1]] = [letters[i + 1]!, letters[i]!];
  return letters.join('');
}

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function crossScriptCases(pairs: Pair[], rng: Rng, set: EvalSet, count: number) {
  for (let i = 0; i < count; i++) {
    const parts = Array.from({ length: rng() < 0.3 ? 3 : 2 }, () => pick(rng, pairs));
    const latin = parts.map((p) => capital(p[1])).join(' ');
    const arabic = parts.map((p) => p[0]).join(' ');
    const dob = birthDate(rng);
    const nationality = pick(rng, NATIONALITIES);
    const recordedInArabic = rng() < 0.5;
    const id = `eval-x-${i}`;
    set.records.push({
      id,
      person: { names: [recordedInArabic ? arabic : latin], dateOfBirth: dob, nationalities: [nationality] },
    });
    const [date, dateHow] = queriedDate(rng, dob);
    const how = [
      recordedInArabic ? 'Arabic recorded, Latin searched' : 'Latin recorded, Arabic searched',
      dateHow,
    ];
    let name = recordedInArabic ? latin : arabic;
    if (rng() < 0.2) {
      // Family name first, as many registers write it.
      const ws = name.split(' ');
      name = [ws.at(-1), ...ws.slice(0, -1)].join(' ');
      how.push('family name first');
    }
    set.cases.push({
      id: `x-${i}`,
      kind: 'cross-script',
      how,
      query: { name, dateOfBirth: date, nationality: rng() < 0.5 ? nationality : undefined },
      target: id,
    });
  }
}

function spell(rng: Rng, f: NameForms, avoid?: string): string {
  const others = f.latin.filter((l) => l !== avoid);
  return pick(rng, others.length > 0 ? others : f.latin);
}

function variantCases(rng: Rng, set: EvalSet, count: number) {
  for (let i = 0; i < count; i++) {
    const female = rng() < 0.3;
    const given = pick(rng, female ? FEMALE_GIVEN : MALE_GIVEN);
    const father = pick(rng, MALE_GIVEN);
    const family = pick(rng, FAMILY);
    const recorded = [given, father, family].map((f) => f.latin[0]!);
    const recordedInArabic = rng() < 0.25;
    const dob = birthDate(rng);
    const nationality = pick(rng, NATIONALITIES);
    const id = `eval-v-${i}`;
    set.records.push({
      id,
      person: {
        names: [recordedInArabic ? `${given.arabic} ${father.arabic} ${family.arabic}` : recorded.join(' ')],
        dateOfBirth: dob,
        sex: female ? 'female' : 'male',
        nationalities: [nationality],
      },
    });
    const how: string[] = [];
    let tokens: string[];
    if (!recordedInArabic && rng() < 0.25) {
      tokens = [given.arabic, father.arabic, family.arabic];
      how.push('Arabic script');
    } else {
      tokens = [
        spell(rng, given, recorded[0]),
        spell(rng, father, recorded[1]),
        spell(rng, family, recorded[2]),
      ];
      how.push(recordedInArabic ? 'Arabic recorded, Latin searched' : 'other spellings');
    }
    const change = rng();
    if (change < 0.25) {
      tokens.splice(1, 1);
      how.push("without the father's name");
    } else if (change < 0.35 && !female && !/[\u0600-\u06ff]/.test(tokens[0]!)) {
      tokens.splice(1, 0, 'bin');
      how.push('with bin');
    } else if (change < 0.45 && !/[\u0600-\u06ff]/.test(tokens[0]!)) {
      tokens[tokens.length - 1] = typo(rng, tokens.at(-1)!);
      how.push('typo in the family name');
    } else if (change < 0.5 && !/[\u0600-\u06ff]/.test(tokens[0]!)) {
      tokens[0] = `${tokens[0]![0]}.`;
      how.push('initial');
    }
    let name = tokens.join(' ');
    if (rng() < 0.25) {
      name = `${tokens.at(-1)!.toUpperCase()}, ${tokens.slice(0, -1).join(' ')}`;
      how.push('FAMILY, Given');
    }
    const [date, dateHow] = queriedDate(rng, dob);
    how.push(dateHow);
    set.cases.push({
      id: `v-${i}`,
      kind: 'variant',
      how,
      query: {
        name,
        dateOfBirth: date,
        nationality: rng() < 0.5 ? nationality : undefined,
        sex: rng() < 0.5 ? (female ? 'female' : 'male') : undefined,
      },
      target: id,
    });
  }
}

/** Persons nobody recorded, with a full date of birth as a border check has it. */
function distractorCases(pairs: Pair[], rng: Rng, set: EvalSet, count: number) {
  for (let i = 0; i < count; i++) {
    let name: string;
    if (rng() < 0.5) {
      const parts = [pick(rng, pairs), pick(rng, pairs)];
      name = parts.map((p) => (rng() < 0.5 ? p[0] : capital(p[1]))).join(' ');
    } else {
      name = [pick(rng, MALE_GIVEN), pick(rng, MALE_GIVEN), pick(rng, FAMILY)]
        .map((f) => (rng() < 0.2 ? f.arabic : pick(rng, f.latin)))
        .join(' ');
    }
    set.cases.push({
      id: `d-${i}`,
      kind: 'distractor',
      how: ['not recorded'],
      query: { name, dateOfBirth: birthDate(rng) },
    });
  }
}

/** The evaluation set from ar2en-eval pairs; with ar2en-train pairs and another seed, the tuning set. */
export function buildEvalSet(
  evalPairs: Pair[],
  sizes = { crossScript: 1000, variant: 1000, distractor: 1000 },
  seed = 20261129,
) {
  const rng = mulberry32(seed);
  const set: EvalSet = { records: [], cases: [] };
  crossScriptCases(evalPairs, rng, set, sizes.crossScript);
  variantCases(rng, set, sizes.variant);
  distractorCases(evalPairs, rng, set, sizes.distractor);
  return set;
}
