import { describe, expect, it } from 'vitest';
import { testNotice } from '../../../../test/support/notice.js';
import { assistReview } from './review-assist.js';

describe('review assistance', () => {
  it('has nothing to say about an ordinary murder case', () => {
    expect(assistReview(testNotice(), { hasPhoto: false, others: [], today: '2025-06-30' })).toEqual([]);
  });

  it('combines every check, problems first', () => {
    const n = testNotice({
      requestingBureau: 'SY',
      data: { charges: [{ offence: 'Espionage', facts: 'Sold plans of the port to a foreign service.' }] },
      warrant: { maximumPenaltyMonths: 12, issuingCountry: 'SY' },
      subject: {
        refugeeStatusGrantedBy: 'DE',
        refugeePersecutionCountry: 'SY',
        identityDocuments: [{ type: 'passport', number: 'X1', issuingCountry: 'SY' }],
      },
    });
    const other = testNotice({
      subject: { identityDocuments: [{ type: 'passport', number: 'X1', issuingCountry: 'SY' }] },
    });
    const flags = assistReview(n, { hasPhoto: true, others: [other], today: '2025-06-30' });
    expect(flags.map((f) => f.code).sort()).toEqual(
      [
        'duplicate.document',
        'duplicate.person',
        'neutrality.military',
        'red.penalty_too_low',
        'refugee.persecution_country',
      ].sort(),
    );
    const rank = { problem: 0, warning: 1, info: 2 };
    const severities = flags.map((f) => rank[f.severity]);
    expect([...severities].sort()).toEqual(severities);
    expect(flags[0]?.severity).toBe('problem');
    expect(flags.find((f) => f.code === 'neutrality.military')?.severity).toBe('warning');
  });
});
