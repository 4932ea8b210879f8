import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLookAlikes, matchKind, normaliseIdentifier, normaliseText, textTerms } from './normalise.js';

describe('identifier normalisation', () => {
  it('ignores case, spaces, dashes, dots, slashes and MRZ fillers', () => {
    for (const v of ['ab-12 34.5', 'AB1234/5', ' a b 1 2 3 4 5 ', 'AB12345<<']) {
      expect(normaliseIdentifier(v)).toBe('AB12345');
    }
  });

  it('folds full-width and other compatibility forms', () => {
    expect(normaliseIdentifier('ＡＢ１２３')).toBe('AB123');
  });

  it('keeps O and 0 distinct but gives them the same search key', () => {
    expect(normaliseIdentifier('ABO123')).not.toBe(normaliseIdentifier('AB0123'));
    expect(foldLookAlikes(normaliseIdentifier('ABO123'))).toBe(foldLookAlikes(normaliseIdentifier('AB0123')));
    expect(matchKind('AB0123', 'ABO123')).toBe('similar');
    expect(matchKind('AB0123', 'AB0123')).toBe('exact');
  });

  it('folds I/1/L, Z/2, S/5, B/8, G/6 but not D/0', () => {
    expect(foldLookAlikes('IL1ZSBG')).toBe('1112586');
    expect(foldLookAlikes('D0')).toBe('D0');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = normaliseIdentifier(s);
        expect(normaliseIdentifier(n)).toBe(n);
        expect(foldLookAlikes(foldLookAlikes(n))).toBe(foldLookAlikes(n));
      }),
    );
  });
});

describe('text normalisation', () => {
  it('meets the same name written in different scripts and cases', () => {
    expect(normaliseText('Müller')).toBe('muller');
    expect(normaliseText('MULLER')).toBe('muller');
    expect(normaliseText('Мюллер')).toBe('myuller');
  });

  it('gives distinct terms of at least two characters', () => {
    expect(textTerms('Red  red Ford, a Focus!')).toEqual(['red', 'ford', 'focus']);
  });
});
