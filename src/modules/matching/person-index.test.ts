// The person index finds the right person among many, across scripts and spellings, and stays
// true to what it was told: replaced names, removed records, database filters.
import { describe, expect, it } from 'vitest';
import { PersonIndex } from './person-index.js';
import { prepareQuery } from './person-score.js';

function filled(): PersonIndex {
  const index = new PersonIndex();
  // Namesakes and near-namesakes, so a search has to choose.
  const given = ['Mohammed', 'Ahmed', 'Omar', 'Youssef', 'Khaled', 'Hassan'];
  const family = ['Haddad', 'Khalil', 'Darwish', 'Jaber', 'Barakat', 'Hamdan'];
  let n = 0;
  for (const g of given)
    for (const f of family)
      for (let y = 1960; y < 2000; y += 3) {
        index.upsert(`r-${n++}`, 'nominal', 1, [{ names: [`${g} ${f}`], dateOfBirth: `${y}-05-17` }]);
      }
  index.upsert('target', 'nominal', 1, [
    { names: ['محمد عبد الله الخطيب'], dateOfBirth: '1981-03-02', sex: 'male', nationalities: ['JO'] },
  ]);
  index.upsert('notice', 'notices', 1, [
    { names: ['Mohammed Abdullah al-Khatib'], dateOfBirth: '1975-01-01' },
  ]);
  return index;
}

const top = (index: PersonIndex, q: Parameters<typeof prepareQuery>[0], databases?: string[]) =>
  index.search(prepareQuery(q), 5, databases ? new Set(databases) : undefined);

describe('person index', () => {
  it('finds a person recorded in Arabic script from a Latin spelling, with the date deciding', () => {
    const index = filled();
    for (const name of [
      'Mohammed Abdullah al-Khatib',
      'Muhammad Abd Allah Khatib',
      'ALKHATEEB, Mohamed Abdalla',
    ]) {
      const hits = top(index, { name, dateOfBirth: '1981-03-02' });
      expect(hits[0]?.recordId, name).toBe('target');
      expect(hits[0]!.score).toBeGreaterThanOrEqual(0.7);
      expect(hits[0]!.reasons.join('; ')).toMatch(/date of birth same/);
    }
  });

  it('finds a name missing its middle part, or with a typo', () => {
    const index = filled();
    expect(top(index, { name: 'Mohammed al-Khatib', dateOfBirth: '1981' })[0]?.recordId).toBe('target');
    expect(top(index, { name: 'Mohammed Abdullah Khatbi', dateOfBirth: '1981-03-02' })[0]?.recordId).toBe(
      'target',
    );
  });

  it('ranks the namesake born the given day above the others', () => {
    const index = filled();
    const hits = top(index, { name: 'Omar Jaber', dateOfBirth: '1987-05-17' });
    const first = hits[0]!;
    expect(first.score).toBeGreaterThan(hits[1]!.score);
    expect(first.reasons.join('; ')).toMatch(/date of birth same/);
  });

  it('does not report someone else at the threshold', () => {
    const index = filled();
    const hits = top(index, { name: 'Pierre Dupont', dateOfBirth: '1970-01-01' });
    expect(hits.every((h) => h.score < 0.7)).toBe(true);
  });

  it('searches only the databases asked for', () => {
    const index = filled();
    const hits = top(index, { name: 'Mohammed Abdullah al-Khatib' }, ['notices']);
    expect(hits.map((h) => h.recordId)).toEqual(['notice']);
  });

  it('forgets a removed record and replaces a changed one', () => {
    const index = filled();
    index.remove('target');
    expect(
      top(index, { name: 'Mohammed Abdullah al-Khatib', dateOfBirth: '1981-03-02' })[0]?.recordId,
    ).not.toBe('target');
    index.upsert('notice', 'notices', 2, [{ names: ['Layla Haddad'], dateOfBirth: '1990-02-02' }]);
    expect(index.versionOf('notice')).toBe(2);
    expect(top(index, { name: 'Mohammed Abdullah al-Khatib' }, ['notices'])).toEqual([]);
    expect(top(index, { name: 'Leila Hadad' }, ['notices'])[0]?.recordId).toBe('notice');
  });

  it('finds a lone common given name', () => {
    const index = filled();
    expect(top(index, { name: 'Ali' })).toEqual([]);
    index.upsert('ali', 'nominal', 1, [{ names: ['Ali'], dateOfBirth: '1990-01-01' }]);
    expect(top(index, { name: 'علي' })[0]?.recordId).toBe('ali');
  });
});

describe('person index, other scripts', () => {
  it('finds Cyrillic, Greek, Hebrew and Chinese records from Latin spellings', () => {
    const index = filled();
    index.upsert('ru', 'nominal', 1, [{ names: ['Владимир Иванов'], dateOfBirth: '1970-01-01' }]);
    index.upsert('gr', 'nominal', 1, [{ names: ['Γιώργος Παπαδόπουλος'], dateOfBirth: '1971-01-01' }]);
    index.upsert('il', 'nominal', 1, [{ names: ['משה כהן'], dateOfBirth: '1972-01-01' }]);
    index.upsert('cn', 'nominal', 1, [{ names: ['张小明'], dateOfBirth: '1973-01-01' }]);
    expect(top(index, { name: 'Vladimir Ivanov' })[0]?.recordId).toBe('ru');
    expect(top(index, { name: 'Georgios Papadopoulos' })[0]?.recordId).toBe('gr');
    expect(top(index, { name: 'Moshe Cohen' })[0]?.recordId).toBe('il');
    expect(top(index, { name: 'ZHANG Xiaoming' })[0]?.recordId).toBe('cn');
  });
});
