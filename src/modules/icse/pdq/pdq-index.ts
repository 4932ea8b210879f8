// A PDQ hash index that answers "everything within distance r" without scanning everything:
// multi-index hashing (Norouzi, Punjani & Fleet, "Fast Search in Hamming Space with Multi-Index
// Hashing", 2012; the reference has one too, facebook/ThreatExchange pdq/cpp/index/mih.h).
//
// The 256 bits are cut into 16 chunks of 16 bits. If two hashes differ in at most r bits then, by
// pigeonhole, at least one chunk differs in at most floor(r / 16) bits. So for each chunk we look up
// the query's chunk value and every value within floor(r / 16) bits of it (1 + 16 values for
// r < 32), and verify each hash filed there with the full distance. With r = 31 a random 1M-hash
// set yields about 4,000 candidates instead of a million comparisons.
//
// Storage: hashes as 8 words each in one Uint32Array; per chunk a CSR table (bucket offsets + ids)
// built by counting sort. Hashes added after the last build wait in a "pending" list that is scanned
// linearly; the tables are rebuilt, lazily at the next search, once that list passes PENDING_LIMIT.
// Removal marks a tombstone; tombstones are purged at the next rebuild.
import { hammingDistanceWords, hashToWords, popcount32, wordsToHash } from './hamming.js';

export const DEFAULT_MAX_DISTANCE = 31;
const CHUNKS = 16;
const CHUNK_VALUES = 1 << 16;
/**
 * Past this many hashes added since the last build the tables are rebuilt (O(16 n)): bounds both
 * the per-query scan of the pending list and the amortised rebuild cost per addition.
 */
const PENDING_LIMIT = 2048;

/** Where the touching loop in #visit leaves its result, so that the loop is not optimised away. */
const touchSink = { value: 0 };

export interface PdqMatch<T> {
  value: T;
  hash: string;
  distance: number;
}

/** The 16-bit chunk c (0 = the first four hex digits) of the hash at words[offset]. */
function chunkOf(words: Uint32Array, offset: number, c: number): number {
  const w = words[offset + (c >> 1)]!;
  return c & 1 ? w & 0xffff : w >>> 16;
}

/** Every 16-bit value within `radius` bits of `value`, into `out`. */
function neighbours(value: number, radius: number, out: number[]): void {
  out.length = 0;
  out.push(value);
  if (radius === 0) return;
  if (radius === 1) {
    // The common case (r from 16 to 31): the value and its 16 one-bit neighbours.
    for (let b = 0; b < 16; b++) out.push(value ^ (1 << b));
    return;
  }
  const visit = (v: number, from: number, left: number) => {
    for (let b = from; b < 16; b++) {
      out.push(v ^ (1 << b));
      if (left > 1) visit(v ^ (1 << b), b + 1, left - 1);
    }
  };
  visit(value, 0, radius);
}

/** Distance of the hash at words[o] from q, or maxDistance + 1 as soon as it is known to exceed it. */
function boundedDistance(words: Uint32Array, o: number, q: Uint32Array, maxDistance: number): number {
  const d =
    popcount32(words[o]! ^ q[0]!) +
    popcount32(words[o + 1]! ^ q[1]!) +
    popcount32(words[o + 2]! ^ q[2]!) +
    popcount32(words[o + 3]! ^ q[3]!);
  if (d > maxDistance) return maxDistance + 1;
  return (
    d +
    popcount32(words[o + 4]! ^ q[4]!) +
    popcount32(words[o + 5]! ^ q[5]!) +
    popcount32(words[o + 6]! ^ q[6]!) +
    popcount32(words[o + 7]! ^ q[7]!)
  );
}

export class PdqIndex<T> {
  #words = new Uint32Array(8 * 1024);
  #values: T[] = [];
  #alive = new Uint8Array(1024);
  #count = 0;
  #live = 0;
  /** ids [0, #built) are in the chunk tables; [#built, #count) are pending. */
  #built = 0;
  #offsets: Uint32Array[] = [];
  #ids: Uint32Array[] = [];
  #probe: number[] = [];
  #candidates: Uint32Array = new Uint32Array(8192);
  #queryWords = new Uint32Array(8);

