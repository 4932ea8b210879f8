// A person granted refugee status is protected against the country they fled: a notice requested
// by that country (or on its warrant) is, in INTERPOL's practice, not published unless the
// reviewer finds the status does not bar it. Status recorded at all is worth knowing.
import type { Notice } from '../notice.types.js';
import type { ReviewFlag } from './review-flag.js';

export function refugeeFlags(notice: Notice): ReviewFlag[] {
  const s = notice.data.subject;
  if (!s || (!s.refugeeStatusGrantedBy && !s.refugeePersecutionCountry)) return [];
  const details: Record<string, string> = { requestingBureau: notice.requestingBureau };
  if (s.refugeeStatusGrantedBy) details.grantedBy = s.refugeeStatusGrantedBy;
  if (s.refugeePersecutionCountry) details.persecutionCountry = s.refugeePersecutionCountry;

  const feared = s.refugeePersecutionCountry;
  const byThatCountry =
    feared !== undefined &&
    (notice.requestingBureau === feared || notice.data.warrant?.issuingCountry === feared);
  if (byThatCountry) {
    const who =
      notice.requestingBureau === feared ? 'the requesting bureau' : 'the country that issued the warrant';
    return [
      s.refugeeStatusGrantedBy
        ? {
            code: 'refugee.persecution_country',
            severity: 'problem',
            field: 'data.subject.refugeePersecutionCountry',
            message: `The person has refugee status (granted by ${s.refugeeStatusGrantedBy}) against ${feared}, which is ${who}: the notice may not be published unless the status does not bar it.`,
            details,
          }
        : {
            code: 'refugee.persecution_country',
            severity: 'warning',
            field: 'data.subject.refugeePersecutionCountry',
            message: `The person is recorded as fearing persecution in ${feared}, which is ${who}: check whether refugee status was sought or granted.`,
            details,
          },
    ];
  }
  return [
    {
      code: 'refugee.status',
      severity: 'info',
      field: s.refugeeStatusGrantedBy
        ? 'data.subject.refugeeStatusGrantedBy'
        : 'data.subject.refugeePersecutionCountry',
      message: s.refugeeStatusGrantedBy
        ? `The person has refugee status granted by ${s.refugeeStatusGrantedBy}: check that the request is not connected to the persecution feared.`
        : `The person is recorded as fearing persecution in ${feared}: check that the request is not connected to it.`,
      details,
    },
  ];
}
