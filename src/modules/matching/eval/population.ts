// Synthetic persons for measuring at scale: names put together from the ar2en-train words (in
// Arabic script or in Latin, as different bureaus record them) and, one in ten, from the common
// Arabic names of arabic-names.ts, so that namesakes of the evaluation persons exist in numbers,
// as they do in real files. Each with a date of birth, a nationality and a sex.
import type { PersonFacts } from '../../records/catalogue/catalogue.types.js';
import type { Pair } from '../evaluation.js';
import { FAMILY, FEMALE_GIVEN, MALE_GIVEN } from './arabic-names.js';
import { mulberry32 } from './rng.js';

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
  'FR',
  'DE',
  'GB',
  'US',
  'BR',
  'NG',
];

export function* syntheticPersons(trainPairs: Pair[], count: number, seed = 7): Generator<PersonFacts> {
  const rng = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  for (let i = 0; i < count; i++) {
    const female = rng() < 0.45;
    let name: string;
    if (rng() < 0.1) {
      const parts = [pick(female ? FEMALE_GIVEN : MALE_GIVEN), pick(MALE_GIVEN), pick(FAMILY)];
      const arabic = rng() < 0.3;
      name = parts.map((f) => (arabic ? f.arabic : pick(f.latin))).join(' ');
    } else {
      const parts = Array.from({ length: rng() < 0.3 ? 3 : 2 }, () => pick(trainPairs));
      const arabic = rng() < 0.3;
      name = parts.map((p) => (arabic ? p[0] : p[1].charAt(0).toUpperCase() + p[1].slice(1))).join(' ');
    }
    const y = 1940 + Math.floor(rng() * 66);
    const m = 1 + Math.floor(rng() * 12);
    const d = 1 + Math.floor(rng() * 28);
    yield {
      names: [name],
      dateOfBirth: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      sex: female ? 'female' : 'male',
      nationalities: [pick(NATIONALITIES)],
    };
  }
}
