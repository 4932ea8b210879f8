import { describe, expect, it } from 'vitest';
import type { PreparedBatch } from './import.prepare.js';
import { compactBatch, expandBatch } from './import.transfer.js';

describe('the transfer of prepared rows between threads', () => {
  it('gives back exactly the rows it was given', () => {
    const batch: PreparedBatch = {
      processed: 4,
      rejected: [{ row: 3, reference: 'R3', errors: [{ field: 'data.type', message: 'bad' }] }],
      valid: [
        {
          row: 1,
          reference: 'R1',
          reviewDateGiven: false,
          write: {
            v: ['id1', 'travel_documents', 'FR', 'R1', null, '{"a":1}'],
            k: [['id1', 'travel_documents', 'document', 'AB1', 'A81']],
          },
        },
        {
          row: 2,
          reference: 'R2',
          reviewDateGiven: true,
          write: { v: ['id2', 'travel_documents', 'FR', 'R2', 'x', '{"a":2}'], k: [] },
        },
        {
          row: 4,
          reference: 'R4',
          reviewDateGiven: false,
          write: {
            v: ['id4', 'travel_documents', 'FR', 'R4', null, '{"a":1}'],
            k: [
              ['id4', 'travel_documents', 'document', 'Z', 'Z'],
              ['id4', 'travel_documents', 'name', 'z', 'z'],
            ],
          },
        },
      ],
    };
    const copy = structuredClone(compactBatch(batch));
    expect(expandBatch(copy)).toEqual(batch);
  });

  it('sends only what differs from the first row', () => {
    const c = compactBatch({
      processed: 2,
      rejected: [],
      valid: [
        { row: 1, reference: 'A', reviewDateGiven: false, write: { v: ['1', 'db', 'FR', 'same'], k: [] } },
        { row: 2, reference: 'B', reviewDateGiven: false, write: { v: ['2', 'db', 'FR', 'same'], k: [] } },
      ],
    });
    expect(c.rows[1]![3]).toEqual([0, '2']);
  });

  it('handles an empty batch', () => {
    expect(expandBatch(compactBatch({ processed: 1, rejected: [], valid: [] }))).toEqual({
      processed: 1,
      rejected: [],
      valid: [],
    });
  });
});
