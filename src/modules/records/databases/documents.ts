// Databases 5–9: travel and administrative documents.
import type { DatabaseDefinition, PersonFacts } from '../catalogue/catalogue.types.js';
import {
  country,
  day,
  enumField,
  int,
  longText,
  object,
  opt,
  partialDate,
  str,
  text,
  texts,
  words,
} from './fields.js';
import { travelDocumentFromMrz } from './mrz-entry.js';

export const TRAVEL_TYPES = [
  'passport',
  'identity_card',
  'visa',
  'residence_permit',
  'travel_document',
  'other',
] as const;
const TRAVEL_STATUS = ['stolen_blank', 'stolen_issued', 'lost', 'revoked'] as const;

/** Document numbers as printed: letters, digits and the separators people type. */
const documentNumber = () => text('Document number', 30, { pattern: '^[A-Za-z0-9][A-Za-z0-9 <./-]*$' });

export const travelDocuments: DatabaseDefinition = {
  id: 'travel_documents',
  number: 5,
  capability: 'databases',
  screenable: true,
  ownership: 'bureau',
  reviewYears: 10,
  closeReasons: ['found', 'recovered', 'withdrawn', 'expired'],
  identifierKinds: ['document'],
  schema: object({
    mrz: opt(
      text('Machine-readable zone', 200, { description: 'Two or three MRZ lines; fills the fields below' }),
    ),
    documentNumber: documentNumber(),
    issuingCountry: country('Issuing country'),
    type: enumField(TRAVEL_TYPES, 'Document type'),
    status: enumField(TRAVEL_STATUS, 'Status'),
    issueDate: opt(day('Issue date')),
    expiryDate: opt(day('Expiry date')),
    holderName: opt(text('Holder name')),
    holderDateOfBirth: opt(partialDate('Holder date of birth')),
    holderNationality: opt(country('Holder nationality')),
    eventDate: opt(day('Date of theft or loss')),
    eventPlace: opt(text('Place of theft or loss')),
    remarks: opt(longText('Remarks')),
  }),
  prepare(data) {
    if (data.mrz === undefined || data.mrz === '') return { data, errors: [] };
    const { fields, errors } = travelDocumentFromMrz(data.mrz);
    if (errors.length > 0) return { data, errors };
    const mrz = Array.isArray(data.mrz) ? data.mrz.join('\n') : String(data.mrz);
    // The MRZ is what the document carries, so its fields win; the officer adds what an MRZ
    // cannot say (status, when and where it was stolen).
    return { data: { ...data, ...stripUndefined(fields), mrz }, errors: [] };
  },
  check(d, owner) {
    const errors = [];
    if (d.issuingCountry !== owner) {
      errors.push({
        field: 'data.issuingCountry',
        message: `must be your own country (${owner}): only the issuing country records its documents`,
      });
    }
    if (d.status === 'stolen_blank' && d.holderName) {
      errors.push({ field: 'data.holderName', message: 'a blank document has no holder' });
    }
    return { errors, warnings: [] };
  },
  identifiers: (d) => [{ kind: 'document', value: str(d.documentNumber) }],
  persons: (d): PersonFacts[] =>
    d.holderName
      ? [
          {
            names: [str(d.holderName)],
            dateOfBirth: d.holderDateOfBirth as string | undefined,
            nationalities: d.holderNationality ? [str(d.holderNationality)] : undefined,
          },
        ]
      : [],
  label: (d) => `${str(d.type)} ${str(d.issuingCountry)} ${str(d.documentNumber)} — ${str(d.status)}`,
  text: (d) => words(d.documentNumber, d.type, d.status, d.holderName, d.eventPlace, d.remarks),
};

