// Databases 1–4: persons and their biometrics.
import { Type } from '@sinclair/typebox';
import type { DatabaseDefinition, PersonFacts } from '../catalogue/catalogue.types.js';
import {
  arr,
  countries,
  country,
  day,
  enumField,
  int,
  list,
  longText,
  obj,
  object,
  opt,
  partialDate,
  recordRef,
  str,
  text,
  texts,
  words,
} from './fields.js';

const SEX = ['female', 'male', 'unknown'] as const;
const PERSON_STATUS = [
  'wanted',
  'suspect',
  'convicted',
  'missing',
  'witness',
  'victim',
  'unidentified_body',
  'person_of_interest',
] as const;
const DOCUMENT_TYPES = [
  'passport',
  'identity_card',
  'visa',
  'residence_permit',
  'driving_licence',
  'other',
] as const;

const nameSchema = object({
  written: text('Name as written', 200),
  script: opt(text('Script', 20, { description: 'ISO 15924 code, e.g. Arab, Latn, Cyrl' })),
  latin: opt(text('Latin transliteration', 200)),
  familyName: opt(text('Family name', 100)),
  givenNames: opt(text('Given names', 100)),
});

type Name = { written?: string; latin?: string; familyName?: string; givenNames?: string };
const namesOf = (names: Name[]) =>
  names
    .flatMap((n) => [n.written, n.latin, [n.givenNames, n.familyName].filter(Boolean).join(' ')])
    .filter((x): x is string => Boolean(x));

export const nominal: DatabaseDefinition = {
  id: 'nominal',
  number: 1,
  capability: 'databases',
  screenable: true,
  ownership: 'bureau',
  reviewYears: 5,
  closeReasons: ['withdrawn', 'resolved', 'located', 'deceased'],
  identifierKinds: ['document'],
  schema: object({
    names: list('Names', nameSchema, 10),
    aliases: opt(list('Aliases', nameSchema, 20)),
    sex: opt(enumField(SEX, 'Sex')),
    dateOfBirth: opt(partialDate('Date of birth')),
    placeOfBirth: opt(text('Place of birth')),
    countryOfBirth: opt(country('Country of birth')),
    nationalities: opt(countries('Nationalities')),
    identityDocuments: opt(
      list(
        'Identity documents',
        object({
          type: enumField(DOCUMENT_TYPES, 'Document type'),
          number: text('Document number', 30),
          issuingCountry: opt(country('Issuing country')),
        }),
        10,
      ),
    ),
    physicalDescription: opt(
      object(
        {
          heightCm: opt(int('Height (cm)', 30, 250)),
          eyeColour: opt(text('Eye colour', 40)),
          hairColour: opt(text('Hair colour', 40)),
          distinguishingMarks: opt(text('Distinguishing marks', 1000)),
        },
        'Physical description',
      ),
    ),
    status: enumField(PERSON_STATUS, 'Status'),
    offences: opt(texts('Offences', 20)),
    remarks: opt(longText('Remarks')),
  }),
  check(data) {
    const errors =
      arr(data.names).length === 0 ? [{ field: 'data.names', message: 'needs at least one name' }] : [];
    return { errors, warnings: [] };
  },
  identifiers: (d) =>
    arr<{ number: string }>(d.identityDocuments).map((x) => ({ kind: 'document', value: x.number })),
  persons(d): PersonFacts[] {
    return [
      {
        names: namesOf([...arr<Name>(d.names), ...arr<Name>(d.aliases)]),
        dateOfBirth: d.dateOfBirth as string | undefined,
        sex: d.sex as PersonFacts['sex'],
        nationalities: d.nationalities as string[] | undefined,
      },
    ];
  },
  label(d) {
    const n = arr<Name>(d.names)[0];
    return [n?.latin ?? n?.written, d.dateOfBirth ? `(${str(d.dateOfBirth)})` : '', str(d.status)]
      .filter(Boolean)
      .join(' ');
  },
  text: (d) =>
    words(
      namesOf([...arr<Name>(d.names), ...arr<Name>(d.aliases)]),
      d.placeOfBirth,
      d.offences,
      d.remarks,
      obj(d.physicalDescription).distinguishingMarks,
    ),
};

