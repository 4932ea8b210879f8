import { describe, expect, it } from 'vitest';
import { minimalMatcher as m } from './person-matcher.js';

describe('the minimal person matcher', () => {
  const ahmed = { names: ['Ahmed Hassan Mansour'], dateOfBirth: '1980-03-14', nationalities: ['EG'] };

  it('scores the same name, date of birth and nationality highest', () => {
    const s = m.score({ name: 'ahmed HASSAN mansour', dateOfBirth: '1980-03-14', nationality: 'EG' }, ahmed);
    expect(s.score).toBe(1);
    expect(s.reasons).toContain('date of birth matches');
  });

  it('accepts a partial date of birth that agrees, and penalises one that conflicts', () => {
    const partial = m.score({ name: 'Ahmed Hassan Mansour', dateOfBirth: '1980' }, ahmed).score;
    const conflict = m.score({ name: 'Ahmed Hassan Mansour', dateOfBirth: '1981' }, ahmed).score;
    expect(partial).toBeGreaterThanOrEqual(m.threshold);
    expect(conflict).toBeLessThan(partial);
  });

  it('matches a name written in another script through its transliteration', () => {
    const s = m.score({ name: 'Müller Hans' }, { names: ['HANS MULLER'] });
    expect(s.score).toBeGreaterThanOrEqual(m.threshold);
  });

  it('does not report a different person', () => {
    expect(m.score({ name: 'John Smith' }, ahmed).score).toBeLessThan(m.threshold);
  });
});
