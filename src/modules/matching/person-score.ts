// How alike a queried person and a recorded one are: the name (token by token, across scripts)
// weighed with the date of birth, nationality and sex, with an explanation a reviewer can check.
// Both sides are prepared once (tokens, birth year), as a query meets many candidates and the
// index holds a candidate for many queries.
import type { PersonFacts } from '../records/catalogue/catalogue.types.js';
import { compareBirthDates } from './dates.js';
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

function explainName(best: NameComparison): string {
  return (
    `name ${pct(best.score)}: ${best.pairs.map(([a, b, s]) => `${a}~${b} ${pct(s)}`).join(', ')}` +
    (best.unmatched.length > 0 ? `; not paired: ${best.unmatched.join(', ')}` : '')
  );
}

export function scorePrepared(query: PreparedQuery, candidate: PreparedPerson): PersonScore {
  let best: NameComparison | null = null;
  for (const tokens of candidate.names) {
    const c = compareTokens(query.tokens, tokens);
    if (!best || c.score > best.score) best = c;
  }
  if (!best) return { score: 0, reasons: ['no name recorded'] };
  const reasons = [explainName(best)];
  const facts = candidate.facts;
  let score = best.score * NAME_WEIGHT;
  if (query.dateOfBirth && facts.dateOfBirth) {
    const d = compareBirthDates(query.dateOfBirth, facts.dateOfBirth);
    score += DATE_POINTS[d];
    reasons.push(`date of birth ${d === 'conflict' ? 'differs' : d}`);
  } else {
    score += 0.1; // unknown on one side: neither for nor against
  }
  if (query.nationality && facts.nationalities && facts.nationalities.length > 0) {
    const same = facts.nationalities.includes(query.nationality);
    score += same ? 0.05 : -0.05;
    reasons.push(same ? 'nationality matches' : 'nationality differs');
  }
  if (
    query.sex &&
    facts.sex &&
    query.sex !== 'unknown' &&
    facts.sex !== 'unknown' &&
    query.sex !== facts.sex
  ) {
    score -= 0.3;
    reasons.push('sex differs');
  }
  return { score: Math.max(0, Math.min(1, Math.round(score * 100) / 100)), reasons };
}
