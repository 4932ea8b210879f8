// Synthetic records for demonstrations and benchmarks: stolen travel documents (machine-readable
// zones with valid ICAO check digits), persons with names in several scripts and their Latin
// spellings, stolen vehicles (VINs with valid check digits), firearms and DNA profiles — for each
// demo bureau, imported through the same path as a bureau's own files. Deterministic: the same
// scale gives the same records, and references make a second run change nothing.
import countries from 'i18n-iso-countries';
import type { AppContext } from '../../context.js';
import { operatorPrincipal } from '../records/bulk/import.cli.js';
import { importRecords } from '../records/bulk/import.service.js';
import { mrzCheckDigit, vinCheckDigit } from '../records/databases/check-digits.js';

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

/** People as their bureau writes them, with a Latin spelling where the script is not Latin. */
const PEOPLE: Record<string, { written: string; script: string; latin?: string; sex: 'female' | 'male' }[]> =
  {
    FR: [
      { written: 'Camille Dubois', script: 'Latn', sex: 'female' },
      { written: 'Julien Lefèvre', script: 'Latn', sex: 'male' },
      { written: 'Иван Петров', script: 'Cyrl', latin: 'Ivan Petrov', sex: 'male' },
      { written: 'Amélie Rousseau', script: 'Latn', sex: 'female' },
    ],
    JO: [
      { written: 'محمد الخطيب', script: 'Arab', latin: 'Mohammad Al-Khatib', sex: 'male' },
      { written: 'ليلى حداد', script: 'Arab', latin: 'Layla Haddad', sex: 'female' },
      { written: 'أحمد منصور', script: 'Arab', latin: 'Ahmad Mansour', sex: 'male' },
      { written: 'عمر النمري', script: 'Arab', latin: 'Omar Al-Nimri', sex: 'male' },
    ],
    BR: [
      { written: 'João Silva Santos', script: 'Latn', sex: 'male' },
      { written: 'Ana Beatriz Oliveira', script: 'Latn', sex: 'female' },
      { written: 'Carlos Eduardo Pereira', script: 'Latn', sex: 'male' },
    ],
    NG: [
      { written: 'Chinedu Okafor', script: 'Latn', sex: 'male' },
      { written: 'Aisha Bello', script: 'Latn', sex: 'female' },
      { written: 'Oluwaseun Adeyemi', script: 'Latn', sex: 'male' },
    ],
    JP: [
      { written: '佐藤 健', script: 'Jpan', latin: 'Sato Ken', sex: 'male' },
      { written: '鈴木 花子', script: 'Jpan', latin: 'Suzuki Hanako', sex: 'female' },
      { written: '高橋 翔', script: 'Jpan', latin: 'Takahashi Sho', sex: 'male' },
    ],
    US: [
      { written: 'Michael Johnson', script: 'Latn', sex: 'male' },
      { written: 'Emily Davis', script: 'Latn', sex: 'female' },
      { written: 'Ahmed Mansour', script: 'Latn', sex: 'male' },
    ],
  };
export const DEMO_RECORD_BUREAUS = Object.keys(PEOPLE);

const ALNUM = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
function randomString(rng: Rng, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rng() * alphabet.length)];
  return s;
}

/** A 17-character VIN whose ninth character is its check digit. */
function vin(rng: Rng): string {
  const chars = randomString(rng, VIN_CHARS, 17);
  return `${chars.slice(0, 8)}${vinCheckDigit(chars)}${chars.slice(9)}`;
}

function mrz(
  cc: string,
  docNumber: string,
  family: string,
  given: string,
  birth: string,
  sex: string,
  expiry: string,
) {
  const a3 = countries.alpha2ToAlpha3(cc) ?? 'XXX';
  const name = `${family.toUpperCase()}<<${given.toUpperCase().replace(/ /g, '<')}`.replace(/[^A-Z<]/g, '');
  const line1 = `P<${a3}${name}`.padEnd(44, '<').slice(0, 44);
  const d = docNumber.padEnd(9, '<');
  const personal = '<'.repeat(14);
  const p1 = `${d}${mrzCheckDigit(d)}`;
  const p2 = `${birth}${mrzCheckDigit(birth)}`;
  const p3 = `${expiry}${mrzCheckDigit(expiry)}`;
  const p4 = `${personal}${mrzCheckDigit(personal)}`;
  return `${line1}\n${p1}${a3}${p2}${sex}${p3}${p4}${mrzCheckDigit(`${p1}${p2}${p3}${p4}`)}`;
}

/** How demo records are shared: mostly with everyone, some kept from one bureau, some for a few. */
function sharing(cc: string) {
  const away = cc === 'BR' ? 'NG' : 'BR';
  return [
    { restriction: { mode: 'everyone' }, handling: 'official' },
    { restriction: { mode: 'everyone' }, handling: 'official' },
    { restriction: { mode: 'everyone' }, handling: 'official' },
    { restriction: { mode: 'except', bureaus: [away] }, handling: 'official' },
    { restriction: { mode: 'only', bureaus: ['FR', 'JO', 'US'] }, handling: 'restricted' },
  ] as const;
}

function envelope(rng: Rng, cc: string, db: string, i: number, purpose: string, legalBasis?: string) {
  return {
    reference: `${cc}-DEMO-${db}-${i}`,
    ...pick(rng, sharing(cc)),
    purpose,
    ...(legalBasis ? { legalBasis } : {}),
    sourceReliability: pick(rng, ['A', 'B', 'B', 'C']),
    infoAccuracy: pick(rng, [1, 2, 2, 3]),
  };
}

const LEGAL_BASIS = 'National code of criminal procedure; INTERPOL Rules on the Processing of Data, art. 10';

