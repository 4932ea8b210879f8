import { describe, expect, it } from 'vitest';
import { testNotice } from '../../../../test/support/notice.js';
import { refugeeFlags } from './refugee.js';

describe('refugee flags', () => {
  it('flags as a problem a notice requested by the country the refugee fled', () => {
    const n = testNotice({
      requestingBureau: 'SY',
      warrant: { issuingCountry: 'SY' },
      subject: { refugeeStatusGrantedBy: 'DE', refugeePersecutionCountry: 'SY' },
    });
    expect(refugeeFlags(n)).toMatchObject([
      {
        code: 'refugee.persecution_country',
        severity: 'problem',
        field: 'data.subject.refugeePersecutionCountry',
        details: { grantedBy: 'DE', persecutionCountry: 'SY', requestingBureau: 'SY' },
      },
    ]);
  });

  it('flags as a problem a warrant from that country sent through another bureau', () => {
    const n = testNotice({
      requestingBureau: 'FR',
      warrant: { issuingCountry: 'SY' },
      subject: { refugeeStatusGrantedBy: 'DE', refugeePersecutionCountry: 'SY' },
    });
    expect(refugeeFlags(n).map((f) => [f.code, f.severity])).toEqual([
      ['refugee.persecution_country', 'problem'],
    ]);
  });

  it('gives information when refugee status is recorded against another country', () => {
    const n = testNotice({
      requestingBureau: 'FR',
      subject: { refugeeStatusGrantedBy: 'DE', refugeePersecutionCountry: 'IR' },
    });
    expect(refugeeFlags(n)).toMatchObject([{ code: 'refugee.status', severity: 'info' }]);
  });

  it('warns when persecution by the requesting country is recorded without a status granted', () => {
    const n = testNotice({ requestingBureau: 'SY', subject: { refugeePersecutionCountry: 'SY' } });
    expect(refugeeFlags(n)).toMatchObject([{ code: 'refugee.persecution_country', severity: 'warning' }]);
  });

  it('says nothing when no refugee status is recorded', () => {
    expect(refugeeFlags(testNotice())).toEqual([]);
    expect(refugeeFlags(testNotice({ type: 'black', data: { subject: undefined } }))).toEqual([]);
  });
});
