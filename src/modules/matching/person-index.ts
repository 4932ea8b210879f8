// The in-memory candidate index of person search. Every person named in a record is held with
// the consonant skeletons of its name tokens; a query looks up its own skeletons and their near
// neighbours (one letter more, less or different, found through a deletion index), weighs each
// shared skeleton by how rare it is, and fully scores only the best few hundred candidates. So a
// search against a million persons scores a small set, and a name spelt with one consonant more
// or less (Abdallah / عبدالله → VBDL / VBDLH) is still found.
//
// The index generates candidates only: the search service re-reads the records it returns and
// scores them from the stored data, so an entry that is briefly stale can cost a candidate slot
// but can never show a wrong name or a deleted record. person-index.sync.ts keeps it in step.
import type { PersonFacts } from '../records/catalogue/catalogue.types.js';
import { type PreparedPerson, type PreparedQuery, preparePerson, scorePrepared } from './person-score.js';
import { levenshteinSimilarity } from './similarity.js';
import { skeleton } from './skeleton.js';

interface Slot {
  recordId: string;
  database: string;
  version: number;
  persons: PreparedPerson[];
}

export interface IndexHit {
  recordId: string;
  database: string;
  score: number;
  reasons: string[];
}

/** How many candidates, best first by shared rare skeletons and birth year, are fully scored. */
const SCORED_CANDIDATES = 200;
/** Skeletons this short have too many neighbours one letter away to look them up fuzzily. */
const FUZZY_MIN_LENGTH = 3;
/** Neighbours less alike than this are not worth a look. */
const FUZZY_MIN_SIMILARITY = 0.6;

