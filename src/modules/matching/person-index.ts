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
export const SCORED_CANDIDATES = 30;
/** Postings walked per query before further tokens are only checked on the candidates found. */
const POSTINGS_BUDGET = 1_000;
/** Keys looked up per query token: itself and its most alike neighbours. */
const MAX_NEIGHBOURS = 64;
/** Keys per query token combined into pairs: the most alike (pairs multiply them). */
const PAIR_NEIGHBOURS = 6;
/** Keys per query token looked up with the birth day or year. */
const DATE_NEIGHBOURS = 24;
/** Key ids kept per slot for those checks (a person with many aliases keeps the first ones). */
const KEY_WIDTH = 11;
// One slot's hot data is one 64-byte record of 16 int32 (one cache line, mostly): the per-query
// stamp, the weight being gathered (as float32), alive and database code, birth year, month and
// day, then up to KEY_WIDTH key ids ending with -1.
const STRIDE = 16;
const STAMP = 0;
const ACC = 1;
const META = 2;
const YEAR = 3;
const MONTH_DAY = 4;
const KEYS = 5;
/** Skeletons this short have too many neighbours one letter away to look them up fuzzily. */
const FUZZY_MIN_LENGTH = 3;
/** Neighbours less alike than this are not worth a look. */
const FUZZY_MIN_SIMILARITY = 0.6;

