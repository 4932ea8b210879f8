// Databases 13–15: firearms, the firearms reference table and ballistics.
import type { DatabaseDefinition } from '../catalogue/catalogue.types.js';
import { country, day, enumField, longText, object, opt, str, text, texts, words } from './fields.js';

const FIREARM_TYPES = [
  'pistol',
  'revolver',
  'rifle',
  'shotgun',
  'submachine_gun',
  'machine_gun',
  'assault_rifle',
  'other',
] as const;

export const firearms: DatabaseDefinition = {
  id: 'firearms',
  number: 13,
  capability: 'databases',
  ownership: 'bureau',
  reviewYears: 5,
  closeReasons: ['recovered', 'withdrawn', 'destroyed'],
  identifierKinds: ['serial'],
  schema: object({
    make: text('Make', 60),
    model: opt(text('Model', 60)),
    calibre: opt(text('Calibre', 30)),
    serialNumber: text('Serial number', 40),
    type: enumField(FIREARM_TYPES, 'Firearm type'),
    status: enumField(['lost', 'stolen', 'trafficked', 'smuggled', 'seized'] as const, 'Status'),
    countryOfManufacture: opt(country('Country of manufacture')),
    eventDate: opt(day('Date of the event')),
    eventPlace: opt(text('Place of the event')),
    remarks: opt(longText('Remarks')),
  }),
  identifiers: (d) => [{ kind: 'serial', value: str(d.serialNumber) }],
  label: (d) => `${str(d.make)} ${str(d.model)} ${str(d.calibre)} #${str(d.serialNumber)} — ${str(d.status)}`,
  text: (d) => words(d.make, d.model, d.calibre, d.serialNumber, d.type, d.eventPlace, d.remarks),
};

/** Reference data kept by the General Secretariat and read by everyone with the capability. */
export const firearmsReference: DatabaseDefinition = {
  id: 'firearms_reference',
  number: 14,
  capability: 'databases',
  ownership: 'general_secretariat',
  reviewYears: 5,
  closeReasons: ['withdrawn', 'superseded'],
  identifierKinds: ['reference_code'],
  schema: object({
    referenceCode: text('Reference code', 40),
    make: text('Make', 60),
    model: text('Model', 60),
    calibre: opt(text('Calibre', 30)),
    type: enumField(FIREARM_TYPES, 'Firearm type'),
    manufacturerCountry: opt(country('Country of manufacture')),
    markings: opt(texts('Markings', 20, 200)),
    description: opt(longText('Description')),
  }),
  identifiers: (d) => [{ kind: 'reference_code', value: str(d.referenceCode) }],
  label: (d) => `${str(d.make)} ${str(d.model)} ${str(d.calibre)}`,
  text: (d) => words(d.referenceCode, d.make, d.model, d.calibre, d.markings, d.description),
};

export const ballistics: DatabaseDefinition = {
  id: 'ballistics',
  number: 15,
  capability: 'databases',
  ownership: 'bureau',
  reviewYears: 5,
  closeReasons: ['withdrawn', 'identified'],
  identifierKinds: ['lab_reference', 'firearm_serial', 'crime_scene'],
  schema: object({
    laboratoryReference: text('Laboratory reference', 60),
    itemType: enumField(['cartridge_case', 'bullet'] as const, 'Item'),
    calibre: text('Calibre', 30),
    firearmTypeInferred: opt(enumField(FIREARM_TYPES, 'Firearm type (inferred)')),
    firearmSerialNumber: opt(text('Serial of the firearm linked', 40)),
    crimeSceneReference: opt(text('Crime-scene reference', 60)),
    recoveredDate: opt(day('Recovered on')),
    marks: opt(longText('Marks (firing pin, breech face, rifling)')),
  }),
  identifiers: (d) => [
    { kind: 'lab_reference', value: str(d.laboratoryReference) },
    ...(d.firearmSerialNumber ? [{ kind: 'firearm_serial', value: str(d.firearmSerialNumber) }] : []),
    ...(d.crimeSceneReference ? [{ kind: 'crime_scene', value: str(d.crimeSceneReference) }] : []),
  ],
  label: (d) => `${str(d.itemType)} ${str(d.calibre)} ${str(d.laboratoryReference)}`,
  text: (d) => words(d.laboratoryReference, d.calibre, d.crimeSceneReference, d.marks),
};
