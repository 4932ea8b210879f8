// Items of a border check read one by one: MRZs of the three ICAO sizes, fields, and the reasons
// an item is refused.
import { describe, expect, it } from 'vitest';
import { td1, td2, td3 } from '../../../test/support/mrz.js';
import { countryCode, parseDocumentItem, parseTravellerItem, parseVehicleItem } from './screening.items.js';

const holder = {
  issuing: 'D',
  surname: 'MUSTERMANN',
  given: 'ERIKA',
  number: 'T22000129',
  nationality: 'D<<',
  birth: '830812',
  sex: 'F' as const,
  expiry: '310131',
};

describe('travellers from an MRZ', () => {
  it.each([
    ['TD1', td1({ ...holder, issuing: 'D<<' }), 'identity_card'],
    ['TD2', td2({ ...holder, issuing: 'D<<' }), 'identity_card'],
    ['TD3', td3({ ...holder, issuing: 'D<<' }), 'passport'],
  ])('reads a %s zone into a document and a person', (_size, mrz, type) => {
    const parsed = parseTravellerItem({ mrz });
    expect(parsed).toEqual({
      ok: true,
      check: {
        document: { number: 'T22000129', issuingCountry: 'DE', type },
        person: { name: 'ERIKA MUSTERMANN', dateOfBirth: '1983-08-12', nationality: 'DE', sex: 'female' },
      },
    });
  });

  it('accepts the lines as an array and in lower case with stray spaces', () => {
    const lines = td3({ ...holder, issuing: 'D<<' }).split('\n');
    const parsed = parseTravellerItem({ mrz: lines.map((l) => ` ${l.toLowerCase()} `) });
    expect(parsed.ok).toBe(true);
  });

  it('names the check digit that fails', () => {
    const mrz = td3({ ...holder, issuing: 'D<<' });
    const [line1, line2] = mrz.split('\n') as [string, string];
    // The document number's check digit (line 2, position 10) changed by one.
    const wrong = String((Number(line2[9]) + 1) % 10);
    const broken = `${line1}\n${line2.slice(0, 9)}${wrong}${line2.slice(10)}`;
    const parsed = parseTravellerItem({ mrz: broken });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reasons[0]!.message.toLowerCase()).toContain('check digit');
  });

  it('refuses an MRZ with fields, and an item with neither', () => {
    expect(parseTravellerItem({ mrz: 'x', person: { name: 'A' } })).toMatchObject({ ok: false });
    expect(parseTravellerItem({})).toEqual({
      ok: false,
      reasons: [{ field: 'mrz', message: 'give an MRZ, or document and person fields' }],
    });
  });
});

describe('fields', () => {
  it('reads countries as ISO alpha-2, alpha-3 or ICAO codes', () => {
    expect(['JO', 'jor', 'D', 'GBR', 'XX', 'ZZZ'].map(countryCode)).toEqual([
      'JO',
      'JO',
      'DE',
      'GB',
      undefined,
      undefined,
    ]);
  });

  it('normalises a document number as typed and refuses other scripts', () => {
    expect(parseDocumentItem({ number: ' k 123-4567 ', issuingCountry: 'JO' })).toEqual({
      ok: true,
      check: { number: 'K1234567', issuingCountry: 'JO' },
    });
    expect(parseDocumentItem({ number: 'К1234567', issuingCountry: 'JO' })).toMatchObject({ ok: false });
    expect(parseDocumentItem({ number: 42, issuingCountry: 'JO' })).toEqual({
      ok: false,
      reasons: [{ field: 'number', message: 'must be a string' }],
    });
  });

  it('refuses a VIN with I, O or Q and a person with an impossible date', () => {
    expect(parseVehicleItem({ vin: 'WVWZZZ1JZXW00000O' })).toMatchObject({
      ok: false,
      reasons: [{ field: 'vin' }],
    });
    expect(parseTravellerItem({ person: { name: 'Ana Ruiz', dateOfBirth: '1990-02-30' } })).toMatchObject({
      ok: false,
      reasons: [{ field: 'person.dateOfBirth' }],
    });
  });
});
