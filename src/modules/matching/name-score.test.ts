import { describe, expect, it } from 'vitest';
import { compareNames } from './name-score.js';
import { nameTokens, normaliseArabic } from './name-tokens.js';

describe('name tokens', () => {
  it('unify Arabic letter forms and drop harakat and tatweel', () => {
    expect(normaliseArabic('أَحْمَد')).toBe('احمد');
    expect(normaliseArabic('فاطمة')).toBe('فاطمه');
    expect(normaliseArabic('مـحـمد')).toBe('محمد');
  });

  it('join compound names however they are written', () => {
    const forms = ['Abd al-Rahman', 'Abdul Rahman', 'Abdelrahman', 'Abd el Rahman', 'Abdurrahman'];
    const tokens = forms.map((f) => nameTokens(f));
    for (const t of tokens) expect(t).toEqual(['abdrahman']);
    expect(nameTokens('عبد الرحمن')).toEqual(['عبدرحمن']);
  });

  it('drop particles and articles', () => {
    expect(nameTokens('Osama bin Laden')).toEqual(['osama', 'laden']);
    expect(nameTokens('Khaled al-Khatib')).toEqual(['khaled', 'khatib']);
    expect(nameTokens('خالد الخطيب')).toEqual(['خالد', 'خطيب']);
  });
});

describe('full names', () => {
  it('match across scripts, orders and spellings', () => {
    const same = [
      ['محمد عبد الله', 'Mohammed Abdullah'],
      ['محمد عبد الله', 'ABDALLA, Mohamed'],
      ['Muhammad Abd Allah', 'Mohammed Abdullah'],
      ['خالد الخطيب', 'Khalid Al-Khateeb'],
    ];
    for (const [a, b] of same) expect(compareNames(a!, b!).score, `${a} ~ ${b}`).toBeGreaterThan(0.75);
  });

  it('tell different people apart', () => {
    expect(compareNames('محمد عبد الله', 'Ahmed Hassan').score).toBeLessThan(0.6);
    expect(compareNames('John Smith', 'Mohammed Abdullah').score).toBeLessThan(0.5);
    // Compound names agree by what follows "Abd": the servant of a different name of God.
    expect(compareNames('Mohammed Abdullah', 'Mohammed Abdelaziz').score).toBeLessThan(0.75);
  });

  it('cost little for a missing middle name, and accept an initial', () => {
    expect(compareNames('Ahmed Hassan Mansour', 'Ahmed Mansour').score).toBeGreaterThanOrEqual(0.85);
    expect(compareNames('A. Mansour', 'Ahmed Mansour').score).toBeGreaterThan(0.85);
  });

  it('count a given name that disagrees against the match', () => {
    const c = compareNames('Yusuf Hussein al-Kurdi', 'Mariam Hussein Kurdi');
    expect(c.score).toBeLessThan(0.6);
    expect(compareNames('Yusuf Hussein al-Kurdi', 'Youssef Husayn Kurdi').score).toBeGreaterThan(0.85);
  });

  it('explain which tokens were paired', () => {
    const c = compareNames('Mansour Ahmed', 'Ahmed Mansour');
    expect(c.pairs.map(([a, b]) => `${a}=${b}`).sort()).toEqual(['ahmed=ahmed', 'mansour=mansour']);
  });
});

describe('names in other scripts', () => {
  it.each([
    ['Владимир Иванов', 'Vladimir Ivanov'],
    ['Γιώργος Παπαδόπουλος', 'Giorgos Papadopoulos'],
    ['משה כהן', 'Moshe Cohen'],
    ['王伟', 'Wang Wei'],
    ['张小明', 'Xiaoming Zhang'],
  ])('%s matches %s', (a, b) => {
    expect(compareNames(a, b).score).toBeGreaterThan(0.75);
    expect(compareNames(a, 'Pierre Dupont').score).toBeLessThan(0.5);
  });
});
