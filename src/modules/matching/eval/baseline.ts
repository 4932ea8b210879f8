// The baseline the issue measures against: the whole name transliterated by any-ascii and
// compared by Jaro-Winkler with every recorded name of the evaluation set (no index, no dates).
import type { PersonFacts } from '../../records/catalogue/catalogue.types.js';
import { jaroWinkler } from '../similarity.js';
import { asciiLetters } from '../word-score.js';
import type { Ranked } from './measure.js';
import type { EvalQuery } from './person-cases.js';

const asciiName = (name: string) => name.split(/\s+/).map(asciiLetters).filter(Boolean).join(' ');

export function baselineRanker(records: { id: string; person: PersonFacts }[]) {
  const names = records.map((r) => ({ id: r.id, names: r.person.names.map(asciiName) }));
  return (q: EvalQuery): Ranked[] => {
    const query = asciiName(q.name);
    return names.map((r) => ({ id: r.id, score: Math.max(...r.names.map((n) => jaroWinkler(query, n))) }));
  };
}
