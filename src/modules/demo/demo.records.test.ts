import { describe, expect, it } from 'vitest';
import type { DatabaseId } from '../records/catalogue/catalogue.types.js';
import { definitionOf } from '../records/catalogue/index.js';
import type { RecordEnvelope } from '../records/records.row.js';
import { envelopeIssues } from '../records/records.service.js';
import { prepareData } from '../records/records.validate.js';
import { DEMO_RECORD_BUREAUS, demoRecords } from './demo.records.js';

describe('demo records', () => {
  it.each(DEMO_RECORD_BUREAUS)('are valid records of %s, MRZ check digits and VINs included', (cc) => {
    const all = demoRecords(cc, 40);
    expect(all.travel_documents).toHaveLength(40);
    for (const [db, bodies] of Object.entries(all)) {
      for (const body of bodies as (RecordEnvelope & { data: Record<string, unknown> })[]) {
        const def = definitionOf(db as DatabaseId);
        const p = prepareData(def, body.data, cc);
        expect(p.errors, `${db}: ${JSON.stringify(body.data)}`).toEqual([]);
        expect(envelopeIssues(def, cc, body, p.data)).toEqual([]);
        expect(p.warnings).toEqual([]); // VIN check digits are right
      }
    }
  });

  it('are the same for the same scale', () => {
    expect(demoRecords('JO', 10)).toEqual(demoRecords('JO', 10));
  });
});
