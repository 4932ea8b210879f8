// Databases 10–12: stolen vehicles, vessels and works of art.
import type { DatabaseDefinition, FieldIssue } from '../catalogue/catalogue.types.js';
import { imoValid, vinProblems } from './check-digits.js';
import {
  arr,
  country,
  day,
  enumField,
  int,
  list,
  longText,
  number,
  object,
  opt,
  str,
  text,
  texts,
  words,
} from './fields.js';

export const vehicles: DatabaseDefinition = {
  id: 'vehicles',
  number: 10,
  capability: 'databases',
  screenable: true,
  ownership: 'bureau',
  reviewYears: 5,
  closeReasons: ['recovered', 'withdrawn', 'destroyed'],
  identifierKinds: ['vin', 'plate', 'part_serial'],
  schema: object({
    vin: text('VIN', 30),
    plates: opt(
      list(
        'Registration plates',
        object({ number: text('Plate number', 20), country: opt(country('Country')) }),
        5,
      ),
    ),
    make: opt(text('Make', 60)),
    model: opt(text('Model', 60)),
    colour: opt(text('Colour', 40)),
    year: opt(int('Year', 1886, 2100)),
    type: opt(
      enumField(
        ['car', 'motorcycle', 'truck', 'bus', 'trailer', 'construction', 'agricultural', 'other'] as const,
        'Vehicle type',
      ),
    ),
    identifiableParts: opt(
      list(
        'Identifiable parts',
        object({ part: text('Part', 60), serialNumber: text('Serial number', 40) }),
        20,
      ),
    ),
    theftDate: opt(day('Date of theft')),
    theftPlace: opt(text('Place of theft')),
    remarks: opt(longText('Remarks')),
  }),
  check(d) {
    const errors: FieldIssue[] = [];
    const warnings: FieldIssue[] = [];
    const p = vinProblems(str(d.vin).replace(/[\s-]/g, ''));
    if (p.error) errors.push({ field: 'data.vin', message: p.error });
    if (p.warning) warnings.push({ field: 'data.vin', message: p.warning });
    return { errors, warnings };
  },
  identifiers: (d) => [
    { kind: 'vin', value: str(d.vin) },
    ...arr<{ number: string }>(d.plates).map((p) => ({ kind: 'plate', value: p.number })),
    ...arr<{ serialNumber: string }>(d.identifiableParts).map((p) => ({
      kind: 'part_serial',
      value: p.serialNumber,
    })),
  ],
  label: (d) => [d.make, d.model, d.colour, str(d.vin)].filter(Boolean).map(str).join(' '),
  text: (d) => words(d.vin, d.make, d.model, d.colour, d.type, d.plates, d.theftPlace, d.remarks),
};

const imoField = () => text('IMO number', 11, { pattern: '^(IMO ?)?\\d{7}$' });

export const vessels: DatabaseDefinition = {
  id: 'vessels',
  number: 11,
  capability: 'databases',
  ownership: 'bureau',
  reviewYears: 5,
  closeReasons: ['recovered', 'withdrawn', 'destroyed'],
  identifierKinds: ['hin', 'imo', 'engine_serial'],
  schema: object({
    name: opt(text('Vessel name', 100)),
    hullIdentificationNumber: opt(text('Hull identification number (HIN)', 20)),
    imoNumber: opt(imoField()),
    type: enumField(
      ['yacht', 'motorboat', 'jet_ski', 'fishing_vessel', 'cargo', 'outboard_engine', 'other'] as const,
      'Vessel type',
    ),
    flagCountry: opt(country('Flag')),
    make: opt(text('Builder or make', 60)),
    lengthMetres: opt(number('Length (m)', 1, 500)),
    engineSerialNumbers: opt(texts('Engine serial numbers', 6, 40)),
    theftDate: opt(day('Date of theft')),
    theftPlace: opt(text('Place of theft')),
    remarks: opt(longText('Remarks')),
  }),
  check(d) {
    const errors: FieldIssue[] = [];
    if (d.imoNumber && !imoValid(str(d.imoNumber)))
      errors.push({ field: 'data.imoNumber', message: 'has a wrong check digit' });
    if (!d.hullIdentificationNumber && !d.imoNumber && arr(d.engineSerialNumbers).length === 0) {
      errors.push({
        field: 'data.hullIdentificationNumber',
        message: 'give a HIN, an IMO number or an engine serial number',
      });
    }
    return { errors, warnings: [] };
  },
  identifiers: (d) => [
    ...(d.hullIdentificationNumber ? [{ kind: 'hin', value: str(d.hullIdentificationNumber) }] : []),
    ...(d.imoNumber ? [{ kind: 'imo', value: str(d.imoNumber).replace(/^IMO\s?/i, '') }] : []),
    ...arr<string>(d.engineSerialNumbers).map((s) => ({ kind: 'engine_serial', value: s })),
  ],
  label: (d) =>
    [
      d.type,
      d.name,
      d.imoNumber ? `IMO ${str(d.imoNumber).replace(/^IMO\s?/i, '')}` : d.hullIdentificationNumber,
    ]
      .filter(Boolean)
      .map(str)
      .join(' '),
  text: (d) => words(d.name, d.hullIdentificationNumber, d.imoNumber, d.make, d.theftPlace, d.remarks),
};

export const worksOfArt: DatabaseDefinition = {
  id: 'works_of_art',
  number: 12,
  capability: 'databases',
  ownership: 'bureau',
  reviewYears: 5,
  closeReasons: ['recovered', 'withdrawn'],
  identifierKinds: ['inventory_number'],
  schema: object({
    objectType: enumField(
      [
        'painting',
        'sculpture',
        'drawing',
        'print',
        'manuscript',
        'archaeological',
        'religious',
        'coin',
        'jewellery',
        'other',
      ] as const,
      'Object type',
    ),
    title: text('Title', 300),
    artist: opt(text('Artist')),
    period: opt(text('Period', 100)),
    materials: opt(texts('Materials', 10, 100)),
    dimensions: opt(
      object(
        {
          heightCm: opt(number('Height (cm)', 0, 10000)),
          widthCm: opt(number('Width (cm)', 0, 10000)),
          depthCm: opt(number('Depth (cm)', 0, 10000)),
        },
        'Dimensions',
      ),
    ),
    inscriptions: opt(text('Inscriptions and marks', 1000)),
    inventoryNumber: opt(text('Inventory number', 60)),
    theftDate: opt(day('Date of theft')),
    theftPlace: opt(text('Place of theft')),
    description: opt(longText('Description')),
  }),
  identifiers: (d) =>
    d.inventoryNumber ? [{ kind: 'inventory_number', value: str(d.inventoryNumber) }] : [],
  label: (d) => `${str(d.title)}${d.artist ? ` — ${str(d.artist)}` : ''}`,
  text: (d) => words(d.title, d.artist, d.period, d.materials, d.inscriptions, d.theftPlace, d.description),
};
