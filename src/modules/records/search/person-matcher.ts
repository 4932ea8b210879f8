// Person matching behind one interface. The matcher in use is the skeleton matcher of
// src/modules/matching/ (names across scripts, particles, compounds, order). The minimal matcher
// below — any-ascii words, date of birth, nationality — is what the databases started with.

import { skeletonMatcher } from '../../matching/person-matcher.js';
import type { PersonFacts } from '../catalogue/catalogue.types.js';
import { normaliseText } from './normalise.js';

export interface PersonQuery {
  name: string;
  dateOfBirth?: string; // YYYY, YYYY-MM or YYYY-MM-DD
  nationality?: string;
  sex?: 'female' | 'male' | 'unknown';
}

export interface PersonScore {
  /** 0..1; results under the matcher's threshold are not reported. */
  score: number;
  /** Why, in words a reviewer can check: "name words 2/2", "date of birth matches"… */
  reasons: string[];
}

export interface PersonMatcher {
  readonly name: string;
  readonly threshold: number;
  score(query: PersonQuery, candidate: PersonFacts): PersonScore;
}

function words(name: string): string[] {
  return [
    ...new Set(
      normaliseText(name)
        .split(' ')
        .filter((w) => w.length >= 2),
    ),
  ];
}

/** Compares partial dates: equal on every part both give, or a conflict. */
function compareDates(a: string, b: string): 'same' | 'compatible' | 'conflict' {
  const pa = a.split('-');
  const pb = b.split('-');
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) if (pa[i] !== pb[i]) return 'conflict';
  return pa.length === pb.length ? 'same' : 'compatible';
}

export const minimalMatcher: PersonMatcher = {
  name: 'minimal-words-v1',
  threshold: 0.5,
  score(query, candidate) {
    const q = words(query.name);
    let best = 0;
    let bestShared = 0;
    for (const n of candidate.names) {
      const c = new Set(words(n));
      const shared = q.filter((w) => c.has(w)).length;
      const s = shared / Math.max(q.length, c.size, 1);
      if (s > best) {
        best = s;
        bestShared = shared;
      }
    }
    const reasons = [`name words ${bestShared}/${q.length}`];
    let score = best * 0.7;
    if (query.dateOfBirth && candidate.dateOfBirth) {
      const d = compareDates(query.dateOfBirth, candidate.dateOfBirth);
      if (d === 'same') score += 0.2;
      if (d === 'compatible') score += 0.1;
      if (d === 'conflict') score -= 0.3;
      reasons.push(
        `date of birth ${d === 'conflict' ? 'differs' : d === 'same' ? 'matches' : 'partly matches'}`,
      );
    } else {
      score += 0.1; // unknown on one side: neither for nor against
    }
    if (query.nationality && candidate.nationalities && candidate.nationalities.length > 0) {
      const hit = candidate.nationalities.includes(query.nationality);
      score += hit ? 0.1 : -0.1;
      reasons.push(hit ? 'nationality matches' : 'nationality differs');
    }
    if (query.sex && candidate.sex && query.sex !== 'unknown' && candidate.sex !== 'unknown') {
      if (query.sex !== candidate.sex) {
        score -= 0.3;
        reasons.push('sex differs');
      }
    }
    return { score: Math.max(0, Math.min(1, Math.round(score * 100) / 100)), reasons };
  },
};

/** The matcher in use; one place to swap it. The minimal one stays as a reference in tests. */
export const personMatcher: PersonMatcher = skeletonMatcher;