function deletions(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

function pushTo(map: Map<number, number[]>, key: number, slot: number) {
  const list = map.get(key);
  if (list) list.push(slot);
  else map.set(key, [slot]);
}

/** MMDD of a full date of birth (YYYY-MM-DD), else 0. */
function monthDayOf(date: string | undefined): number {
  if (date?.length !== 10) return 0;
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
  /** Slots by key and birth year (keyId * 256 + year − 1880), for queries giving only a year. */
  private yearPostings = new Map<number, number[]>();
  /** Slots by key and birth day (keyId * 1300 + MMDD), for queries giving the whole date. */
  private dayPostings = new Map<number, number[]>();
  /** Slots by pairs of their keys (lower id, then higher): a name's two tokens together are rare. */
  private pairs = new Map<number, Map<number, number[]>>();
  /** Deletion variant → the keys it comes from: finds keys one edit away without a scan. */
  private neighbours = new Map<string, number[]>();
  /** Keys near each queried key; emptied whenever a new key enters the index. */
  private lookupCache = new Map<string, [number, number][]>();
  private databaseCodes = new Map<string, number>();
  private capacity = 0;
  private hot = new Int32Array(0);
  /** The same memory as `hot`, read as float32 for the ACC field. */
  private hotFloat = new Float32Array(0);
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
    const base = slot * STRIDE;
    const hot = this.hot;
    hot[base + STAMP] = 0;
    this.hotFloat[base + ACC] = 0;
    hot[base + META] = 1 | (code << 1);
    const dated = prepared.find((p) => p.year > 0);
    const born = dated ? dated.year : 0;
    hot[base + YEAR] = born;
    hot[base + MONTH_DAY] = monthDayOf(dated?.facts.dateOfBirth);
    let i = 0;
    for (const k of keys) {
      this.postings[k]!.push(slot);
      if (i < KEY_WIDTH) hot[base + KEYS + i++] = k;
    }
    for (; i < KEY_WIDTH; i++) hot[base + KEYS + i] = -1;
    const day = hot[base + MONTH_DAY]!;
    for (const k of keys) {
      if (born > 1880 && born < 2136) pushTo(this.yearPostings, k * 256 + (born - 1880), slot);
      if (day > 0) pushTo(this.dayPostings, k * 1300 + day, slot);
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
    this.hot[slot * STRIDE + META] = 0;
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
    const now = ++this.stampNow;
    // 1. Persons sharing two of the query's tokens (each alike enough), through key pairs.
    for (let x = 0; x < tokens.length; x++)
      for (let y = x + 1; y < tokens.length; y++)
        for (const [kx] of tokens[x]!.weights.slice(0, PAIR_NEIGHBOURS))
          for (const [ky] of tokens[y]!.weights.slice(0, PAIR_NEIGHBOURS)) {
            const slots = kx < ky ? this.pairs.get(kx)?.get(ky) : this.pairs.get(ky)?.get(kx);
            if (slots) this.gather(slots, now, touched);
          }
    // 2. Persons sharing one token and born the query's day of the year (day and month swapped
    //    too), or, when it gives only a year, born that year.
    const md = monthDayOf(query.dateOfBirth);
    const days = md > 0 ? [md, (md % 100) * 100 + Math.floor(md / 100)] : [];
    for (const token of tokens)
      for (const [k] of token.weights.slice(0, DATE_NEIGHBOURS)) {
        for (const d of days) {
          const slots = this.dayPostings.get(k * 1300 + d);
          if (slots) this.gather(slots, now, touched);
        }
        if (md === 0 && query.year > 1880) {
          const slots = this.yearPostings.get(k * 256 + (query.year - 1880));
          if (slots) this.gather(slots, now, touched);
        }
      }
    // 3. Persons sharing one token, rarest tokens first, as far as the budget goes (the rarest
    //    in any case when nothing else was found: a lone "Ali" still finds the Alis).
    let walked = 0;
    for (const token of tokens) {
      if (walked + token.postings > POSTINGS_BUDGET && (walked > 0 || touched.length > 0)) break;
      walked += token.postings;
      for (const [k] of token.weights) this.gather(this.postings[k]!, now, touched);
    }
    // Each token adds the weight of its most alike key the person holds: rare and alike weigh most.
    const { hot, hotFloat, probeWeight } = this;
    for (const token of tokens) {
      for (const [k, w] of token.weights) probeWeight[k] = w;
      for (const slot of touched) {
        let best = 0;
        const base = slot * STRIDE;
        for (let i = base + KEYS, end = base + STRIDE; i < end; i++) {
          const k = hot[i]!;
          if (k < 0) break;
          const w = probeWeight[k]!;
          if (w > best) best = w;
        }
        hotFloat[base + ACC]! += best;
      }
      for (const [k] of token.weights) probeWeight[k] = 0;
    }
    return this.best(touched, query, databases);
  }

  /** Adds the slots of a postings list not yet gathered by this query (stamp `now`). */
  private gather(slots: number[], now: number, touched: number[]) {
    const hot = this.hot;
    for (const slot of slots) {
      const base = slot * STRIDE;
      if (hot[base + STAMP] === now || (hot[base + META]! & 1) === 0) continue;
      hot[base + STAMP] = now;
      this.hotFloat[base + ACC] = 0;
      touched.push(slot);
    }
  }

  /** The SCORED_CANDIDATES heaviest of the touched slots, their weights reset on the way. */
  private best(touched: number[], query: PreparedQuery, databases?: ReadonlySet<string>): number[] {
    const { hot, hotFloat } = this;
    const codes = databases ? this.codesOf(databases) : null;
    // A birth year within one of the query's ranks a candidate above its namesakes.
    // The date as the full score reads it: the whole date agreeing (1 in ~20,000 share it), or
    // day and month swapped, or a year off with the same day, lifts a candidate above its
    // namesakes; a different day the same year is a conflict and adds nothing.
    const year = query.year;
    const md = monthDayOf(query.dateOfBirth);
    const swapped = md > 0 ? (md % 100) * 100 + Math.floor(md / 100) : 0;
    const whole = Math.log(1 + 365 * 60);
    const yearOnly = Math.log(1 + 60);
    const heap = new MinHeap(SCORED_CANDIDATES);
    for (const slot of touched) {
      const base = slot * STRIDE;
      let a = hotFloat[base + ACC]!;
      if (codes && !codes.has(hot[base + META]! >> 1)) continue;
      const y = hot[base + YEAR]!;
      if (year > 0 && y > 0) {
        const near = Math.abs(y - year);
        if (md === 0) {
          if (near === 0) a += yearOnly;
          else if (near === 1) a += yearOnly / 2;
        } else {
          const m = hot[base + MONTH_DAY]!;
          if (m === 0 && near === 0) a += yearOnly;
          else if (m === md && near === 0) a += whole;
          else if (m === swapped && near === 0) a += whole * 0.8;
          else if (m === md && near === 1) a += whole * 0.6;
        }
      }
      heap.offer(a, slot);
    }
    if (this.stampNow > 2_000_000_000) {
      for (let i = STAMP; i < this.hot.length; i += STRIDE) this.hot[i] = 0;
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
    this.hot = widen(this.hot, (m) => new Int32Array(m), STRIDE);
    this.hotFloat = new Float32Array(this.hot.buffer);
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
