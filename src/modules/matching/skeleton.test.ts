import { describe, expect, it } from 'vitest';
import { jaroWinkler, levenshtein, levenshteinSimilarity } from './similarity.js';
import { arabicSkeleton, latinSkeleton, skeleton } from './skeleton.js';

describe('consonant skeletons', () => {
  it('give the same form to a name in Arabic script and its Latin spellings', () => {
    expect(arabicSkeleton('محمد')).toBe('MHMD');
    for (const l of ['Mohammed', 'Muhammad', 'Mohamad', 'MOHAMMAD']) expect(latinSkeleton(l)).toBe('MHMD');
  });

  it('keep a leading vowel, so Adrian and Doran differ', () => {
    expect(skeleton('أدريان')).toBe('VDRN');
    expect(skeleton('adrian')).toBe('VDRN');
    expect(skeleton('doran')).toBe('DRN');
  });

  it('read Latin digraphs as one sound, and Arabic تش as "ch"', () => {
    expect(latinSkeleton('Khalid')).toBe('XLD');
    expect(latinSkeleton('Sheikh')).toBe('SX');
    expect(skeleton('أرتشي')).toBe(skeleton('archie'));
  });

  it('drop the final h of a taa marbuta spelling, and diacritics', () => {
    expect(latinSkeleton('Fatimah')).toBe(latinSkeleton('Fátima'));
    expect(arabicSkeleton('فاطمة')).toBe('FTM');
  });
});

describe('similarity measures', () => {
  it('Jaro-Winkler matches the textbook values', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('', 'A')).toBe(0);
    expect(jaroWinkler('ABC', 'ABC')).toBe(1);
  });

  it('Levenshtein counts single-character edits', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshteinSimilarity('HMD', 'HMD')).toBe(1);
    expect(levenshteinSimilarity('', '')).toBe(1);
  });
});
