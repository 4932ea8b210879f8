// Databases 16–19: child-exploitation media (catalogue entry only), organisations and networks,
// CBRNE and explosive devices, maritime piracy.
import type { DatabaseDefinition, FieldIssue } from '../catalogue/catalogue.types.js';
import { imoValid } from './check-digits.js';
import {
  arr,
  countries,
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

/** Listed here so the catalogue is whole; its media and matching live in the ICSE capability. */
export const icse: DatabaseDefinition = {
  id: 'icse',
  number: 16,
  capability: 'icse',
  ownership: 'bureau',
  managedBy: 'icse',
  reviewYears: 5,
  closeReasons: ['withdrawn', 'identified'],
  identifierKinds: [],
  schema: object({ series: text('Series', 200) }),
  identifiers: () => [],
  label: (d) => str(d.series),
  text: (d) => str(d.series),
};

export const organisations: DatabaseDefinition = {
  id: 'organisations',
  number: 17,
  capability: 'networks',
  ownership: 'bureau',
  reviewYears: 5,
  closeReasons: ['withdrawn', 'dissolved'],
  identifierKinds: [],
  schema: object({
    name: text('Name', 200),
    aliases: opt(texts('Aliases', 20)),
    type: enumField(['terrorist', 'organised_crime', 'cybercrime', 'trafficking', 'other'] as const, 'Type'),
    areasOfOperation: opt(countries('Areas of operation')),
    activities: opt(texts('Activities', 20)),
    knownMembers: opt(
      list('Known members', object({ name: text('Name', 200), role: opt(text('Role', 100)) }), 100),
    ),
    description: opt(longText('Description')),
    // How the group is kept going (issue 10): each mechanism with what is known of it.
    supportMechanisms: opt(
      list(
        'Support mechanisms',
        object({
          kind: enumField(
            [
              'financing',
              'logistics',
              'recruitment',
              'propaganda',
              'safe_haven',
              'weapons_supply',
              'materials_supply',
            ] as const,
            'Kind',
          ),
          description: opt(longText('Description')),
        }),
        20,
      ),
    ),
  }),
  persons: (d) => arr<{ name: string }>(d.knownMembers).map((m) => ({ names: [m.name] })),
  identifiers: () => [],
  label: (d) => `${str(d.name)} (${str(d.type)})`,
  text: (d) => words(d.name, d.aliases, d.activities, d.knownMembers, d.description, d.supportMechanisms),
};

export const cbrne: DatabaseDefinition = {
  id: 'cbrne',
  number: 18,
  capability: 'cbrne',
  ownership: 'bureau',
  reviewYears: 5,
  closeReasons: ['withdrawn', 'resolved'],
  identifierKinds: ['incident_reference'],
  schema: object({
    incidentReference: text('Incident reference', 60),
    incidentType: enumField(
      ['chemical', 'biological', 'radiological', 'nuclear', 'explosive'] as const,
      'Incident type',
    ),
    date: opt(day('Date')),
    country: country('Country'),
    place: opt(text('Place')),
    materials: opt(texts('Materials', 20)),
    deviceDescription: opt(longText('Device')),
    initiationMethod: opt(text('Method of initiation', 200)),
    // How a device was built and hidden, so a method seen in one country is recognised in another.
    constructionMethod: opt(longText('Method of construction')),
    concealmentMethod: opt(longText('Method of concealment')),
    casualties: opt(int('Casualties', 0, 100000)),
    description: opt(longText('Description')),
  }),
  identifiers: (d) => [{ kind: 'incident_reference', value: str(d.incidentReference) }],
  label: (d) => `${str(d.incidentType)} ${str(d.country)} ${str(d.date)} ${str(d.incidentReference)}`,
  text: (d) =>
    words(
      d.incidentReference,
      d.place,
      d.materials,
      d.deviceDescription,
      d.initiationMethod,
      d.constructionMethod,
      d.concealmentMethod,
      d.description,
    ),
};

export const maritimePiracy: DatabaseDefinition = {
  id: 'maritime_piracy',
  number: 19,
  capability: 'databases',
  ownership: 'bureau',
  reviewYears: 5,
  closeReasons: ['withdrawn', 'resolved'],
  identifierKinds: ['imo', 'incident_reference'],
  schema: object({
    incidentReference: text('Incident reference', 60),
    incidentDate: day('Date of the incident'),
    latitude: opt(number('Latitude', -90, 90)),
    longitude: opt(number('Longitude', -180, 180)),
    area: opt(text('Sea area', 100)),
    attackType: enumField(
      ['boarding', 'hijacking', 'kidnapping', 'armed_robbery', 'attempted', 'other'] as const,
      'Attack type',
    ),
    vessels: opt(
      list(
        'Vessels',
        object({
          name: text('Vessel name', 100),
          imoNumber: opt(text('IMO number', 11, { pattern: '^(IMO ?)?\\d{7}$' })),
          flagCountry: opt(country('Flag')),
        }),
        10,
      ),
    ),
    suspects: opt(
      list('Suspects', object({ name: text('Name', 200), nationality: opt(country('Nationality')) }), 50),
    ),
    description: opt(longText('Description')),
  }),
  check(d) {
    const errors: FieldIssue[] = [];
    for (const [i, v] of arr<{ imoNumber?: string }>(d.vessels).entries()) {
      if (v.imoNumber && !imoValid(v.imoNumber))
        errors.push({ field: `data.vessels.${i}.imoNumber`, message: 'has a wrong check digit' });
    }
    return { errors, warnings: [] };
  },
  identifiers: (d) => [
    { kind: 'incident_reference', value: str(d.incidentReference) },
    ...arr<{ imoNumber?: string }>(d.vessels)
      .filter((v) => v.imoNumber)
      .map((v) => ({ kind: 'imo', value: str(v.imoNumber).replace(/^IMO\s?/i, '') })),
  ],
  persons: (d) =>
    arr<{ name: string; nationality?: string }>(d.suspects).map((s) => ({
      names: [s.name],
      nationalities: s.nationality ? [s.nationality] : undefined,
    })),
  label: (d) => `${str(d.attackType)} ${str(d.incidentDate)} ${str(d.area)} ${str(d.incidentReference)}`,
  text: (d) => words(d.incidentReference, d.area, d.vessels, d.suspects, d.description),
};
