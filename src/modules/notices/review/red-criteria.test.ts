import { describe, expect, it } from 'vitest';
import { charged, testNotice } from '../../../../test/support/notice.js';
import { MINOR_OFFENCES, redCriteriaFlags } from './red-criteria.js';

const today = '2025-06-30';
const check = (n: Parameters<typeof redCriteriaFlags>[0], hasPhoto = false) =>
  redCriteriaFlags(n, { hasPhoto, today });
const codes = (n: Parameters<typeof redCriteriaFlags>[0], hasPhoto = false) =>
  check(n, hasPhoto).map((f) => f.code);

describe('red notice criteria', () => {
  it('does not flag an ordinary murder charge with a 20-year maximum penalty', () => {
    expect(check(testNotice())).toEqual([]);
  });

  it('flags a notice without charges', () => {
    expect(check(testNotice({ data: { charges: [] } }))).toMatchObject([
      { code: 'red.no_serious_crime', severity: 'problem', field: 'data.charges' },
    ]);
  });

  it('flags minor or private-dispute offences, a problem when nothing else is charged', () => {
    expect(check(charged('Cheque without provision'))).toMatchObject([
      {
        code: 'red.minor_offence',
        severity: 'problem',
        field: 'data.charges.0.offence',
        details: { rule: 'bad_cheque' },
      },
    ]);
    expect(codes(charged('Émission de chèque sans provision'))).toEqual(['red.minor_offence']);
    expect(codes(charged('إصدار شيك بدون رصيد'))).toEqual(['red.minor_offence']);
    expect(codes(charged('Adultery'))).toEqual(['red.minor_offence']);
    expect(codes(charged('Unpaid debt'))).toEqual(['red.minor_offence']);
    const mixed = testNotice({
      data: {
        charges: [
          { offence: 'Murder', facts: '…' },
          { offence: 'Traffic offence', facts: '…' },
        ],
      },
    });
    expect(check(mixed)).toMatchObject([
      { code: 'red.minor_offence', severity: 'warning', field: 'data.charges.1.offence' },
    ]);
  });

  it('reads the offence, not the facts, for minor offences', () => {
    expect(
      codes(charged('Fraud', 'He ran up an unpaid debt of 2 million euros through forged invoices.')),
    ).toEqual([]);
  });

  it('keeps every minor-offence rule in the four languages', () => {
    expect(MINOR_OFFENCES.map((r) => r.rule.id)).toEqual(
      expect.arrayContaining(['unpaid_debt', 'bad_cheque', 'traffic_offence', 'defamation', 'adultery']),
    );
  });

  it('flags a prosecution whose maximum penalty is under two years, or not given', () => {
    expect(check(testNotice({ warrant: { maximumPenaltyMonths: 12 } }))).toMatchObject([
      {
        code: 'red.penalty_too_low',
        severity: 'problem',
        field: 'data.warrant.maximumPenaltyMonths',
        details: { months: 12, minimum: 24 },
      },
    ]);
    expect(codes(testNotice({ warrant: { maximumPenaltyMonths: 24 } }))).toEqual([]);
    expect(codes(testNotice({ warrant: { maximumPenaltyMonths: undefined } }))).toEqual([
      'red.penalty_missing',
    ]);
  });

  it('flags a sentence under six months imposed or remaining, or not given', () => {
    const sentence = { basis: 'sentence' as const, maximumPenaltyMonths: undefined };
    expect(check(testNotice({ warrant: { ...sentence, sentenceImposedMonths: 3 } }))).toMatchObject([
      { code: 'red.penalty_too_low', severity: 'problem', field: 'data.warrant.sentenceImposedMonths' },
    ]);
    expect(codes(testNotice({ warrant: { ...sentence, sentenceRemainingMonths: 7 } }))).toEqual([]);
    expect(
      codes(testNotice({ warrant: { ...sentence, sentenceImposedMonths: 36, sentenceRemainingMonths: 2 } })),
    ).toEqual([]);
    expect(
      codes(testNotice({ warrant: { ...sentence, sentenceImposedMonths: 5, sentenceRemainingMonths: 4 } })),
    ).toEqual(['red.penalty_too_low']);
    expect(codes(testNotice({ warrant: sentence }))).toEqual(['red.sentence_missing']);
  });

  it('flags a warrant dated in the future or more than 30 years ago', () => {
    expect(check(testNotice({ warrant: { date: '2025-07-01' } }))).toMatchObject([
      { code: 'red.warrant_date', severity: 'problem', field: 'data.warrant.date' },
    ]);
    expect(check(testNotice({ warrant: { date: '1995-06-29' } }))).toMatchObject([
      { code: 'red.warrant_date', severity: 'warning' },
    ]);
    expect(codes(testNotice({ warrant: { date: '1995-06-30' } }))).toEqual([]);
    expect(codes(testNotice({ warrant: { date: today } }))).toEqual([]);
  });

  it('flags a person who cannot be identified: a surname without date of birth, photo or fingerprints', () => {
    const surnameOnly = testNotice({ subject: { forenames: undefined, dateOfBirth: undefined } });
    expect(check(surnameOnly)).toMatchObject([
      { code: 'red.identification', severity: 'problem', field: 'data.subject' },
    ]);
    expect(codes(testNotice({ subject: { forenames: undefined, dateOfBirth: '1985-07-14' } }))).toEqual([]);
    expect(codes(testNotice({ subject: { dateOfBirth: '1985' } }))).toEqual(['red.identification']);
    expect(codes(testNotice({ subject: { dateOfBirth: undefined } }), true)).toEqual([]);
    expect(codes(testNotice({ subject: { dateOfBirth: undefined, fingerprintsAvailable: 'yes' } }))).toEqual(
      [],
    );
    expect(codes(testNotice({ subject: { dateOfBirth: undefined, fingerprintsAvailable: 'no' } }))).toEqual([
      'red.identification',
    ]);
  });

  it('applies what fits to other types: minor offences to a blue notice, no warrant checks', () => {
    const blue = testNotice({
      type: 'blue',
      data: {
        warrant: undefined,
        charges: [{ offence: 'Defamation', facts: '…' }],
        informationSought: 'Location',
      },
      subject: { dateOfBirth: undefined },
    });
    expect(check(blue)).toMatchObject([{ code: 'red.minor_offence', severity: 'warning' }]);
    const green = testNotice({
      type: 'green',
      data: { warrant: undefined },
      subject: { dateOfBirth: undefined },
    });
    expect(check(green)).toMatchObject([{ code: 'red.identification', severity: 'warning' }]);
  });
});
