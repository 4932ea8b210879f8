import { describe, expect, it } from 'vitest';
import { compareBirthDates } from './dates.js';
import { skeletonMatcher as m } from './person-matcher.js';

describe('dates of birth', () => {
  it('agree, agree in part, are swapped, near, or conflict', () => {
    expect(compareBirthDates('1980-03-14', '1980-03-14')).toBe('same');
    expect(compareBirthDates('1980', '1980-03-14')).toBe('compatible');
    expect(compareBirthDates('1980-03-04', '1980-04-03')).toBe('swapped');
    expect(compareBirthDates('1981-03-14', '1980-03-14')).toBe('near');
    expect(compareBirthDates('1975-03-14', '1980-03-14')).toBe('conflict');
  });
});

describe('the skeleton person matcher', () => {
  const person = {
    names: ['محمد عبد الله', 'Abu Khalid'],
    dateOfBirth: '1979-05-02',
    nationalities: ['JO'],
    sex: 'male' as const,
  };

  it('finds a person written in Arabic by a Latin spelling, in another order, and explains why', () => {
    const s = m.score({ name: 'ABDALLA, Mohamed', dateOfBirth: '1979', nationality: 'JO' }, person);
    expect(s.score).toBeGreaterThanOrEqual(m.threshold);
    expect(s.reasons[0]).toMatch(/^name \d+%: /);
    expect(s.reasons).toContain('date of birth compatible');
  });

  it('lets a conflicting date of birth or sex outweigh a similar name', () => {
    expect(m.score({ name: 'Mohammed Abdullah', dateOfBirth: '1990-01-01' }, person).score).toBeLessThan(
      m.threshold,
    );
    expect(m.score({ name: 'Mohammed Abdullah', sex: 'female' }, person).score).toBeLessThan(m.threshold);
  });

  it('does not report someone else', () => {
    expect(m.score({ name: 'John Smith' }, person).score).toBeLessThan(m.threshold);
  });
});