export const fingerprints: DatabaseDefinition = {
  id: 'fingerprints',
  number: 2,
  capability: 'databases',
  ownership: 'bureau',
  reviewYears: 5,
  closeReasons: ['withdrawn', 'identified'],
  identifierKinds: ['tcn', 'crime_scene'],
  schema: object({
    transactionControlNumber: text('Transaction control number (TCN)', 40),
    transactionType: enumField(
      ['criminal_tenprint', 'latent', 'unidentified_body', 'missing_person'] as const,
      'Transaction type',
    ),
    captureDate: opt(day('Capture date')),
    impressions: opt(
      list(
        'Impressions present',
        enumField(
          [
            'right_thumb',
            'right_index',
            'right_middle',
            'right_ring',
            'right_little',
            'left_thumb',
            'left_index',
            'left_middle',
            'left_ring',
            'left_little',
            'palms',
            'latent_mark',
          ] as const,
          'Impression',
        ),
        12,
      ),
    ),
    personRecordId: opt(recordRef('Person record')),
    crimeSceneReference: opt(text('Crime-scene reference', 60)),
    remarks: opt(longText('Remarks')),
  }),
  check(d) {
    const errors =
      !d.personRecordId && !d.crimeSceneReference
        ? [
            {
              field: 'data.personRecordId',
              message: 'link the prints to a person record or a crime-scene reference',
            },
          ]
        : [];
    return { errors, warnings: [] };
  },
  identifiers: (d) => [
    { kind: 'tcn', value: str(d.transactionControlNumber) },
    ...(d.crimeSceneReference ? [{ kind: 'crime_scene', value: str(d.crimeSceneReference) }] : []),
  ],
  label: (d) => `${str(d.transactionType)} ${str(d.transactionControlNumber)}`,
  text: (d) => words(d.transactionControlNumber, d.crimeSceneReference, d.remarks),
};

export const dna: DatabaseDefinition = {
  id: 'dna',
  number: 3,
  capability: 'databases',
  ownership: 'bureau',
  reviewYears: 5,
  closeReasons: ['withdrawn', 'identified'],
  identifierKinds: ['lab_reference'],
  schema: object({
    laboratoryReference: text('Laboratory reference', 60),
    sampleType: enumField(
      [
        'crime_scene_stain',
        'reference_person',
        'missing_person',
        'relative_of_missing',
        'unidentified_remains',
      ] as const,
      'Sample type',
    ),
    kit: opt(text('Typing kit', 80)),
    // Locus → one or two alleles. Anonymous: the profile carries no name.
    loci: Type.Record(
      Type.String({ pattern: '^[A-Za-z0-9_.-]{2,20}$' }),
      list('Alleles', text('Allele', 5, { pattern: '^([0-9]{1,2}(\\.[0-9])?|X|Y)$' }), 2),
      {
        title: 'STR loci',
        description: 'Locus name → 1 or 2 alleles, e.g. {"D3S1358": ["15", "17"]}',
        minProperties: 1,
        maxProperties: 40,
      },
    ),
    remarks: opt(longText('Remarks')),
  }),
  check(d) {
    const loci = obj(d.loci);
    const errors = Object.entries(loci)
      .filter(([, v]) => arr(v).length === 0)
      .map(([k]) => ({ field: `data.loci.${k}`, message: 'needs one or two alleles' }));
    const counted = Object.keys(loci).filter((k) => k !== 'AMEL').length;
    const warnings =
      counted < 6
        ? [{ field: 'data.loci', message: `has ${counted} loci: at least 6 are needed to be searched` }]
        : [];
    return { errors, warnings };
  },
  identifiers: (d) => [{ kind: 'lab_reference', value: str(d.laboratoryReference) }],
  label: (d) =>
    `${str(d.sampleType)} ${str(d.laboratoryReference)} (${Object.keys(obj(d.loci)).length} loci)`,
  text: (d) => words(d.laboratoryReference, d.kit, d.remarks),
};

export const facialImages: DatabaseDefinition = {
  id: 'facial_images',
  number: 4,
  capability: 'databases',
  ownership: 'bureau',
  reviewYears: 5,
  closeReasons: ['withdrawn'],
  identifierKinds: ['image_reference'],
  schema: object({
    imageReference: text('Image reference', 60),
    personRecordId: opt(recordRef('Person record')),
    captureDate: opt(day('Capture date')),
    source: enumField(
      ['custody_photo', 'document_photo', 'cctv', 'social_media', 'other'] as const,
      'Source',
    ),
    device: opt(text('Camera or device', 100)),
    pose: opt(enumField(['frontal', 'profile_left', 'profile_right', 'other'] as const, 'Pose')),
    remarks: opt(longText('Remarks')),
  }),
  identifiers: (d) => [{ kind: 'image_reference', value: str(d.imageReference) }],
  label: (d) => `${str(d.source)} ${str(d.imageReference)}`,
  text: (d) => words(d.imageReference, d.device, d.remarks),
};