function deletions(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

/** The keys one name token is indexed under: its skeleton, if it has a consonant. */
function keyOf(token: string): string | null {
  const k = skeleton(token);
  return k === '' || k === 'V' ? null : k;
}

export class PersonIndex {
  private slots: (Slot | null)[] = [];
  private slotOf = new Map<string, number>();
  /** The version indexed of every record seen, with persons or without. */
  private versions = new Map<string, number>();
  private postings = new Map<string, number[]>();
  /** Deletion variant → the keys it comes from: finds keys one edit away without a scan. */
  private neighbours = new Map<string, string[]>();
  /** Birth year of each slot's first dated person, 0 when none. */
  private years = new Int16Array(1024);
  private acc = new Float64Array(1024);
  private stamp = new Int32Array(1024);
  private stampNow = 0;
  private dead = 0;

  get size(): number {
    return this.slotOf.size;
  }

  versionOf(recordId: string): number | undefined {
    return this.versions.get(recordId);
  }

  /** Adds a record's persons, replacing what the index held for it. */
  upsert(recordId: string, database: string, version: number, persons: PersonFacts[]): void {
    this.remove(recordId);
    this.versions.set(recordId, version);
    if (persons.length === 0) return;
    const prepared = persons.map(preparePerson);
    const slot = this.slots.length;
    this.slots.push({ recordId, database, version, persons: prepared });
    this.slotOf.set(recordId, slot);
    this.grow(slot + 1);
    const dated = prepared.find((p) => p.year > 0);
    this.years[slot] = dated ? dated.year : 0;
    const keys = new Set<string>();
    for (const p of prepared) for (const tokens of p.names) for (const t of tokens) keys.add(keyOf(t) ?? '');
    keys.delete('');
    for (const k of keys) {
      let list = this.postings.get(k);
      if (!list) {
        list = [];
        this.postings.set(k, list);
        if (k.length >= FUZZY_MIN_LENGTH) {
          for (const d of deletions(k)) {
            const ks = this.neighbours.get(d);
            if (ks) ks.push(k);
            else this.neighbours.set(d, [k]);
          }
        }
      }
      list.push(slot);
    }
  }

  remove(recordId: string): void {
    this.versions.delete(recordId);
    const slot = this.slotOf.get(recordId);
    if (slot === undefined) return;
    this.slots[slot] = null;
    this.slotOf.delete(recordId);
    this.dead++;
    if (this.dead > 10_000 && this.dead > this.slotOf.size) this.compact();
  }

  /** The best `limit` persons for a query, scored, best first (ties: newest record first). */
  search(query: PreparedQuery, limit: number, databases?: ReadonlySet<string>): IndexHit[] {
    const candidates = this.candidates(query, databases);
    const hits: IndexHit[] = [];
    for (const slot of candidates) {
      const s = this.slots[slot]!;
      let best: { score: number; reasons: string[] } | null = null;
      for (const p of s.persons) {
        const r = scorePrepared(query, p);
        if (!best || r.score > best.score) best = r;
      }
      if (best)
        hits.push({ recordId: s.recordId, database: s.database, score: best.score, reasons: best.reasons });
    }
    hits.sort(
      (a, b) => b.score - a.score || (b.recordId < a.recordId ? -1 : b.recordId > a.recordId ? 1 : 0),
    );
    return hits.slice(0, limit);
  }

  /** The keys worth looking up for one query key, with how alike each is to it. */
  private lookups(key: string): [string, number][] {
    const found = new Map<string, number>();
    if (this.postings.has(key)) found.set(key, 1);
    if (key.length >= FUZZY_MIN_LENGTH) {
      const near = [...(this.neighbours.get(key) ?? [])];
      for (const d of deletions(key)) {
        if (this.postings.has(d)) near.push(d);
        for (const k of this.neighbours.get(d) ?? []) near.push(k);
      }
      for (const k of near) {
        if (found.has(k)) continue;
        const sim = levenshteinSimilarity(key, k);
        if (sim >= FUZZY_MIN_SIMILARITY) found.set(k, sim);
      }
    }
    return [...found].sort((a, b) => b[1] - a[1]);
  }

  /** Slots sharing rare skeletons with the query, best first, at most SCORED_CANDIDATES. */
  private candidates(query: PreparedQuery, databases?: ReadonlySet<string>): number[] {
    const total = Math.max(1, this.slotOf.size);
    const touched: number[] = [];
    const tokenKeys = [...new Set(query.tokens.map(keyOf).filter((k): k is string => k !== null))];
    for (const key of tokenKeys) {
      // Each token counts once per candidate, through its most alike key (looked up first).
      const stamp = ++this.stampNow;
      for (const [k, sim] of this.lookups(key)) {
        const list = this.postings.get(k)!;
        const weight = sim * sim * Math.log(1 + total / list.length);
        for (const slot of list) {
          if (this.stamp[slot] === stamp) continue;
          this.stamp[slot] = stamp;
          if (this.acc[slot] === 0) touched.push(slot);
          this.acc[slot]! += weight;
        }
      }
    }
    // A birth year within one of the query's ranks a candidate above its namesakes.
    const year = query.year;
    const yearWeight = Math.log(1 + 80);
    const heap = new MinHeap(SCORED_CANDIDATES);
    for (const slot of touched) {
      let a = this.acc[slot]!;
      this.acc[slot] = 0;
      const s = this.slots[slot];
      if (!s || (databases && !databases.has(s.database))) continue;
      if (year > 0) {
        const y = this.years[slot]!;
        if (y === year) a += yearWeight;
        else if (y > 0 && Math.abs(y - year) === 1) a += yearWeight / 2;
      }
      heap.offer(a, slot);
    }
    if (this.stampNow > 2_000_000_000) {
      this.stamp.fill(0);
      this.stampNow = 0;
    }
    return heap.items();
  }

  private grow(n: number) {
    if (n <= this.years.length) return;
    const size = Math.max(n, this.years.length * 2);
    const years = new Int16Array(size);
    years.set(this.years);
    this.years = years;
    const acc = new Float64Array(size);
    acc.set(this.acc);
    this.acc = acc;
    const stamp = new Int32Array(size);
    stamp.set(this.stamp);
    this.stamp = stamp;
  }

  /** Drops removed slots from the postings once they outnumber the live ones. */
  private compact() {
    const live = this.slots.filter((s): s is Slot => s !== null);
    this.slots = [];
    this.slotOf.clear();
    this.postings.clear();
    this.neighbours.clear();
    this.dead = 0;
    this.years = new Int16Array(1024);
    this.acc = new Float64Array(1024);
    this.stamp = new Int32Array(1024);
    this.stampNow = 0;
    for (const s of live) this.reinsert(s);
  }

  private reinsert(s: Slot) {
    const persons: PersonFacts[] = s.persons.map((p) => p.facts);
    this.upsert(s.recordId, s.database, s.version, persons);
  }
}

/** A bounded min-heap of (weight, slot): keeps the heaviest `capacity` slots seen. */
class MinHeap {
  private w: number[] = [];
  private s: number[] = [];
  constructor(private capacity: number) {}

  offer(weight: number, slot: number) {
    const { w, s } = this;
    if (w.length < this.capacity) {
      w.push(weight);
      s.push(slot);
      let i = w.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (w[p]! <= w[i]!) break;
        this.swap(i, p);
        i = p;
      }
      return;
    }
    if (weight <= w[0]!) return;
    w[0] = weight;
    s[0] = slot;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < w.length && w[l]! < w[m]!) m = l;
      if (r < w.length && w[r]! < w[m]!) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  items(): number[] {
    return [...this.s];
  }

  private swap(i: number, j: number) {
    const { w, s } = this;
    [w[i], w[j]] = [w[j]!, w[i]!];
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
}
