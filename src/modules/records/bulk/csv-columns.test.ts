import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { bodyFromCsvRow, csvCellsOf } from './csv-columns.js';

const schema = Type.Object({
  vin: Type.String(),
  year: Type.Optional(Type.Integer()),
  colours: Type.Optional(Type.Array(Type.String())),
  plates: Type.Optional(Type.Array(Type.Object({ number: Type.String(), country: Type.String() }))),
  engine: Type.Optional(Type.Object({ serialNumber: Type.String() })),
});

describe('CSV columns', () => {
  const row = {
    reference: 'FR-1',
    restriction: 'only:FR;de',
    handling: 'official',
    infoAccuracy: '2',
    vin: '1M8GDM9AXKP042788',
    year: '1999',
    colours: 'red; blue',
    'plates.0.number': 'AB-123-CD',
    'plates.0.country': 'FR',
    'engine.serialNumber': 'E1',
    purpose: '',
  };

  it('reads envelope, typed data, lists, nested objects and arrays of objects', () => {
    expect(bodyFromCsvRow(schema, row)).toEqual({
      reference: 'FR-1',
      restriction: { mode: 'only', bureaus: ['FR', 'DE'] },
      handling: 'official',
      infoAccuracy: 2,
      data: {
        vin: '1M8GDM9AXKP042788',
        year: 1999,
        colours: ['red', 'blue'],
        plates: [{ number: 'AB-123-CD', country: 'FR' }],
        engine: { serialNumber: 'E1' },
      },
    });
  });

  it('leaves a non-number as text so validation names the field', () => {
    expect((bodyFromCsvRow(schema, { year: 'nineteen' }).data as { year: unknown }).year).toBe('nineteen');
  });

  it('writes back what it reads', () => {
    const body = bodyFromCsvRow(schema, row);
    expect(bodyFromCsvRow(schema, csvCellsOf(body))).toEqual(body);
  });
});
