import { describe, expect, it } from 'vitest';
import { normaliseWord, parseTerm, TermText } from './term-match.js';

const find = (text: string, ...terms: string[]) => new TermText(text).find(terms.map((t) => parseTerm(t)));

describe('term matching', () => {
  it('ignores case and accents', () => {
    expect(normaliseWord('Blasphémie')).toBe('blasphemie');
    expect(normaliseWord('LÈSE')).toBe('lese');
    expect(find('BLASPHÈME public', 'blasphème*')?.text).toBe('BLASPHÈME');
    expect(find('blaspheme', 'blasphème*')?.text).toBe('blaspheme');
  });

  it('matches whole words only, or stems marked with *', () => {
    expect(find('the desertification of the region', 'desertion')).toBeNull();
    expect(find('a desertion case', 'desertion')?.text).toBe('desertion');
    expect(find('the deserters fled', 'deserter*')?.text).toBe('deserters');
    expect(find('trader', 'trade')).toBeNull();
  });

  it('lets ".." stand for up to three words', () => {
    expect(find('insulting the President of the Republic', 'insult* .. president')?.text).toBe(
      'insulting the President',
    );
    expect(find('insulted President X', 'insult* .. president')).not.toBeNull();
    expect(find('insult one two three four president', 'insult* .. president')).toBeNull();
  });

  it('reads Arabic without harakat, tatweel or hamza forms, and through its prefixes', () => {
    expect(find('اتهم بالتَّجْدِيف', 'التجديف')?.text).toBe('بالتَّجْدِيف');
    expect(find('تهمة تجديـــف', 'التجديف')).not.toBeNull();
    expect(find('والردة عن الدين', 'الردة')?.text).toBe('والردة');
    expect(find('إهانة رئيس الدولة', 'اهانه رئيس الدوله')).not.toBeNull();
    expect(find('الحدة', 'الردة')).toBeNull();
  });

  it('passes over an exception found at the same place', () => {
    const terms = [parseTerm('الردة')];
    const exceptions = [parseTerm('ردة فعل*')];
    expect(new TermText('كانت ردة فعله عنيفة').find(terms, exceptions)).toBeNull();
    expect(new TermText('متهم بالردة').find(terms, exceptions)).not.toBeNull();
  });

  it('gives an excerpt around the match', () => {
    const text = `${'x '.repeat(40)}he deserted from the army ${'y '.repeat(40)}`;
    const m = find(text, 'deserted from');
    expect(m?.excerpt.startsWith('…')).toBe(true);
    expect(m?.excerpt).toContain('he deserted from the army');
  });

  it('rejects terms that could not match sensibly', () => {
    expect(() => parseTerm('.. president')).toThrow();
    expect(() => parseTerm('insult .. .. president')).toThrow();
    expect(() => parseTerm('ab*')).toThrow();
  });
});
