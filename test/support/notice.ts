// Notices for the tests of review assistance: a valid red notice by default (an ordinary murder
// charge, a prosecution with a 20-year maximum, a named person with a full date of birth), with
// the parts a test is about replaced. Kept out of *.test.ts so that several test files share it.
import type {
  Notice,
  NoticeCharge,
  NoticeData,
  NoticeSubject,
  NoticeWarrant,
} from '../../src/modules/notices/notice.types.js';

export const murder: NoticeCharge = {
  offence: 'Murder',
  facts: 'On 3 May 2023 the person stabbed the victim to death during a robbery of a jewellery shop.',
  placeOfOffence: 'Lyon',
  countryOfOffence: 'FR',
  dateOfOffence: '2023-05-03',
};

export const prosecution: NoticeWarrant = {
  basis: 'prosecution',
  reference: 'MA-2023-0451',
  date: '2023-06-01',
  issuingAuthority: 'Investigating judge, Lyon',
  issuingCountry: 'FR',
  maximumPenaltyMonths: 240,
};

export const person: NoticeSubject = {
  familyName: 'DURAND',
  forenames: 'Pierre',
  sex: 'male',
  dateOfBirth: '1985-07-14',
  nationalities: ['FR'],
};

let seq = 0;

export function testNotice(
  over: Partial<Omit<Notice, 'data'>> & {
    data?: Partial<NoticeData>;
    subject?: Partial<NoticeSubject>;
    warrant?: Partial<NoticeWarrant>;
  } = {},
): Notice {
  const { data, subject, warrant, ...rest } = over;
  seq++;
  return {
    id: `notice-${seq}`,
    controlNumber: null,
    kind: 'notice',
    type: 'red',
    status: 'submitted',
    requestingBureau: 'FR',
    requestingUnit: null,
    title: 'Pierre DURAND',
    data: {
      subject: { ...person, ...subject },
      warrant: { ...prosecution, ...warrant },
      charges: [murder],
      ...data,
    },
    recipients: [],
    publicExtract: false,
    handling: 'official',
    language: 'en',
    createdAt: '2024-01-10T09:00:00.000Z',
    createdBy: 'user-1',
    updatedAt: '2024-01-10T09:00:00.000Z',
    submittedAt: '2024-01-11T09:00:00.000Z',
    publishedAt: null,
    reviewDate: null,
    reviewer: null,
    version: 1,
    ...rest,
  };
}

/** A notice whose one charge is `offence` with `facts`. */
export function charged(offence: string, facts = 'See the warrant.'): Notice {
  return testNotice({ data: { charges: [{ offence, facts }] } });
}
