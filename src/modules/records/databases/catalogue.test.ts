// The catalogue: 19 databases whose schemas the console can render, and whose rules, search keys
// and labels do what the officers rely on.
import { describe, expect, it } from 'vitest';
import { DATABASE_IDS } from '../catalogue/catalogue.types.js';
import { CATALOGUE, definitionOf } from '../catalogue/index.js';
import { prepareData } from '../records.validate.js';
import { mrzCheckDigit } from './check-digits.js';

type Schema = {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  patternProperties?: Record<string, Schema>;
  anyOf?: unknown;
};

/** The shapes the console's generic form renders; anything else would show as nothing. */
function assertRenderable(s: Schema, path: string, depth: number) {
  expect(s.anyOf, `${path} uses anyOf`).toBeUndefined();
  switch (s.type) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return;
    case 'array':
      expect(s.items, `${path} array without items`).toBeDefined();
      if (s.items!.type === 'object') {
        expect(depth, `${path}: arrays of objects only one level deep`).toBeLessThan(1);
        for (const [k, v] of Object.entries(s.items!.properties ?? {}))
          assertRenderable(v, `${path}.${k}`, depth + 1);
      } else {
        assertRenderable(s.items!, `${path}[]`, depth + 1);
      }
      return;
    case 'object':
      if (s.patternProperties) {
        // The DNA profile: locus → alleles, a key/value editor.
        for (const v of Object.values(s.patternProperties)) assertRenderable(v, `${path}{}`, depth + 1);
        return;
      }
      expect(depth, `${path}: nested objects only one level deep`).toBeLessThan(1);
      for (const [k, v] of Object.entries(s.properties ?? {})) assertRenderable(v, `${path}.${k}`, depth + 1);
      return;
    default:
      throw new Error(`${path} has type ${String(s.type)}`);
  }
}

function mrzLine2(doc: string, nat: string, dob: string, sex: string, exp: string) {
  const d = doc.padEnd(9, '<');
  const personal = '<'.repeat(14);
  const part1 = `${d}${mrzCheckDigit(d)}`;
  const part2 = `${dob}${mrzCheckDigit(dob)}`;
  const part3 = `${exp}${mrzCheckDigit(exp)}`;
  const part4 = `${personal}${mrzCheckDigit(personal)}`;
  const composite = mrzCheckDigit(`${part1}${part2}${part3}${part4}`);
  return `${part1}${nat}${part2}${sex}${part3}${part4}${composite}`;
}

const EXAMPLES: Record<string, Record<string, unknown>> = {
  nominal: {
    names: [{ written: 'أحمد حسن منصور', script: 'Arab', latin: 'Ahmed Hassan Mansour' }],
    aliases: [{ written: 'Abu Hassan' }],
    sex: 'male',
    dateOfBirth: '1980-03',
    nationalities: ['EG'],
    identityDocuments: [{ type: 'passport', number: 'A1234567', issuingCountry: 'EG' }],
    physicalDescription: { heightCm: 178, eyeColour: 'brown' },
    status: 'wanted',
    offences: ['armed robbery'],
  },
  fingerprints: {
    transactionControlNumber: 'FR-2026-000123',
    transactionType: 'latent',
    crimeSceneReference: 'CS-75-881',
  },
  dna: {
    laboratoryReference: 'LAB-9',
    sampleType: 'crime_scene_stain',
    loci: {
      D3S1358: ['15', '17'],
      vWA: ['16'],
      TH01: ['9.3', '6'],
      FGA: ['21', '24'],
      D8S1179: ['13', '14'],
      D21S11: ['29', '30'],
    },
  },
  facial_images: { imageReference: 'IMG-1', source: 'custody_photo', pose: 'frontal' },
  travel_documents: {
    documentNumber: '12AB34567',
    issuingCountry: 'FR',
    type: 'passport',
    status: 'stolen_blank',
  },
  administrative_documents: { type: 'visa_sticker', serialNumber: 'VS-000123', issuingCountry: 'FR' },
  notice_documents: {
    noticeReference: 'A-1234/5-2026',
    documentNumber: 'P998877',
    issuingCountry: 'FR',
    type: 'passport',
    holderName: 'Jean Dupont',
  },
  counterfeit_alerts: {
    alertReference: 'CF-1',
    documentType: 'passport',
    imitatedCountry: 'FR',
    detectionFeatures: ['no UV fibres'],
    description: 'Offset-printed data page',
  },
  genuine_documents: {
    specimenReference: 'SP-1',
    issuingCountry: 'FR',
    documentType: 'identity_card',
    securityFeatures: ['hologram'],
  },
  vehicles: {
    vin: '1M8GDM9AXKP042788',
    plates: [{ number: 'AB-123-CD', country: 'FR' }],
    make: 'Peugeot',
    year: 2019,
  },
  vessels: { name: 'Sea Breeze', imoNumber: '9074729', type: 'yacht', engineSerialNumbers: ['YAM-1234'] },
  works_of_art: {
    objectType: 'painting',
    title: 'Nature morte aux pommes',
    artist: 'Anonymous',
    dimensions: { heightCm: 40.5 },
  },
  firearms: {
    make: 'Glock',
    model: '17',
    calibre: '9x19mm',
    serialNumber: 'ABC123',
    type: 'pistol',
    status: 'stolen',
  },
  firearms_reference: {
    referenceCode: 'GLK-17-G5',
    make: 'Glock',
    model: '17 Gen5',
    type: 'pistol',
    markings: ['GLOCK AUSTRIA'],
  },
  ballistics: {
    laboratoryReference: 'BAL-7',
    itemType: 'cartridge_case',
    calibre: '9x19mm',
    firearmSerialNumber: 'ABC123',
  },
  icse: { series: 'series-1' },
  organisations: {
    name: 'Red Harbour Group',
    type: 'organised_crime',
    knownMembers: [{ name: 'Viktor Petrov', role: 'leader' }],
  },
  cbrne: { incidentReference: 'CB-1', incidentType: 'explosive', country: 'FR', casualties: 0 },
  maritime_piracy: {
    incidentReference: 'PI-1',
    incidentDate: '2026-05-01',
    attackType: 'boarding',
    vessels: [{ name: 'Ocean Star', imoNumber: '9074729' }],
    suspects: [{ name: 'Abdi Warsame', nationality: 'SO' }],
  },
};

