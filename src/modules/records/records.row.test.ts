import { describe, expect, it } from 'vitest';
import type { Principal } from '../../platform/auth/principal.js';
import { definitionOf } from './catalogue/index.js';
import { buildRecordWrite, KEY_COLUMNS, packWrite, RECORD_COLUMNS, unpackWrite } from './records.row.js';

const principal: Principal = {
  type: 'user',
  id: 'u1',
  name: 'fr.officer',
  bureau: 'FR',
  unitId: null,
  roles: ['officer'],
  capabilities: ['databases'],
};

describe('packed record writes', () => {
  it('put every column in RECORD_COLUMNS order and give the same write back', () => {
    const write = buildRecordWrite(
      definitionOf('vehicles'),
      {
        reference: 'R1',
        restriction: { mode: 'only', bureaus: ['de', 'BR'] },
        handling: 'restricted',
        purpose: 'p',
        sourceReliability: 'A',
        infoAccuracy: 1,
      },
      { vin: 'VF3LBHZRFKS000001', plates: [{ number: 'AB-1' }] },
      [],
      principal,
      'FR',
      '2026-11-28T00:00:00.000Z',
    );
    const packed = packWrite(write);
    expect(packed.v).toEqual(RECORD_COLUMNS.map((c) => write.row[c]));
    expect(packed.k).toEqual(write.keys.map((k) => KEY_COLUMNS.map((c) => k[c])));
    expect(unpackWrite(packed)).toEqual(write);
    expect(write.row.restriction_bureaus).toBe('["BR","DE"]');
  });
});
