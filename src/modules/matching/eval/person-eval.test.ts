// The full-name evaluation (person-cases.ts) against 30,000 synthetic persons: the matcher must
// find cross-script persons in its top 10 at least 95% of the time, 20 points above the any-ascii
// + Jaro-Winkler baseline, and flag few persons who were never recorded. `npm run bench -- match`
// measures the same at 1,000,000 persons.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPairs } from '../evaluation.js';
import { PersonIndex } from '../person-index.js';
import { prepareQuery } from '../person-score.js';
import { baselineRanker } from './baseline.js';
import { measure } from './measure.js';
import { buildEvalSet } from './person-cases.js';
import { syntheticPersons } from './population.js';

const names = path.resolve('..', 'shared', 'testdata', 'names');

describe('person matching on the evaluation set', () => {
  it('finds cross-script persons in the top 10, well above the baseline, with few false alarms', () => {
    const set = buildEvalSet(readPairs(path.join(names, 'ar2en-eval.txt')), {
      crossScript: 400,
      variant: 400,
      distractor: 400,
    });
    const index = new PersonIndex();
    let n = 0;
    for (const p of syntheticPersons(readPairs(path.join(names, 'ar2en-train.txt')), 30_000))
      index.upsert(`pop-${n++}`, 'nominal', 1, [p]);
    for (const r of set.records) index.upsert(r.id, 'nominal', 1, [r.person]);
    const ours = measure(
      set.cases,
      (q) => index.search(prepareQuery(q), 10).map((h) => ({ id: h.recordId, score: h.score })),
      0.7,
    );
    const baseline = measure(set.cases, baselineRanker(set.records), 0.7);
    expect(ours.crossScriptRecallAt10).toBeGreaterThanOrEqual(0.95);
    expect(ours.crossScriptRecallAt10 - baseline.crossScriptRecallAt10).toBeGreaterThanOrEqual(0.2);
    expect(ours.recallAt10 - baseline.recallAt10).toBeGreaterThanOrEqual(0.2);
    expect(ours.variantRecallAt10).toBeGreaterThanOrEqual(0.9);
    expect(ours.falsePositiveRate).toBeLessThanOrEqual(0.03);
  }, 60_000);

  it('is the same set on every run', () => {
    const pairs = readPairs(path.join(names, 'ar2en-eval.txt'));
    const a = buildEvalSet(pairs, { crossScript: 20, variant: 20, distractor: 20 });
    const b = buildEvalSet(pairs, { crossScript: 20, variant: 20, distractor: 20 });
    expect(a).toEqual(b);
    expect(a.cases.filter((c) => c.kind === 'variant').some((c) => c.how.includes('FAMILY, Given'))).toBe(
      true,
    );
  });
});
