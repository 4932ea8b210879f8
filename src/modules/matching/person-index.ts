// The in-memory candidate index of person search. Every person named in a record is held with
// the consonant skeletons of its name tokens; a query looks up its own skeletons and their near
// neighbours (one letter more, less or different, found through a deletion index), weighs each
// shared skeleton by how rare it is, and fully scores only the best few dozen candidates. So a
// search against a million persons scores a small set, and a name spelt with one consonant more
// or less (Abdallah / عبدالله → VBDL / VBDLH) is still found. Candidates come three ways: persons
// sharing two query tokens (pairs of keys are rare even when each key is common), persons born
// within a year of the query's date sharing one token, and persons sharing one of the rarer
// tokens, as far as a budget of postings goes; the birth date then ranks them.
//
// The index generates candidates only: the search service re-reads the records it returns and
// scores them from the stored data, so an entry that is briefly stale can cost a candidate slot
// but can never show a wrong name or a deleted record. person-index.sync.ts keeps it in step.
import type { PersonFacts } from '../records/catalogue/catalogue.types.js';
import {
  comparePrepared,
  explain,
  type PersonComparison,
  type PreparedPerson,
  type PreparedQuery,
  preparePerson,
} from './person-score.js';
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
const SCORED_CANDIDATES = 30;
/** Postings walked per query before further tokens are only checked on the candidates found. */
const POSTINGS_BUDGET = 5_000;
/** Keys looked up per query token: itself and its most alike neighbours. */
const MAX_NEIGHBOURS = 64;
/** Key ids kept per slot for those checks (a person with many aliases keeps the first ones). */
const KEY_WIDTH = 8;
/** Skeletons this short have too many neighbours one letter away to look them up fuzzily. */
const FUZZY_MIN_LENGTH = 3;
/** Neighbours less alike than this are not worth a look. */
const FUZZY_MIN_SIMILARITY = 0.6;

