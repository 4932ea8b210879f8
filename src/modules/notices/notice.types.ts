// The notice types and what each must carry. A type is data: its TypeBox schema (which the
// console renders as a form, like a database's), the parts of it the workflow and the public
// extracts read, and whether a public extract of it may exist at all.
//
// The data of a notice is one JSON object. Shared parts:
//   subject   — the person the notice is about (red, yellow, blue, green, un person; optional for
//               orange and silver); its identity documents are checked at borders once published;
//   body      — an unidentified body (black);
//   warrant   — the legal basis of a red notice (prosecution or sentence);
//   charges   — the offences (red, blue, green);
//   event     — disappearance (yellow), threat (orange), modus operandi (purple), assets (silver),
//               sanctions (un).
import type { TSchema } from '@sinclair/typebox';
import {
  countries,
  country,
  day,
  enumField,
  int,
  list,
  longText,
  object,
  opt,
  partialDate,
  text,
  texts,
} from '../records/databases/fields.js';

export const NOTICE_TYPES = [
  'red',
  'yellow',
  'blue',
  'black',
  'green',
  'orange',
  'purple',
  'silver',
  'un',
] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

/** A notice is reviewed before publication; a diffusion goes straight to chosen bureaus. */
export const NOTICE_KINDS = ['notice', 'diffusion'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_STATUSES = [
  'draft', // being written by the requesting bureau
  'approved', // approved by the bureau's supervisor, not yet sent
  'submitted', // sent to the General Secretariat, waiting for a reviewer
  'under_review', // a reviewer has taken it
  'info_requested', // the reviewer asked the bureau for more information
  'refused', // refused by the reviewer, with reasons (final)
  'published', // reaches every bureau (a notice) or its recipients (a diffusion: "sent")
  'cancelled', // cancelled by the requesting bureau (final)
  'withdrawn', // a diffusion withdrawn after its compliance check (final)
  'expired', // reached its review date without extension (final)
] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** Statuses a notice never leaves. */
export const FINAL_STATUSES: readonly NoticeStatus[] = ['refused', 'cancelled', 'withdrawn', 'expired'];

/** Years from publication (or extension) to the review date. */
export const REVIEW_YEARS = 5;

export const SEX = ['female', 'male', 'unknown'] as const;
const DOCUMENT_TYPES = [
  'passport',
  'identity_card',
  'visa',
  'residence_permit',
  'travel_document',
  'other',
] as const;

/** The person a notice is about. Names as written in any script, with the Latin form beside. */
export const subjectSchema = object(
  {
    familyName: text('Family name', 100),
    forenames: opt(text('Forenames', 100)),
    nameOriginalScript: opt(text('Name in original script', 200)),
    aliases: opt(texts('Other names used', 20, 200)),
    sex: enumField(SEX, 'Sex'),
    dateOfBirth: opt(partialDate('Date of birth')),
    placeOfBirth: opt(text('Place of birth', 200)),
    countryOfBirth: opt(country('Country of birth')),
    nationalities: opt(countries('Nationalities')),
    heightCm: opt(int('Height (cm)', 30, 260)),
    weightKg: opt(int('Weight (kg)', 2, 400)),
    eyeColour: opt(text('Eye colour', 40)),
    hairColour: opt(text('Hair colour', 40)),
    distinguishingMarks: opt(longText('Distinguishing marks')),
    languages: opt(texts('Languages spoken', 10, 40)),
    fingerprintsAvailable: opt(enumField(['yes', 'no'] as const, 'Fingerprints available')),
    dnaProfileAvailable: opt(enumField(['yes', 'no'] as const, 'DNA profile available')),
    identityDocuments: opt(
      list(
        'Identity documents',
        object({
          type: enumField(DOCUMENT_TYPES, 'Document type'),
          number: text('Document number', 30, { pattern: '^[A-Za-z0-9][A-Za-z0-9 <./-]*$' }),
          issuingCountry: country('Issuing country'),
        }),
        10,
      ),
    ),
    refugeeStatusGrantedBy: opt(country('Refugee status granted by')),
    refugeePersecutionCountry: opt(country('Country of feared persecution')),
  },
  'Person',
);

const warrantSchema = object(
  {
    basis: enumField(['prosecution', 'sentence'] as const, 'Sought for'),
    reference: text('Arrest warrant or judgment reference', 100),
    date: day('Date of the warrant or judgment'),
    issuingAuthority: text('Issuing authority', 200),
    issuingCountry: country('Issuing country'),
    maximumPenaltyMonths: opt(int('Maximum penalty for the offence (months; prosecution)', 0, 1200)),
    sentenceImposedMonths: opt(int('Sentence imposed (months; sentence)', 0, 1200)),
    sentenceRemainingMonths: opt(int('Sentence remaining (months; sentence)', 0, 1200)),
  },
  'Arrest warrant or judgment',
);

const chargeSchema = object({
  offence: text('Offence', 200),
  facts: longText('Summary of facts'),
  placeOfOffence: opt(text('Place', 200)),
  countryOfOffence: opt(country('Country')),
  dateOfOffence: opt(partialDate('Date')),
});
const charges = (title: string) => list(title, chargeSchema, 20);

const common = {
  summary: opt(longText('Summary for the receiving bureaus')),
  actionRequested: opt(longText('Action requested')),
};

export interface NoticeTypeDefinition {
  type: NoticeType;
  /** What the notice asks, in English (the console translates by type). */
  purpose: string;
  /** The JSON schema of its `data`: validated on every write, rendered by the console as a form. */
  schema: TSchema;
  /** Whether it names a person (subject), so the person is screened at borders once published. */
  subject: 'required' | 'optional' | 'none';
  /** Public extracts exist for red, yellow and UN person notices only, with the requester's consent. */
  publicExtract: 'red' | 'yellow' | 'un' | null;
  /** The nominal status a published notice's person is screened under (none: not screened). */
  screenedAs: 'wanted' | 'missing' | 'person_of_interest' | null;
}

export const NOTICE_DEFINITIONS: Record<NoticeType, NoticeTypeDefinition> = {
  red: {
    type: 'red',
    purpose: 'Locate and provisionally arrest a person, with a view to extradition or similar legal action',
    schema: object({
      subject: subjectSchema,
      warrant: warrantSchema,
      charges: charges('Charges'),
      ...common,
    }),
    subject: 'required',
    publicExtract: 'red',
    screenedAs: 'wanted',
  },
  yellow: {
    type: 'yellow',
    purpose: 'Locate a missing person, or identify a person unable to identify themselves',
    schema: object({
      subject: subjectSchema,
      event: object(
        {
          kind: enumField(['missing', 'unable_to_identify'] as const, 'Case'),
          date: opt(partialDate('Date of disappearance')),
          place: opt(text('Place of disappearance', 200)),
          country: opt(country('Country of disappearance')),
          circumstances: longText('Circumstances'),
        },
        'Disappearance',
      ),
      ...common,
    }),
    subject: 'required',
    publicExtract: 'yellow',
    screenedAs: 'missing',
  },
  blue: {
    type: 'blue',
    purpose: "Collect information about a person's identity, location or activities in a criminal matter",
    schema: object({
      subject: subjectSchema,
      charges: opt(charges('Offences concerned')),
      informationSought: longText('Information sought'),
      ...common,
    }),
    subject: 'required',
    publicExtract: null,
    screenedAs: 'person_of_interest',
  },
  black: {
    type: 'black',
    purpose: 'Seek information on an unidentified body',
    schema: object({
      body: object(
        {
          foundDate: partialDate('Date found'),
          foundPlace: text('Place found', 200),
          foundCountry: country('Country'),
          sex: enumField(SEX, 'Sex'),
          estimatedAgeMin: opt(int('Estimated age from', 0, 120)),
          estimatedAgeMax: opt(int('Estimated age to', 0, 120)),
          heightCm: opt(int('Height (cm)', 30, 260)),
          description: longText('Description (clothing, marks, objects)'),
          causeOfDeath: opt(text('Cause of death', 200)),
          dnaProfileAvailable: opt(enumField(['yes', 'no'] as const, 'DNA profile available')),
          fingerprintsAvailable: opt(enumField(['yes', 'no'] as const, 'Fingerprints available')),
        },
        'Body',
      ),
      ...common,
    }),
    subject: 'none',
    publicExtract: null,
    screenedAs: null,
  },
  green: {
    type: 'green',
    purpose:
      "Warn about a person's criminal activities where the person is likely to repeat them (e.g. sexual offences against children)",
    schema: object({
      subject: subjectSchema,
      charges: charges('Offences committed'),
      riskAssessment: longText('Why the person is considered a threat'),
      ...common,
    }),
    subject: 'required',
    publicExtract: null,
    screenedAs: 'person_of_interest',
  },
  orange: {
    type: 'orange',
    purpose: 'Warn of an event, a person, an object or a process representing a serious and imminent threat',
    schema: object({
      subject: opt(subjectSchema),
      threat: object(
        {
          kind: enumField(['person', 'object', 'event', 'process'] as const, 'Threat from'),
          description: longText('Description of the threat'),
          imminence: enumField(['imminent', 'serious'] as const, 'Imminence'),
          validUntil: opt(day('Threat valid until')),
        },
        'Threat',
      ),
      ...common,
    }),
    subject: 'optional',
    publicExtract: null,
    screenedAs: 'person_of_interest',
  },
  purple: {
    type: 'purple',
    purpose:
      'Seek or provide information on modus operandi, objects, devices and concealment methods used by criminals',
    schema: object({
      modusOperandi: object(
        {
          description: longText('Modus operandi'),
          objects: opt(longText('Objects and devices')),
          concealment: opt(longText('Concealment methods')),
          offence: text('Offence', 200),
          countriesConcerned: opt(countries('Countries concerned')),
        },
        'Modus operandi',
      ),
      ...common,
    }),
    subject: 'none',
    publicExtract: null,
    screenedAs: null,
  },
  silver: {
    type: 'silver',
    purpose: 'Trace and locate criminal assets (property, vehicles, accounts, businesses)',
    schema: object({
      subject: opt(subjectSchema),
      assets: object(
        {
          description: longText('Assets sought'),
          offence: text('Offence the assets derive from', 200),
          estimatedValueMinor: opt(int('Estimated value (minor units)', 0, Number.MAX_SAFE_INTEGER)),
          currency: opt(text('Currency (ISO 4217)', 3, { pattern: '^[A-Z]{3}$' })),
          countriesConcerned: opt(countries('Countries where assets may be')),
        },
        'Assets',
      ),
      charges: opt(charges('Charges')),
      ...common,
    }),
    subject: 'optional',
    publicExtract: null,
    screenedAs: 'person_of_interest',
  },
  un: {
    type: 'un',
    purpose: 'Alert to a person or entity subject to United Nations Security Council sanctions',
    schema: object({
      subject: subjectSchema,
      sanctions: object(
        {
          committee: text('Sanctions committee', 200),
          unReference: text('UN reference (e.g. QDi.123)', 40),
          measures: texts('Measures (asset freeze, travel ban, arms embargo)', 5, 100),
          listedOn: opt(day('Listed on')),
          narrative: opt(longText('Narrative summary')),
        },
        'Sanctions',
      ),
      ...common,
    }),
    subject: 'required',
    publicExtract: 'un',
    screenedAs: 'wanted',
  },
};

/** The shapes of the parts other modules read (after schema validation). */
export interface NoticeSubject {
  familyName: string;
  forenames?: string;
  nameOriginalScript?: string;
  aliases?: string[];
  sex: (typeof SEX)[number];
  dateOfBirth?: string;
  placeOfBirth?: string;
  countryOfBirth?: string;
  nationalities?: string[];
  heightCm?: number;
  weightKg?: number;
  eyeColour?: string;
  hairColour?: string;
  distinguishingMarks?: string;
  languages?: string[];
  fingerprintsAvailable?: 'yes' | 'no';
  dnaProfileAvailable?: 'yes' | 'no';
  identityDocuments?: { type: string; number: string; issuingCountry: string }[];
  refugeeStatusGrantedBy?: string;
  refugeePersecutionCountry?: string;
}

export interface NoticeCharge {
  offence: string;
  facts: string;
  placeOfOffence?: string;
  countryOfOffence?: string;
  dateOfOffence?: string;
}

export interface NoticeWarrant {
  basis: 'prosecution' | 'sentence';
  reference: string;
  date: string;
  issuingAuthority: string;
  issuingCountry: string;
  maximumPenaltyMonths?: number;
  sentenceImposedMonths?: number;
  sentenceRemainingMonths?: number;
}

/** A notice's data as validated; every part optional here because each type has its own. */
export interface NoticeData {
  subject?: NoticeSubject;
  warrant?: NoticeWarrant;
  charges?: NoticeCharge[];
  [part: string]: unknown;
}

/** A notice as the service and its readers (review assistance, PDF, public API) see it. */
export interface Notice {
  id: string;
  /** "YYYY/NNNNN", given when the notice is published or the diffusion sent. */
  controlNumber: string | null;
  kind: NoticeKind;
  type: NoticeType;
  status: NoticeStatus;
  requestingBureau: string;
  requestingUnit: string | null;
  title: string;
  data: NoticeData;
  /** Diffusions only: the bureaus it goes to. */
  recipients: string[];
  /** The requesting bureau agrees to a public extract (red, yellow, un only). */
  publicExtract: boolean;
  handling: 'official' | 'restricted';
  language: 'ar' | 'en' | 'fr' | 'es';
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  reviewDate: string | null;
  reviewer: string | null;
  version: number;
}