function stripUndefined(o: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export const administrativeDocuments: DatabaseDefinition = {
  id: 'administrative_documents',
  number: 6,
  capability: 'databases',
  screenable: true,
  ownership: 'bureau',
  reviewYears: 5,
  closeReasons: ['found', 'recovered', 'withdrawn'],
  identifierKinds: ['serial'],
  schema: object({
    type: enumField(
      ['vehicle_registration', 'visa_sticker', 'seal', 'stamp', 'residence_permit_blank', 'other'] as const,
      'Document type',
    ),
    serialNumber: text('Serial number', 40),
    issuingCountry: country('Issuing country'),
    issuingAuthority: opt(text('Issuing authority')),
    quantity: opt(int('Quantity', 1, 1000000)),
    eventDate: opt(day('Date of theft or loss')),
    remarks: opt(longText('Remarks')),
  }),
  identifiers: (d) => [{ kind: 'serial', value: str(d.serialNumber) }],
  label: (d) => `${str(d.type)} ${str(d.issuingCountry)} ${str(d.serialNumber)}`,
  text: (d) => words(d.serialNumber, d.type, d.issuingAuthority, d.remarks),
};

export const noticeDocuments: DatabaseDefinition = {
  id: 'notice_documents',
  number: 7,
  capability: 'databases',
  screenable: true,
  ownership: 'bureau',
  reviewYears: 5,
  closeReasons: ['withdrawn', 'notice_cancelled'],
  identifierKinds: ['document', 'notice'],
  schema: object({
    noticeReference: text('Notice reference', 40),
    documentNumber: documentNumber(),
    issuingCountry: country('Issuing country'),
    type: enumField(TRAVEL_TYPES, 'Document type'),
    holderName: text('Holder name'),
    holderDateOfBirth: opt(partialDate('Holder date of birth')),
    remarks: opt(longText('Remarks')),
  }),
  identifiers: (d) => [
    { kind: 'document', value: str(d.documentNumber) },
    { kind: 'notice', value: str(d.noticeReference) },
  ],
  persons: (d) => [{ names: [str(d.holderName)], dateOfBirth: d.holderDateOfBirth as string | undefined }],
  label: (d) =>
    `${str(d.type)} ${str(d.issuingCountry)} ${str(d.documentNumber)} (notice ${str(d.noticeReference)})`,
  text: (d) => words(d.documentNumber, d.noticeReference, d.holderName, d.remarks),
};

export const counterfeitAlerts: DatabaseDefinition = {
  id: 'counterfeit_alerts',
  number: 8,
  capability: 'databases',
  ownership: 'bureau',
  reviewYears: 5,
  closeReasons: ['withdrawn', 'superseded'],
  identifierKinds: ['alert_reference'],
  schema: object({
    alertReference: text('Alert reference', 40),
    documentType: enumField(TRAVEL_TYPES, 'Document type'),
    imitatedCountry: country('Country imitated'),
    series: opt(text('Series or number range', 100)),
    detectionFeatures: texts('How to detect it', 20, 500),
    firstSeenDate: opt(day('First seen')),
    firstSeenPlace: opt(text('First seen at')),
    description: longText('Description'),
  }),
  identifiers: (d) => [{ kind: 'alert_reference', value: str(d.alertReference) }],
  label: (d) => `Counterfeit ${str(d.documentType)} ${str(d.imitatedCountry)} ${str(d.alertReference)}`,
  text: (d) => words(d.alertReference, d.series, d.detectionFeatures, d.firstSeenPlace, d.description),
};

export const genuineDocuments: DatabaseDefinition = {
  id: 'genuine_documents',
  number: 9,
  capability: 'databases',
  ownership: 'bureau',
  reviewYears: 5,
  closeReasons: ['withdrawn', 'superseded'],
  identifierKinds: ['specimen_reference'],
  schema: object({
    specimenReference: text('Specimen reference', 40),
    issuingCountry: country('Issuing country'),
    documentType: enumField(TRAVEL_TYPES, 'Document type'),
    series: opt(text('Series', 100)),
    validFrom: opt(day('Valid from')),
    validUntil: opt(day('Valid until')),
    securityFeatures: texts('Security features', 30, 500),
  }),
  identifiers: (d) => [{ kind: 'specimen_reference', value: str(d.specimenReference) }],
  label: (d) => `Specimen ${str(d.documentType)} ${str(d.issuingCountry)} ${str(d.series)}`,
  text: (d) => words(d.specimenReference, d.series, d.securityFeatures),
};
