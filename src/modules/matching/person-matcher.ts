// The person matcher of Meridian: names compared token by token across scripts (consonant
// skeletons and transliterations, particles and compounds understood, any order), weighed with
// the date of birth, nationality and sex, and explained. Candidates are found by the skeletons
// of the name tokens, so a search scores a few records, not every person.
import type { PersonFacts } from '../records/catalogue/catalogue.types.js';
import type { PersonMatcher, PersonQuery, PersonScore } from '../records/search/person-matcher.js';
import { compareBirthDates } from './dates.js';
import { compareNames } from './name-score.js';
import { nameTokens } from './name-tokens.js';
import { skeleton } from './skeleton.js';

const NAME_WEIGHT = 0.75;
const DATE_POINTS = { same: 0.2, compatible: 0.12, swapped: 0.1, near: 0.05, conflict: -0.25 } as const;

function pct(x: number) {
  return `${Math.round(x * 100)}%`;
}

export const skeletonMatcher: PersonMatcher = {
  name: 'skeleton-v1',
  threshold: 0.7,
  nameKeys(name) {
    const keys = new Set<string>();
    for (const t of nameTokens(name)) {
      const k = skeleton(t);
      // One- or two-consonant skeletons (Ali, Eva) are too common to find anyone by alone.
      if (k.replace(/^V/, '').length >= 2) keys.add(k);
    }
    return [...keys];
  },
  score(query: PersonQuery, candidate: PersonFacts): PersonScore {
    let best = compareNames(query.name, candidate.names[0] ?? '');
    for (const n of candidate.names.slice(1)) {
      const c = compareNames(query.name, n);
      if (c.score > best.score) best = c;
    }
    const reasons = [
      `name ${pct(best.score)}: ${best.pairs.map(([a, b, s]) => `${a}~${b} ${pct(s)}`).join(', ')}` +
        (best.unmatched.length > 0 ? `; not paired: ${best.unmatched.join(', ')}` : ''),
    ];
    let score = best.score * NAME_WEIGHT;
    if (query.dateOfBirth && candidate.dateOfBirth) {
      const d = compareBirthDates(query.dateOfBirth, candidate.dateOfBirth);
      score += DATE_POINTS[d];
      reasons.push(`date of birth ${d === 'conflict' ? 'differs' : d}`);
    } else {
      score += 0.1; // unknown on one side: neither for nor against
    }
    if (query.nationality && candidate.nationalities && candidate.nationalities.length > 0) {
      const same = candidate.nationalities.includes(query.nationality);
      score += same ? 0.05 : -0.05;
      reasons.push(same ? 'nationality matches' : 'nationality differs');
    }
    if (
      query.sex &&
      candidate.sex &&
      query.sex !== 'unknown' &&
      candidate.sex !== 'unknown' &&
      query.sex !== candidate.sex
    ) {
      score -= 0.3;
      reasons.push('sex differs');
    }
    return { score: Math.max(0, Math.min(1, Math.round(score * 100) / 100)), reasons };
  },
};
