// The person matcher of Meridian: names compared token by token across scripts (consonant
// skeletons and transliterations, particles and compounds understood, any order), weighed with
// the date of birth, nationality and sex, and explained (person-score.ts). Candidates come from
// the person index (person-index.ts), so a search scores a few hundred persons, not every one.
import type { PersonFacts } from '../records/catalogue/catalogue.types.js';
import type { PersonMatcher, PersonQuery, PersonScore } from '../records/search/person-matcher.js';
import { preparePerson, prepareQuery, scorePrepared } from './person-score.js';

export const skeletonMatcher: PersonMatcher = {
  name: 'skeleton-v1',
  threshold: 0.7,
  score(query: PersonQuery, candidate: PersonFacts): PersonScore {
    return scorePrepared(prepareQuery(query), preparePerson(candidate));
  },
};
