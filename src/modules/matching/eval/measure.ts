// Runs the evaluation cases through a ranker and reports what the issue asks: recall@1 and
// recall@10 (overall and per kind of case), the false-positive rate at the threshold, queries per
// second and the 95th-percentile latency. A tie with the right record counts against it.
import { performance } from 'node:perf_hooks';
import type { EvalCase, EvalQuery } from './person-cases.js';

export interface Ranked {
  id: string;
  score: number;
}

export interface Figures {
  queries: number;
  recallAt1: number;
  recallAt10: number;
  crossScriptRecallAt1: number;
  crossScriptRecallAt10: number;
  variantRecallAt10: number;
  /** Distractor queries whose best result reaches the threshold. */
  falsePositiveRate: number;
  queriesPerSecond: number;
  p95Ms: number;
  misses: EvalCase[];
}

/** 0 when first, 1 when one other scores as high or higher…; Infinity when not found. */
function rankOf(results: Ranked[], target: string): number {
  const mine = results.find((r) => r.id === target);
  if (!mine) return Number.POSITIVE_INFINITY;
  let better = 0;
  for (const r of results) if (r.id !== target && r.score >= mine.score) better++;
  return better;
}

export function measure(cases: EvalCase[], rank: (q: EvalQuery) => Ranked[], threshold: number): Figures {
  const times: number[] = [];
  const at1 = { 'cross-script': 0, variant: 0 };
  const at10 = { 'cross-script': 0, variant: 0 };
  const total = { 'cross-script': 0, variant: 0 };
  let distractors = 0;
  let falsePositives = 0;
  const misses: EvalCase[] = [];
  const started = performance.now();
  for (const c of cases) {
    const t0 = performance.now();
    const results = rank(c.query);
    times.push(performance.now() - t0);
    if (c.kind === 'distractor') {
      distractors++;
      if (results.some((r) => r.score >= threshold)) falsePositives++;
      continue;
    }
    total[c.kind]++;
    const r = rankOf(results, c.target!);
    if (r < 1) at1[c.kind]++;
    if (r < 10) at10[c.kind]++;
    else misses.push(c);
  }
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  const positives = total['cross-script'] + total.variant;
  const ratio = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);
  return {
    queries: cases.length,
    recallAt1: ratio(at1['cross-script'] + at1.variant, positives),
    recallAt10: ratio(at10['cross-script'] + at10.variant, positives),
    crossScriptRecallAt1: ratio(at1['cross-script'], total['cross-script']),
    crossScriptRecallAt10: ratio(at10['cross-script'], total['cross-script']),
    variantRecallAt10: ratio(at10.variant, total.variant),
    falsePositiveRate: ratio(falsePositives, distractors),
    queriesPerSecond: Math.round(cases.length / (elapsed / 1000)),
    p95Ms: Math.round((times[Math.floor(times.length * 0.95)] ?? 0) * 1000) / 1000,
    misses,
  };
}
