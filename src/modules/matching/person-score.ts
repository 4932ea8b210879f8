// How alike a queried person and a recorded one are: the name (token by token, across scripts)
// weighed with the date of birth, nationality and sex, with an explanation a reviewer can check.
// Both sides are prepared once (tokens, birth year), as a query meets many candidates and the
// index holds a candidate for many queries.
import type { PersonFacts } from '../records/catalogue/catalogue.types.js';
import { compareBirthDates, type DateAgreement } from './dates.js';
import { compareTokens, type NameComparison } from './name-score.js';
import { nameTokens } from './name-tokens.js';

export interface PreparedQuery {
  name: string;
  tokens: string[];
  dateOfBirth?: string;
  /** Year of birth, 0 when not given. */
  year: number;
  nationality?: string;
  sex?: 'female' | 'male' | 'unknown';
}

export interface PreparedPerson {
  facts: PersonFacts;
  /** The tokens of each of the person's names (aliases included). */
  names: string[][];
  year: number;
}

export interface PersonScore {
  /** 0..1 */
  score: number;
  reasons: string[];
}

const NAME_WEIGHT = 0.75;
const DATE_POINTS = { same: 0.2, compatible: 0.12, swapped: 0.1, near: 0.05, conflict: -0.25 } as const;

export function preparePerson(facts: PersonFacts): PreparedPerson {
  return {
    facts,
    names: facts.names.map(nameTokens),
    year: facts.dateOfBirth ? Number(facts.dateOfBirth.slice(0, 4)) : 0,
  };
}

/** Prepares a free query once: its tokens, birth year and the rest, for many comparisons. */
export function prepareQuery(q: {
  name: string;
  dateOfBirth?: string;
  nationality?: string;
  sex?: 'female' | 'male' | 'unknown';
}): PreparedQuery {
  return {
    name: q.name,
    tokens: nameTokens(q.name),
    dateOfBirth: q.dateOfBirth,
    year: q.dateOfBirth ? Number(q.dateOfBirth.slice(0, 4)) : 0,
    nationality: q.nationality,
    sex: q.sex,
  };
}

function pct(x: number) {
  return `${Math.round(x * 100)}%`;
}

// Names in a right-to-left script inside an explanation are isolated (U+2068 … U+2069), so
// "khateeb~خطيب 95%" reads in that order in any page, left-to-right or right-to-left.
const isolate = (token: string) => `\u2068${token}\u2069`;

function explainName(best: NameComparison): string {
  return (
    `name ${pct(best.score)}: ${best.pairs.map(([a, b, s]) => `${isolate(a)}~${isolate(b)} ${pct(s)}`).join(', ')}` +
    (best.unmatched.length > 0 ? `; not paired: ${best.unmatched.map(isolate).join(', ')}` : '')
  );
}

/** The parts of a comparison, from which the score and, when shown, the explanation come. */
export interface PersonComparison {
  score: number;
  name: NameComparison | null;
  date: DateAgreement | null;
  nationality: boolean | null;
  sexDiffers: boolean;
}

export function comparePrepared(query: PreparedQuery, candidate: PreparedPerson): PersonComparison {
  let name: NameComparison | null = null;
  for (const tokens of candidate.names) {
    const c = compareTokens(query.tokens, tokens);
    if (!name || c.score > name.score) name = c;
  }
  const facts = candidate.facts;
  let score = (name?.score ?? 0) * NAME_WEIGHT;
  let date: DateAgreement | null = null;
  if (query.dateOfBirth && facts.dateOfBirth) {
    date = compareBirthDates(query.dateOfBirth, facts.dateOfBirth);
    score += DATE_POINTS[date];
  } else {
    score += 0.1; // unknown on one side: neither for nor against
  }
  let nationality: boolean | null = null;
  if (query.nationality && facts.nationalities && facts.nationalities.length > 0) {
    nationality = facts.nationalities.includes(query.nationality);
    score += nationality ? 0.05 : -0.05;
  }
  const sexDiffers = Boolean(
    query.sex && facts.sex && query.sex !== 'unknown' && facts.sex !== 'unknown' && query.sex !== facts.sex,
  );
  if (sexDiffers) score -= 0.3;
  score = Math.max(0, Math.min(1, Math.round(score * 100) / 100));
  return { score, name, date, nationality, sexDiffers };
}

/** Why, in words a reviewer can check: "name 93%: mohammed~محمد 100%, …", "date of birth same". */
export function explain(c: PersonComparison): string[] {
  if (!c.name) return ['no name recorded'];
  const reasons = [explainName(c.name)];
  if (c.date) reasons.push(`date of birth ${c.date === 'conflict' ? 'differs' : c.date}`);
  if (c.nationality !== null) reasons.push(c.nationality ? 'nationality matches' : 'nationality differs');
  if (c.sexDiffers) reasons.push('sex differs');
  return reasons;
}

export function scorePrepared(query: PreparedQuery, candidate: PreparedPerson): PersonScore {
  const c = comparePrepared(query, candidate);
  return { score: c.score, reasons: explain(c) };
}