  /** Number of hashes in the index (removed ones excluded). */
  get size(): number {
    return this.#live;
  }

  /** Adds a hash with its value; the same hash may be added many times with different values. */
  add(hash: string, value: T): void {
    if (this.#count === this.#alive.length) this.#grow(this.#count * 2);
    hashToWords(hash, this.#words, this.#count * 8);
    this.#values[this.#count] = value;
    this.#alive[this.#count] = 1;
    this.#count++;
    this.#live++;
  }

  /** Removes the entries of this hash whose value satisfies `match` (all, by default). Returns how many. */
  remove(hash: string, match: (value: T) => boolean = () => true): number {
    const ids: number[] = [];
    this.#visit(hashToWords(hash, this.#queryWords), 0, (id) => ids.push(id));
    let removed = 0;
    for (const id of ids) {
      if (!match(this.#values[id]!)) continue;
      this.#alive[id] = 0;
      this.#values[id] = undefined as T;
      this.#live--;
      removed++;
    }
    return removed;
  }

  /** Every entry within `maxDistance` (inclusive) of `hash`, nearest first. */
  search(hash: string, maxDistance = DEFAULT_MAX_DISTANCE): PdqMatch<T>[] {
    const out: PdqMatch<T>[] = [];
    const words = this.#words;
    this.#visit(hashToWords(hash, this.#queryWords), maxDistance, (id, distance) => {
      out.push({ value: this.#values[id]!, hash: wordsToHash(words, id * 8), distance });
    });
    return out.sort((a, b) => a.distance - b.distance);
  }

  /**
   * The same answer by comparing the query with every stored hash: the baseline the index is
   * measured against, over the same storage.
   */
  searchLinear(hash: string, maxDistance = DEFAULT_MAX_DISTANCE): PdqMatch<T>[] {
    const q = hashToWords(hash, this.#queryWords);
    const out: PdqMatch<T>[] = [];
    for (const id of scanWords(this.#words, this.#count, q, maxDistance)) {
      if (this.#alive[id]) {
        const d = hammingDistanceWords(this.#words, id * 8, q, 0);
        out.push({ value: this.#values[id]!, hash: wordsToHash(this.#words, id * 8), distance: d });
      }
    }
    return out.sort((a, b) => a.distance - b.distance);
  }

  /** Calls found(id, distance) once for each live entry within maxDistance of q. */
  #visit(q: Uint32Array, maxDistance: number, found: (id: number, distance: number) => void): void {
    if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > 256) {
      throw new RangeError(`maxDistance must be an integer from 0 to 256, got ${maxDistance}`);
    }
    if (this.#count - this.#built > PENDING_LIMIT) this.#rebuild();
    const words = this.#words;
    const alive = this.#alive;
    if (this.#built > 0) {
      // Pass 1 gathers the ids filed under the probed chunk values (sequential reads); pass 2
      // verifies them. Kept apart, pass 2's loads of the hashes are independent of each other, so
      // the processor overlaps their cache misses: that is what a lookup's time is made of.
      const radius = Math.min(16, Math.floor(maxDistance / CHUNKS));
      const probe = this.#probe;
      let candidates = this.#candidates;
      let n = 0;
      for (let c = 0; c < CHUNKS; c++) {
        neighbours(chunkOf(q, 0, c), radius, probe);
        const offsets = this.#offsets[c]!;
        const ids = this.#ids[c]!;
        for (let p = 0; p < probe.length; p++) {
          const v = probe[p]!;
          const start = offsets[v]!;
          const end = offsets[v + 1]!;
          if (n + end - start > candidates.length) candidates = this.#growCandidates(n + end - start);
          candidates.set(ids.subarray(start, end), n);
          n += end - start;
        }
      }
      // Touch each candidate's line first in a loop of a few instructions per candidate, so that
      // many cache misses are in flight at once (a plain load standing in for a prefetch, which
      // JavaScript lacks); the verification below then reads from cache.
      let touched = 0;
      for (let k = 0; k < n; k++) touched ^= words[candidates[k]! * 8]!;
      touchSink.value = touched;
      // A hash near the query in several chunks was gathered several times; matches are few, so
      // they are de-duplicated with a set rather than every candidate with a "seen" array.
      let reported: Set<number> | null = null;
      for (let k = 0; k < n; k++) {
        const id = candidates[k]!;
        const d = boundedDistance(words, id * 8, q, maxDistance);
        if (d > maxDistance || alive[id] !== 1) continue;
        reported ??= new Set();
        if (reported.has(id)) continue;
        reported.add(id);
        found(id, d);
      }
    }
    for (let id = this.#built; id < this.#count; id++) {
      if (alive[id] !== 1) continue;
      const d = boundedDistance(words, id * 8, q, maxDistance);
      if (d <= maxDistance) found(id, d);
    }
  }

  #growCandidates(atLeast: number): Uint32Array {
    const bigger = new Uint32Array(Math.max(atLeast, this.#candidates.length * 2));
    bigger.set(this.#candidates);
    this.#candidates = bigger;
    return bigger;
  }

  /** Compacts away removed entries and rebuilds the 16 chunk tables by counting sort. */
  #rebuild(): void {
    if (this.#live !== this.#count) {
      let w = 0;
      for (let r = 0; r < this.#count; r++) {
        if (!this.#alive[r]) continue;
        if (w !== r) {
          this.#words.copyWithin(w * 8, r * 8, r * 8 + 8);
          this.#values[w] = this.#values[r]!;
          this.#alive[w] = 1;
        }
        w++;
      }
      this.#alive.fill(0, w, this.#count);
      this.#values.length = w;
      this.#count = w;
    }
    const n = this.#count;
    for (let c = 0; c < CHUNKS; c++) {
      const offsets = new Uint32Array(CHUNK_VALUES + 1);
      for (let id = 0; id < n; id++) offsets[chunkOf(this.#words, id * 8, c) + 1]!++;
      for (let v = 0; v < CHUNK_VALUES; v++) offsets[v + 1]! += offsets[v]!;
      const fill = offsets.slice(0, CHUNK_VALUES);
      const ids = new Uint32Array(n);
      for (let id = 0; id < n; id++) ids[fill[chunkOf(this.#words, id * 8, c)]!++] = id;
      this.#offsets[c] = offsets;
      this.#ids[c] = ids;
    }
    this.#built = n;
  }

  #grow(capacity: number): void {
    const words = new Uint32Array(capacity * 8);
    words.set(this.#words);
    this.#words = words;
    const alive = new Uint8Array(capacity);
    alive.set(this.#alive);
    this.#alive = alive;
  }
}

/**
 * Indices of the `count` 8-word hashes in `words` within `maxDistance` of the query `q`: the honest
 * linear scan (typed arrays, SWAR popcount, stops adding once a hash is past the radius).
 */
export function scanWords(words: Uint32Array, count: number, q: Uint32Array, maxDistance: number): number[] {
  const out: number[] = [];
  for (let id = 0, o = 0; id < count; id++, o += 8) {
    if (boundedDistance(words, o, q, maxDistance) <= maxDistance) out.push(id);
  }
  return out;
}

/** Every item within `maxDistance` of `hash`, by comparing with each: for small sets and for tests. */
export function linearScan<T>(
  items: Iterable<{ hash: string; value: T }>,
  hash: string,
  maxDistance = DEFAULT_MAX_DISTANCE,
): PdqMatch<T>[] {
  const q = hashToWords(hash);
  const w = new Uint32Array(8);
  const out: PdqMatch<T>[] = [];
  for (const item of items) {
    const d = hammingDistanceWords(hashToWords(item.hash, w), 0, q, 0);
    if (d <= maxDistance) out.push({ value: item.value, hash: item.hash.toLowerCase(), distance: d });
  }
  return out.sort((a, b) => a.distance - b.distance);
}