function deletions(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

/** MMDD of a full date of birth (YYYY-MM-DD), else 0. */
function monthDayOf(date: string | undefined): number {
  if (!date || date.length !== 10) return 0;
  return Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

/** The keys one name token is indexed under: its skeleton, if it has a consonant. */
function keyOf(token: string): string | null {
  const k = skeleton(token);
  return k === '' || k === 'V' ? null : k;
}

export class PersonIndex {
  // Slot data the candidate search reads for thousands of slots per query lives in typed arrays
  // (one cache line a slot, not a pointer chase through objects); the rest in `slots`.
  private slots: (Slot | null)[] = [];
  private slotOf = new Map<string, number>();
  /** The version indexed of every record seen, with persons or without. */
  private versions = new Map<string, number>();
  private keyIds = new Map<string, number>();
  private keyNames: string[] = [];
  private postings: number[][] = [];
  /** Slots by key and birth year (keyId * 256 + year − 1880): namesakes born near the query's. */
  private yearPostings = new Map<number, number[]>();
  /** Slots by pairs of their keys (lower id, then higher): a name's two tokens together are rare. */
  private pairs = new Map<number, Map<number, number[]>>();
  /** Deletion variant → the keys it comes from: finds keys one edit away without a scan. */
  private neighbours = new Map<string, number[]>();
  /** Keys near each queried key; emptied whenever a new key enters the index. */
  private lookupCache = new Map<string, [number, number][]>();
  private databaseCodes = new Map<string, number>();
  private capacity = 0;
  /** Per slot: KEY_WIDTH key ids (-1 past the last), the database code, alive, birth year. */
  private slotKeys = new Int32Array(0);
  private slotDatabase = new Uint8Array(0);
  private alive = new Uint8Array(0);
  private years = new Int16Array(0);
  /** Month and day of birth as MMDD, 0 when not known. */
  private monthDays = new Int16Array(0);
  private acc = new Float64Array(0);
  private stamp = new Int32Array(0);
  private stampNow = 0;
  private probeWeight = new Float64Array(1024);
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
    const keys = new Set<number>();
    for (const p of prepared)
      for (const tokens of p.names)
        for (const t of tokens) {
          const k = keyOf(t);
          if (k !== null) keys.add(this.keyId(k));
        }
    const slot = this.slots.length;
    this.slots.push({ recordId, database, version, persons: prepared });
    this.slotOf.set(recordId, slot);
    this.grow(slot + 1);
    let code = this.databaseCodes.get(database);
    if (code === undefined) {
      code = this.databaseCodes.size;
      this.databaseCodes.set(database, code);
    }
    this.slotDatabase[slot] = code;
    this.alive[slot] = 1;
    const dated = prepared.find((p) => p.year > 0);
    this.years[slot] = dated ? dated.year : 0;
    this.monthDays[slot] = monthDayOf(dated?.facts.dateOfBirth);
    let i = 0;
    for (const k of keys) {
      this.postings[k]!.push(slot);
      if (i < KEY_WIDTH) this.slotKeys[slot * KEY_WIDTH + i++] = k;
    }
    for (; i < KEY_WIDTH; i++) this.slotKeys[slot * KEY_WIDTH + i] = -1;
    const born = this.years[slot]!;
    if (born > 1880 && born < 2136) {
      for (const k of keys) {
        const yk = k * 256 + (born - 1880);
        const ys = this.yearPostings.get(yk);
        if (ys) ys.push(slot);
        else this.yearPostings.set(yk, [slot]);
      }
    }
    const list = [...keys].sort((a, b) => a - b);
    for (let a = 0; a < list.length; a++)
      for (let b = a + 1; b < list.length; b++) {
        let inner = this.pairs.get(list[a]!);
        if (!inner) {
          inner = new Map();
          this.pairs.set(list[a]!, inner);
        }
        const slots = inner.get(list[b]!);
        if (slots) slots.push(slot);
        else inner.set(list[b]!, [slot]);
      }
  }

  remove(recordId: string): void {
    this.versions.delete(recordId);
    const slot = this.slotOf.get(recordId);
    if (slot === undefined) return;
    this.slots[slot] = null;
    this.alive[slot] = 0;
    this.slotOf.delete(recordId);
    this.dead++;
    if (this.dead > 10_000 && this.dead > this.slotOf.size) this.compact();
  }

  /** The best `limit` persons for a query, scored and explained, best first (ties: newest first). */
  search(query: PreparedQuery, limit: number, databases?: ReadonlySet<string>): IndexHit[] {
    const scored: { slot: number; best: PersonComparison }[] = [];
    for (const slot of this.candidates(query, databases)) {
      let best: PersonComparison | null = null;
      for (const p of this.slots[slot]!.persons) {
        const c = comparePrepared(query, p);
        if (!best || c.score > best.score) best = c;
      }
      if (best) scored.push({ slot, best });
    }
    const id = (x: { slot: number }) => this.slots[x.slot]!.recordId;
    scored.sort((a, b) => b.best.score - a.best.score || (id(b) < id(a) ? -1 : id(b) > id(a) ? 1 : 0));
    // Explanations are words: written only for what is returned.
    return scored.slice(0, limit).map(({ slot, best }) => ({
      recordId: this.slots[slot]!.recordId,
      database: this.slots[slot]!.database,
      score: best.score,
      reasons: explain(best),
    }));
  }

  private keyId(key: string): number {
    let id = this.keyIds.get(key);
    if (id !== undefined) return id;
    id = this.keyNames.length;
    this.keyIds.set(key, id);
    this.keyNames.push(key);
    this.postings.push([]);
    this.lookupCache.clear();
    if (key.length >= FUZZY_MIN_LENGTH) {
      for (const d of deletions(key)) {
        const ks = this.neighbours.get(d);
        if (ks) ks.push(id);
        else this.neighbours.set(d, [id]);
      }
    }
    return id;
  }

  /** The keys worth looking up for one query key, with how alike each is to it. */
  private lookups(key: string): [number, number][] {
    let cached = this.lookupCache.get(key);
    if (!cached) {
      cached = this.findLookups(key);
      if (this.lookupCache.size > 100_000) this.lookupCache.clear();
      this.lookupCache.set(key, cached);
    }
    return cached;
  }

  private findLookups(key: string): [number, number][] {
    const found = new Map<number, number>();
    const exact = this.keyIds.get(key);
    if (exact !== undefined) found.set(exact, 1);
    if (key.length >= FUZZY_MIN_LENGTH) {
      const near = [...(this.neighbours.get(key) ?? [])];
      for (const d of deletions(key)) {
        const k = this.keyIds.get(d);
        if (k !== undefined) near.push(k);
        for (const n of this.neighbours.get(d) ?? []) near.push(n);
      }
      for (const k of near) {
        if (found.has(k)) continue;
        const sim = levenshteinSimilarity(key, this.keyNames[k]!);
        if (sim >= FUZZY_MIN_SIMILARITY) found.set(k, sim);
      }
    }
    // Most alike first (a token counts once per candidate, through its most alike key), and only
    // the closest: a short skeleton has dozens of neighbours, and pairs multiply them.
    return [...found].sort((a, b) => b[1] - a[1]).slice(0, MAX_NEIGHBOURS);
  }

  /**
   * Slots sharing skeletons with the query, best first, at most SCORED_CANDIDATES. The rarest
   * query tokens are looked up in the postings (each shared skeleton weighs by its rarity and its
   * likeness to the query's); tokens as common as "Mohammed" would mean walking tens of thousands
   * of postings, so once enough postings have been walked the remaining tokens are only checked
   * against the candidates already found.
   */
  private candidates(query: PreparedQuery, databases?: ReadonlySet<string>): number[] {
    const total = Math.max(1, this.slotOf.size);
    const tokens = [...new Set(query.tokens.map(keyOf).filter((k): k is string => k !== null))].map((key) => {
      const weights: [number, number][] = [];
      let postings = 0;
      for (const [k, sim] of this.lookups(key)) {
        const n = this.postings[k]!.length;
        weights.push([k, sim * sim * Math.log(1 + total / n)]);
        postings += n;
      }
      return { weights, postings };
    });
    tokens.sort((a, b) => a.postings - b.postings);
    const touched: number[] = [];
    const { acc, stamp, alive, slotKeys, probeWeight } = this;
    // Two tokens or more: candidates share two of them (each alike enough), found by key pairs.
    if (tokens.length >= 2) {
      for (let x = 0; x < tokens.length; x++)
        for (let y = x + 1; y < tokens.length; y++)
          this.walkPairs(tokens[x]!.weights, tokens[y]!.weights, touched);
      if (touched.length >= SCORED_CANDIDATES) return this.best(touched, query, databases);
      for (const slot of touched) acc[slot] = 0;
      touched.length = 0;
    }
    let walked = 0;
    let t = 0;
    for (; t < tokens.length && (t === 0 || walked + tokens[t]!.postings <= POSTINGS_BUDGET); t++) {
      const token = tokens[t]!;
      walked += token.postings;
      const now = ++this.stampNow;
      for (const [k, weight] of token.weights) {
        for (const slot of this.postings[k]!) {
          if (stamp[slot] === now || alive[slot] === 0) continue;
          stamp[slot] = now;
          if (acc[slot] === 0) touched.push(slot);
          acc[slot]! += weight;
        }
      }
    }
    // The other tokens: checked on the candidates found, through the key ids each slot keeps.
    for (; t < tokens.length; t++) {
      const token = tokens[t]!;
      for (const [k, w] of token.weights) probeWeight[k] = w;
      for (const slot of touched) {
        let best = 0;
        for (let i = slot * KEY_WIDTH, end = i + KEY_WIDTH; i < end; i++) {
          const k = slotKeys[i]!;
          if (k < 0) break;
          const w = probeWeight[k]!;
          if (w > best) best = w;
        }
        acc[slot]! += best;
      }
      for (const [k] of token.weights) probeWeight[k] = 0;
    }
    return this.best(touched, query, databases);
  }

  /** Adds the weight of every slot born within a year of `year` holding one of the keys. */
  private walkYears(keys: [number, number][], year: number, touched: number[]) {
    const { acc, alive, stamp } = this;
    const now = ++this.stampNow;
    for (const [k, w] of keys)
      for (let y = year - 1; y <= year + 1; y++) {
        const slots = this.yearPostings.get(k * 256 + (y - 1880));
        if (!slots) continue;
        for (const slot of slots) {
          if (stamp[slot] === now || alive[slot] === 0) continue;
          stamp[slot] = now;
          if (acc[slot] === 0) touched.push(slot);
          acc[slot]! += w;
        }
      }
  }

  /** Adds the weight of every slot holding one key of each list to `acc`. */
  private walkPairs(xs: [number, number][], ys: [number, number][], touched: number[]) {
    const { acc, alive, stamp } = this;
    const now = ++this.stampNow;
    for (const [kx, wx] of xs)
      for (const [ky, wy] of ys) {
        const slots = kx < ky ? this.pairs.get(kx)?.get(ky) : this.pairs.get(ky)?.get(kx);
        if (!slots) continue;
        for (const slot of slots) {
          // Once per pair of query tokens, through the most alike keys (the lists are sorted so).
          if (stamp[slot] === now || alive[slot] === 0) continue;
          stamp[slot] = now;
          if (acc[slot] === 0) touched.push(slot);
          acc[slot]! += wx + wy;
        }
      }
  }

  /** The SCORED_CANDIDATES heaviest of the touched slots, their weights reset on the way. */
  private best(touched: number[], query: PreparedQuery, databases?: ReadonlySet<string>): number[] {
    const { acc } = this;
    const codes = databases ? this.codesOf(databases) : null;
    // A birth year within one of the query's ranks a candidate above its namesakes.
    // The whole date counts more (1 in ~365 share it), and a day and month swapped nearly as much.
    const year = query.year;
    const md = monthDayOf(query.dateOfBirth);
    const swapped = md > 0 ? (md % 100) * 100 + Math.floor(md / 100) : 0;
    const yearWeight = Math.log(1 + 80);
    const dayWeight = Math.log(1 + 365);
    const heap = new MinHeap(SCORED_CANDIDATES);
    for (const slot of touched) {
      let a = acc[slot]!;
      acc[slot] = 0;
      if (codes && !codes.has(this.slotDatabase[slot]!)) continue;
      if (year > 0) {
        const y = this.years[slot]!;
        if (y === year) a += yearWeight;
        else if (y > 0 && Math.abs(y - year) === 1) a += yearWeight / 2;
        if (md > 0) {
          const m = this.monthDays[slot]!;
          if (m === md) a += dayWeight;
          else if (m === swapped) a += dayWeight / 2;
        }
      }
      heap.offer(a, slot);
    }
    if (this.stampNow > 2_000_000_000) {
      this.stamp.fill(0);
      this.stampNow = 0;
    }
    return heap.items();
  }

  private codesOf(databases: ReadonlySet<string>): Set<number> {
    const codes = new Set<number>();
    for (const d of databases) {
      const c = this.databaseCodes.get(d);
      if (c !== undefined) codes.add(c);
    }
    return codes;
  }

  private grow(n: number) {
    if (this.probeWeight.length < this.keyNames.length) {
      const w = new Float64Array(this.keyNames.length * 2);
      w.set(this.probeWeight);
      this.probeWeight = w;
    }
    if (n <= this.capacity) return;
    const size = Math.max(n, 1024, this.capacity * 2);
    const widen = <T extends Int32Array | Uint8Array | Int16Array | Float64Array>(
      old: T,
      make: (n: number) => T,
      per = 1,
    ) => {
      const next = make(size * per);
      next.set(old);
      return next;
    };
    this.slotKeys = widen(this.slotKeys, (m) => new Int32Array(m), KEY_WIDTH);
    this.slotDatabase = widen(this.slotDatabase, (m) => new Uint8Array(m));
    this.alive = widen(this.alive, (m) => new Uint8Array(m));
    this.years = widen(this.years, (m) => new Int16Array(m));
    this.monthDays = widen(this.monthDays, (m) => new Int16Array(m));
    this.acc = widen(this.acc, (m) => new Float64Array(m));
    this.stamp = widen(this.stamp, (m) => new Int32Array(m));
    this.capacity = size;
  }

  /** Drops removed slots once they outnumber the live ones: rebuilds from the live persons. */
  private compact() {
    const live = this.slots.filter((s): s is Slot => s !== null);
    const fresh = new PersonIndex();
    for (const s of live)
      fresh.upsert(
        s.recordId,
        s.database,
        s.version,
        s.persons.map((p) => p.facts),
      );
    for (const [id, v] of this.versions) if (!fresh.versions.has(id)) fresh.versions.set(id, v);
    Object.assign(this, fresh);
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
    const wi = w[i]!;
    w[i] = w[j]!;
    w[j] = wi;
    const si = s[i]!;
    s[i] = s[j]!;
    s[j] = si;
  }
}
