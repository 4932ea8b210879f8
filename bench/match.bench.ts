// `npm run bench -- match`: the person matcher against 1,000,000 synthetic persons plus the
// evaluation set (src/modules/matching/eval/), measured as person search runs it: the person
// index's candidate generation and full scoring, one query at a time on one thread. In the same
// run, the baseline: any-ascii + Jaro-Winkler over every recorded person of the evaluation set.
// The last line is one JSON object with the figures the issue names.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { baselineRanker } from '../src/modules/matching/eval/baseline.js';
import { type Figures, measure } from '../src/modules/matching/eval/measure.js';
import { buildEvalSet } from '../src/modules/matching/eval/person-cases.js';
import { syntheticPersons } from '../src/modules/matching/eval/population.js';
import { readPairs } from '../src/modules/matching/evaluation.js';
import { PersonIndex } from '../src/modules/matching/person-index.js';
import { prepareQuery } from '../src/modules/matching/person-score.js';
import { personMatcher } from '../src/modules/records/search/person-matcher.js';

const PERSONS = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const names = process.env.MERIDIAN_NAMES_DIR ?? path.resolve('..', 'shared', 'testdata', 'names');

function show(label: string, f: Figures) {
  const { misses, ...figures } = f;
  console.log(label, JSON.stringify(figures));
}

const train = readPairs(path.join(names, 'ar2en-train.txt'));
// BENCH_SET=tuning: the same kinds of cases built from ar2en-train with another seed, for choosing
// weights without looking at the evaluation set.
const set =
  process.env.BENCH_SET === 'tuning'
    ? buildEvalSet(train, undefined, 7)
    : buildEvalSet(readPairs(path.join(names, 'ar2en-eval.txt')));

const index = new PersonIndex();
const t = performance.now();
let n = 0;
for (const person of syntheticPersons(train, PERSONS)) {
  index.upsert(`pop-${n++}`, 'nominal', 1, [person]);
  if (n % 200_000 === 0) console.log(`indexed ${n} synthetic persons`);
}
for (const r of set.records) index.upsert(r.id, 'nominal', 1, [r.person]);
const loadSeconds = (performance.now() - t) / 1000;
const heapMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
console.log(
  `index: ${index.size} persons (${PERSONS} synthetic + ${set.records.length} evaluation) in ${loadSeconds.toFixed(1)} s, heap ${heapMb} MB`,
);
console.log(
  `cases: ${set.cases.filter((c) => c.kind === 'cross-script').length} cross-script, ` +
    `${set.cases.filter((c) => c.kind === 'variant').length} spelling/structure variants, ` +
    `${set.cases.filter((c) => c.kind === 'distractor').length} distractors`,
);

const threshold = personMatcher.threshold;
const ours = (q: Parameters<typeof prepareQuery>[0]) =>
  index.search(prepareQuery(q), 10).map((h) => ({ id: h.recordId, score: h.score }));
// The first 300 cases run once unmeasured, to warm up the JIT (a running server is warm).
measure(set.cases.slice(0, 300), ours, threshold);
const matcher = measure(set.cases, ours, threshold);
show('matcher ', matcher);
const baselineRank = baselineRanker(set.records);
const baseline = measure(set.cases, baselineRank, threshold);
show('baseline', baseline);
if (process.env.BENCH_SHOW_MISSES) {
  for (const m of matcher.misses.slice(0, 60)) {
    const target = set.records.find((r) => r.id === m.target)!;
    const got = index.search(prepareQuery(m.query), 3);
    const all = index.search(prepareQuery(m.query), 1000);
    const pos = all.findIndex((h) => h.recordId === m.target);
    console.log(
      JSON.stringify(m.query),
      '→',
      target.person.names[0],
      target.person.dateOfBirth,
      m.how.join('; '),
      '| candidate at',
      pos,
      pos >= 0 ? all[pos]!.score : '',
      '| got',
      got.map((g) => `${g.recordId} ${g.score}`).join(', '),
    );
  }
}
console.log(
  JSON.stringify({
    recall_at_1: matcher.recallAt1,
    recall_at_10: matcher.recallAt10,
    false_positive_rate: matcher.falsePositiveRate,
    queries_per_s: matcher.queriesPerSecond,
    p95_ms: matcher.p95Ms,
    baseline_recall_at_10: baseline.recallAt10,
    baseline_queries_per_s: baseline.queriesPerSecond,
    cross_script_recall_at_10: matcher.crossScriptRecallAt10,
    baseline_cross_script_recall_at_10: baseline.crossScriptRecallAt10,
    baseline_recall_at_1: baseline.recallAt1,
    persons: index.size,
    threshold,
  }),
);