/** The create bodies of one bureau's demo records, by database. */
export function demoRecords(cc: string, scale: number): Record<string, object[]> {
  const rng = mulberry32(cc.charCodeAt(0) * 256 + cc.charCodeAt(1) + scale);
  const people = PEOPLE[cc]!;
  const out: Record<string, object[]> = {
    travel_documents: [],
    nominal: [],
    vehicles: [],
    firearms: [],
    dna: [],
  };
  for (let i = 0; i < scale; i++) {
    const number = randomString(rng, ALNUM, 9);
    const issued = i % 2 === 0;
    const person = pick(rng, people);
    const [given, ...rest] = (person.latin ?? person.written).split(' ');
    const birth = `${60 + Math.floor(rng() * 40)}${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`;
    out.travel_documents!.push({
      ...envelope(
        rng,
        cc,
        'sltd',
        i,
        'Stolen and lost travel documents for border screening',
        issued ? LEGAL_BASIS : undefined,
      ),
      data: issued
        ? {
            mrz: mrz(
              cc,
              number,
              rest.join(' ') || given!,
              given!,
              birth,
              person.sex === 'female' ? 'F' : 'M',
              '321231',
            ),
            status: 'stolen_issued',
            eventPlace: 'Airport arrivals hall',
          }
        : {
            documentNumber: number,
            issuingCountry: cc,
            type: pick(rng, ['passport', 'identity_card']),
            status: 'stolen_blank',
          },
    });
  }
  for (let i = 0; i < Math.max(1, Math.floor(scale / 10)); i++) {
    const person = pick(rng, people);
    out.nominal!.push({
      ...envelope(
        rng,
        cc,
        'person',
        i,
        'Persons sought for arrest or located for investigation',
        LEGAL_BASIS,
      ),
      data: {
        names: [
          {
            written: person.written,
            script: person.script,
            ...(person.latin ? { latin: person.latin } : {}),
          },
        ],
        sex: person.sex,
        dateOfBirth: `19${60 + Math.floor(rng() * 40)}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}`,
        nationalities: [cc],
        status: pick(rng, ['wanted', 'suspect', 'missing', 'witness']),
        offences: [pick(rng, ['armed robbery', 'fraud', 'drug trafficking', 'people smuggling'])],
      },
    });
  }
  for (let i = 0; i < Math.max(1, Math.floor(scale / 5)); i++) {
    out.vehicles!.push({
      ...envelope(rng, cc, 'vehicle', i, 'Stolen vehicles for recovery across borders'),
      data: {
        vin: vin(rng),
        plates: [
          {
            number: `${randomString(rng, 'ABCDEFGHJKLMNPRSTVWXYZ', 2)}-${randomString(rng, '0123456789', 3)}-${randomString(rng, 'ABCDEFGHJKLMNPRSTVWXYZ', 2)}`,
            country: cc,
          },
        ],
        make: pick(rng, ['Toyota', 'Peugeot', 'Volkswagen', 'Hyundai', 'Ford']),
        model: pick(rng, ['Corolla', '308', 'Golf', 'Tucson', 'Ranger']),
        colour: pick(rng, ['white', 'black', 'grey', 'red', 'blue']),
        year: 2010 + Math.floor(rng() * 16),
        type: 'car',
      },
    });
    out.firearms!.push({
      ...envelope(rng, cc, 'firearm', i, 'Lost and stolen firearms for tracing'),
      data: {
        make: pick(rng, ['Glock', 'Beretta', 'Smith & Wesson', 'CZ', 'Taurus']),
        model: pick(rng, ['17', '92FS', 'M&P9', '75', 'G2C']),
        calibre: '9x19mm',
        serialNumber: randomString(rng, ALNUM, 7),
        type: 'pistol',
        status: pick(rng, ['lost', 'stolen', 'trafficked']),
      },
    });
  }
  for (let i = 0; i < Math.max(1, Math.floor(scale / 50)); i++) {
    const loci: Record<string, string[]> = {};
    for (const locus of [
      'D3S1358',
      'vWA',
      'FGA',
      'TH01',
      'D8S1179',
      'D21S11',
      'D18S51',
      'D5S818',
      'D13S317',
      'D7S820',
    ]) {
      loci[locus] = [String(8 + Math.floor(rng() * 12)), String(8 + Math.floor(rng() * 12))];
    }
    out.dna!.push({
      ...envelope(rng, cc, 'dna', i, 'Crime-scene stains for international comparison', LEGAL_BASIS),
      data: {
        laboratoryReference: `${cc}-LAB-${i}`,
        sampleType: 'crime_scene_stain',
        kit: 'GlobalFiler',
        loci,
      },
    });
  }
  return out;
}

/** Imports `scale` demo records (and the related persons, vehicles, firearms, DNA) per demo bureau. */
export async function seedDemoRecords(
  ctx: AppContext,
  scale: number,
  onProgress?: (done: number, total: number) => void,
) {
  let created = 0;
  const total = DEMO_RECORD_BUREAUS.length;
  for (const [n, cc] of DEMO_RECORD_BUREAUS.entries()) {
    for (const [db, bodies] of Object.entries(demoRecords(cc, scale))) {
      const outcome = await importRecords(
        ctx,
        operatorPrincipal(cc),
        db,
        { content: bodies.map((b) => JSON.stringify(b)).join('\n') },
        { format: 'jsonl', mode: 'valid_rows' },
      );
      if (outcome.rejected > 0) throw new Error(`demo ${db} of ${cc}: ${JSON.stringify(outcome.rows[0])}`);
      created += outcome.created;
    }
    onProgress?.(n + 1, total);
  }
  await ctx.audit.record({
    actor: null,
    actorType: 'system',
    action: 'demo.records',
    outcome: 'success',
    details: { scale, created },
  });
  return created;
}
