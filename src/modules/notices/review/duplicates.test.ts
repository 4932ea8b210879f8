import { describe, expect, it } from 'vitest';
import { testNotice } from '../../../../test/support/notice.js';
import { duplicateFlags, MAX_DUPLICATES } from './duplicates.js';

const alHassan = testNotice({
  requestingBureau: 'JO',
  subject: {
    familyName: 'Al-Hassan',
    forenames: 'Mohammed',
    dateOfBirth: '1980-03-12',
    nationalities: ['JO'],
    identityDocuments: [{ type: 'passport', number: 'N1234567', issuingCountry: 'JO' }],
  },
});

describe('duplicate flags', () => {
  it('flags a notice on the same person written in Arabic script', () => {
    const other = testNotice({
      id: 'other-1',
      controlNumber: '2024/01234',
      status: 'published',
      requestingBureau: 'IQ',
      subject: {
        familyName: 'الحسن',
        forenames: 'محمد',
        nameOriginalScript: 'محمد الحسن',
        dateOfBirth: '1980-03-12',
        nationalities: undefined,
      },
    });
    const flags = duplicateFlags(alHassan, [other]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      code: 'duplicate.person',
      severity: 'warning',
      details: { noticeId: 'other-1', controlNumber: '2024/01234', type: 'red', status: 'published' },
    });
    expect(flags[0]?.details?.score).toBeGreaterThanOrEqual(0.7);
  });

  it('compares the name in original script and aliases too', () => {
    const other = testNotice({
      subject: {
        familyName: 'Abu Ali',
        forenames: undefined,
        nameOriginalScript: 'محمد الحسن',
        dateOfBirth: '1980-03-12',
      },
    });
    const alias = testNotice({
      subject: {
        familyName: 'Abu Ali',
        forenames: undefined,
        aliases: ['Muhammad Alhasan'],
        dateOfBirth: '1980-03-12',
      },
    });
    expect(duplicateFlags(alHassan, [other, alias]).map((f) => f.code)).toEqual([
      'duplicate.person',
      'duplicate.person',
    ]);
  });

  it('does not flag a different person, or a namesake born on another date', () => {
    const different = testNotice({ subject: { familyName: 'Müller', forenames: 'Anna', sex: 'female' } });
    const namesake = testNotice({
      subject: {
        familyName: 'Al-Hassan',
        forenames: 'Mohammed',
        dateOfBirth: '1962-11-02',
        nationalities: ['JO'],
      },
    });
    expect(duplicateFlags(alHassan, [different])).toEqual([]);
    expect(duplicateFlags(alHassan, [namesake]).filter((f) => f.code === 'duplicate.person')).toEqual([]);
  });

  it('orders possible duplicates best first and keeps five', () => {
    const others = Array.from({ length: 7 }, (_, i) =>
      testNotice({
        subject: {
          familyName: 'Al-Hassan',
          forenames: i === 3 ? 'Mohammed' : 'Mohamed',
          dateOfBirth: i === 3 ? '1980-03-12' : '1980',
        },
      }),
    );
    const flags = duplicateFlags(alHassan, others);
    expect(flags).toHaveLength(MAX_DUPLICATES);
    expect(flags[0]?.details?.noticeId).toBe(others[3]?.id);
    const scores = flags.map((f) => Number(f.details?.score));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('flags the same passport number and country in another notice, however it is written', () => {
    const other = testNotice({
      id: 'other-doc',
      subject: {
        familyName: 'Smith',
        forenames: 'John',
        dateOfBirth: '1990-01-01',
        identityDocuments: [{ type: 'passport', number: 'n 123-4567', issuingCountry: 'JO' }],
      },
    });
    expect(duplicateFlags(alHassan, [other])).toMatchObject([
      {
        code: 'duplicate.document',
        field: 'data.subject.identityDocuments.0',
        details: { noticeId: 'other-doc', documentNumber: 'n 123-4567', issuingCountry: 'JO' },
      },
    ]);
    const otherCountry = testNotice({
      subject: { identityDocuments: [{ type: 'passport', number: 'N1234567', issuingCountry: 'LB' }] },
    });
    expect(duplicateFlags(alHassan, [otherCountry])).toEqual([]);
  });

  it('ignores the notice itself and notices without a subject', () => {
    const black = testNotice({ type: 'black', data: { subject: undefined } });
    expect(duplicateFlags(alHassan, [alHassan, black])).toEqual([]);
  });
});
