// The word matcher against the held-out Arabic → Latin pairs (../shared/testdata/names): it
// must find the right Latin spelling among all of them far more often than the baseline.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPairs, recall } from './evaluation.js';
import { baselineWordScore, wordScore } from './word-score.js';

const EVAL = path.resolve('../shared/testdata/names/ar2en-eval.txt');

describe('Arabic → Latin name words (ar2en-eval)', () => {
  it('ranks the right spelling in the top 10 for at least 95% of the words, 15 points above the baseline', () => {
    const pairs = readPairs(EVAL);
    expect(pairs.length).toBeGreaterThan(1000);
    const ours = recall(pairs, wordScore);
    const baseline = recall(pairs, baselineWordScore);
    expect(ours.recallAt10).toBeGreaterThanOrEqual(0.95);
    expect(ours.recallAt10 - baseline.recallAt10).toBeGreaterThanOrEqual(0.15);
    expect(ours.recallAt1).toBeGreaterThan(baseline.recallAt1);
  }, 60_000);
});