describe('the catalogue', () => {
  it('holds the 19 databases, numbered in order', () => {
    expect(CATALOGUE.map((d) => d.id)).toEqual([...DATABASE_IDS]);
    expect(CATALOGUE.map((d) => d.number)).toEqual(DATABASE_IDS.map((_, i) => i + 1));
  });

  it.each(CATALOGUE.map((d) => [d.id, d] as const))('%s: a schema the console can render', (_, def) => {
    assertRenderable(def.schema as Schema, def.id, -1);
  });

  it.each(CATALOGUE.map((d) => [d.id, d] as const))(
    '%s: accepts a realistic record and indexes it',
    (id, def) => {
      const owner = id === 'firearms_reference' ? 'XG' : 'FR';
      const p = prepareData(def, EXAMPLES[id]!, owner);
      expect(p.errors).toEqual([]);
      expect(def.label(p.data).length).toBeGreaterThan(3);
      for (const i of def.identifiers(p.data)) expect(def.identifierKinds).toContain(i.kind);
    },
  );

  it('refuses unknown fields and names them', () => {
    const p = prepareData(definitionOf('firearms'), { ...EXAMPLES.firearms, laserSight: true }, 'FR');
    expect(p.errors).toContainEqual({ field: 'data.laserSight', message: 'is not a known field' });
  });
});

describe('travel documents', () => {
  const def = definitionOf('travel_documents');
  const line1 = 'P<FRAMARTIN<<CLAIRE<<<<<<<<<<<<<<<<<<<<<<<<<';

  it('only the issuing country records them', () => {
    const p = prepareData(def, EXAMPLES.travel_documents!, 'JO');
    expect(p.errors.map((e) => e.field)).toEqual(['data.issuingCountry']);
  });

  it('are entered by MRZ: fields filled, ICAO alpha-3 turned into alpha-2', () => {
    const mrz = `${line1}\n${mrzLine2('18CF12345', 'FRA', '850214', 'F', '330101')}`;
    const p = prepareData(def, { mrz, status: 'stolen_issued' }, 'FR');
    expect(p.errors).toEqual([]);
    expect(p.data).toMatchObject({
      documentNumber: '18CF12345',
      issuingCountry: 'FR',
      type: 'passport',
      status: 'stolen_issued',
      expiryDate: '2033-01-01',
      holderName: 'CLAIRE MARTIN',
      holderDateOfBirth: '1985-02-14',
    });
    expect(def.persons!(p.data)[0]!.names).toEqual(['CLAIRE MARTIN']);
  });

  it('refuse an MRZ with a wrong check digit, on data.mrz', () => {
    const good = mrzLine2('18CF12345', 'FRA', '850214', 'F', '330101');
    const bad = `${good.slice(0, 9)}${(Number(good[9]) + 1) % 10}${good.slice(10)}`;
    const p = prepareData(def, { mrz: `${line1}\n${bad}`, status: 'stolen_issued' }, 'FR');
    expect(p.errors[0]!.field).toBe('data.mrz');
    expect(p.errors[0]!.message).toMatch(/check digit/i);
  });
});

describe('rules beyond the schema', () => {
  it('a VIN check-digit failure is a warning, bad characters an error', () => {
    const def = definitionOf('vehicles');
    const warned = prepareData(def, { vin: '1M8GDM9A1KP042788' }, 'FR');
    expect(warned.errors).toEqual([]);
    expect(warned.warnings[0]!.field).toBe('data.vin');
    expect(prepareData(def, { vin: '1M8GDM9AXKP04278O' }, 'FR').errors[0]!.field).toBe('data.vin');
  });

  it('an IMO number with a wrong check digit is refused', () => {
    const p = prepareData(definitionOf('vessels'), { ...EXAMPLES.vessels, imoNumber: '9074728' }, 'FR');
    expect(p.errors).toEqual([{ field: 'data.imoNumber', message: 'has a wrong check digit' }]);
    const piracy = prepareData(
      definitionOf('maritime_piracy'),
      { ...EXAMPLES.maritime_piracy, vessels: [{ name: 'X', imoNumber: '9074728' }] },
      'FR',
    );
    expect(piracy.errors[0]!.field).toBe('data.vessels.0.imoNumber');
  });

  it('persons are found through every name they go by', () => {
    const facts = definitionOf('nominal').persons!(EXAMPLES.nominal!);
    expect(facts[0]!.names).toEqual(
      expect.arrayContaining(['أحمد حسن منصور', 'Ahmed Hassan Mansour', 'Abu Hassan']),
    );
    expect(facts[0]).toMatchObject({ dateOfBirth: '1980-03', sex: 'male', nationalities: ['EG'] });
  });

  it('fingerprints must be linked to a person or a crime scene', () => {
    const p = prepareData(
      definitionOf('fingerprints'),
      { transactionControlNumber: 'T1', transactionType: 'latent' },
      'FR',
    );
    expect(p.errors[0]!.field).toBe('data.personRecordId');
  });
});
