// `npm run bench -- pdq`: PDQ hashing and the PDQ index.
//   hashing  every shared test image (../shared/testdata/pdq/images), decoded from memory and hashed
//            one at a time, repeated for at least BENCH_HASH_SECONDS (default 5): images/s.
//   index    BENCH_HASHES (default 1,000,000) random hashes plus, for each of BENCH_QUERIES (default
//            1000) query hashes, 1–4 planted near-duplicates at distances 0–31 and one decoy at
//            32–40; lookups/s at radius 31 through the multi-index-hashing PdqIndex and through a
//            linear scan of the same packed storage (typed arrays, SWAR popcount, early exit), in
//            the same run; recall = share of the scan's results the index also returned (must be 1).
// The scan is measured on BENCH_SCAN_QUERIES (default 200) of the queries, in rounds alternating
// with the index's; recall on those.
// The last line is one JSON object.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pdqHashImage } from '../src/modules/icse/pdq/pdq-hasher.js';
import { PdqIndex, type PdqMatch } from '../src/modules/icse/pdq/pdq-index.js';
import { pdqTestdataDir } from '../src/modules/icse/pdq/pdq-testdata.js';

const HASHES = Number(process.env.BENCH_HASHES ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1000);
const SCAN_QUERIES = Math.min(QUERIES, Number(process.env.BENCH_SCAN_QUERIES ?? 200));
const HASH_SECONDS = Number(process.env.BENCH_HASH_SECONDS ?? 5);
const RADIUS = 31;

// --- hashing -------------------------------------------------------------------------------------
const imageDir = path.join(pdqTestdataDir(), 'images');
const images = (fs.readdirSync(imageDir, { recursive: true }) as string[])
  .map((f) => path.join(imageDir, f))
  .filter((f) => fs.statSync(f).isFile())
  .map((f) => fs.readFileSync(f));
for (const img of images) await pdqHashImage(img); // warm-up: JIT and sharp's first use
let hashed = 0;
const hashStart = performance.now();
while (performance.now() - hashStart < HASH_SECONDS * 1000) {
  for (const img of images) await pdqHashImage(img);
  hashed += images.length;
}
const hashSeconds = (performance.now() - hashStart) / 1000;
const hashImagesPerS = hashed / hashSeconds;
console.log(
  `hashing: ${hashed} images (${images.length} distinct, ${(images.reduce((n, b) => n + b.length, 0) / 2 ** 20).toFixed(1)} MB) in ${hashSeconds.toFixed(1)} s: ${hashImagesPerS.toFixed(1)} images/s`,
);

// --- index ---------------------------------------------------------------------------------------
/** xorshift32: deterministic, so every run indexes the same hashes. */
let state = 0x9e3779b9;
function random32(): number {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return state >>> 0;
}
function randomHash(): string {
  let hex = '';
  for (let i = 0; i < 8; i++) hex += random32().toString(16).padStart(8, '0');
  return hex;
}
function flip(hash: string, bits: number): string {
  const b = Buffer.from(hash, 'hex');
  const chosen = new Set<number>();
  while (chosen.size < bits) chosen.add(random32() & 255);
  for (const bit of chosen) b[bit >> 3]! ^= 1 << (bit & 7);
  return b.toString('hex');
}

const index = new PdqIndex<number>();
const queries: string[] = [];
let planted = 0;
const buildStart = performance.now();
for (let q = 0; q < QUERIES; q++) {
  const query = randomHash();
  queries.push(query);
  const copies = 1 + (random32() % 4);
  for (let c = 0; c < copies; c++) index.add(flip(query, random32() % (RADIUS + 1)), -1 - planted++);
  index.add(flip(query, RADIUS + 1 + (random32() % 9)), -1 - planted++); // a decoy just outside
}
for (let i = 0; i < HASHES; i++) index.add(randomHash(), i);
index.search(queries[0]!); // builds the chunk tables
const buildSeconds = (performance.now() - buildStart) / 1000;
console.log(
  `index: ${index.size} hashes (${HASHES} random + ${planted} planted around ${QUERIES} queries) built in ${buildSeconds.toFixed(1)} s, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`,
);

/**
 * Index and scan are timed in alternating rounds (all queries through the index, then the next
 * slice of the scan queries through the scan), so that both see the same load on the machine.
 */
function measureLookups(): {
  indexPerS: number;
  scanPerS: number;
  indexed: PdqMatch<number>[][];
  scanned: PdqMatch<number>[][];
} {
  const rounds = 10;
  const slice = Math.ceil(SCAN_QUERIES / rounds);
  let indexed: PdqMatch<number>[][] = [];
  const scanned: PdqMatch<number>[][] = [];
  let indexMs = 0;
  let indexCount = 0;
  let scanMs = 0;
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    indexed = queries.map((q) => index.search(q, RADIUS));
    indexMs += performance.now() - t;
    indexCount += queries.length;
    const part = queries.slice(r * slice, Math.min(SCAN_QUERIES, (r + 1) * slice));
    t = performance.now();
    for (const q of part) scanned.push(index.searchLinear(q, RADIUS));
    scanMs += performance.now() - t;
  }
  return {
    indexPerS: indexCount / (indexMs / 1000),
    scanPerS: scanned.length / (scanMs / 1000),
    indexed,
    scanned,
  };
}

// Warm-up (JIT), not measured.
for (const q of queries.slice(0, 50)) index.search(q, RADIUS);
for (const q of queries.slice(0, 3)) index.searchLinear(q, RADIUS);
const { indexPerS, scanPerS, indexed, scanned } = measureLookups();

let expected = 0;
let alsoFound = 0;
scanned.forEach((scan, i) => {
  const got = new Set(indexed[i]!.map((m) => m.value));
  expected += scan.length;
  alsoFound += scan.filter((m) => got.has(m.value)).length;
});
const recall = expected === 0 ? 1 : alsoFound / expected;
const found = indexed.reduce((n, r) => n + r.length, 0);
console.log(
  `index lookups: ${indexPerS.toFixed(0)}/s (${found} matches for ${QUERIES} queries at radius ${RADIUS})`,
);
console.log(
  `linear scan:   ${scanPerS.toFixed(1)}/s (${SCAN_QUERIES} queries); recall ${alsoFound}/${expected}`,
);

console.log(
  JSON.stringify({
    hash_images_per_s: Number(hashImagesPerS.toFixed(1)),
    index_lookups_per_s: Math.round(indexPerS),
    scan_lookups_per_s: Number(scanPerS.toFixed(1)),
    speedup: Number((indexPerS / scanPerS).toFixed(1)),
    recall,
    hashes: index.size,
    radius: RADIUS,
    scan_queries: SCAN_QUERIES,
  }),
);
