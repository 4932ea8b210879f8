// The multi-index-hashing index finds exactly what a linear scan finds: on the reference's needles
// and haystack, and on random sets with near-duplicates planted at chosen distances around the
// chunk boundaries (15/16/17, 31/32/33, 47/48).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hammingDistance } from './hamming.js';
import { linearScan, PdqIndex, type PdqMatch } from './pdq-index.js';
import { readHashList } from './pdq-testdata.js';

const hexHash = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));

/** The hash with `bits` distinct bits flipped, chosen by `seed`. */
function flipBits(hash: string, bits: number, seed: number): string {
  const bytes = Buffer.from(hash, 'hex');
  const order = Array.from({ length: 256 }, (_, i) => i);
  let s = seed >>> 0 || 1;
  for (let i = 255; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const bit of order.slice(0, bits)) bytes[bit >> 3]! ^= 1 << (bit & 7);
  return bytes.toString('hex');
}

const key = <T>(m: PdqMatch<T>) => `${String(m.value)}:${m.hash}:${m.distance}`;
const keys = <T>(ms: PdqMatch<T>[]) => ms.map(key).sort();

describe('PdqIndex on the reference needles and haystack', () => {
  const haystack = readHashList('haystack.txt');
  const needles = readHashList('needles.txt');
  const index = new PdqIndex<number>();
  for (const [i, h] of haystack.entries()) index.add(h, i);
  const items = haystack.map((hash, value) => ({ hash, value }));

  it('finds every needle within distance 31, with the same results as a linear scan', () => {
    expect(needles.length).toBeGreaterThan(0);
    for (const needle of needles) {
      const found = index.search(needle);
      expect(found.length, needle).toBeGreaterThan(0);
      expect(keys(found)).toEqual(keys(linearScan(items, needle, 31)));
      expect(keys(found)).toEqual(keys(index.searchLinear(needle, 31)));
      for (const m of found) expect(m.distance).toBe(hammingDistance(needle, m.hash));
    }
  });

  it('returns the nearest first', () => {
    for (const needle of needles.slice(0, 20)) {
      const d = index.search(needle, 64).map((m) => m.distance);
      expect(d).toEqual([...d].sort((a, b) => a - b));
    }
  });
});

describe('PdqIndex against linear scan (property)', () => {
  const plantedDistances = [0, 1, 2, 15, 16, 17, 30, 31, 32, 33, 47, 48, 63, 64, 100];
  it('returns exactly the linear scan’s results for random sets with planted near-duplicates', () => {
    fc.assert(
      fc.property(
        fc.array(hexHash, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.constantFrom(...plantedDistances), fc.nat()), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(0, 1, 15, 16, 31, 32, 47, 63),
        (bases, planted, radius) => {
          const items: Array<{ hash: string; value: string }> = bases.map((hash, i) => ({
            hash,
            value: `b${i}`,
          }));
          planted.forEach(([d, seed], i) => {
            items.push({ hash: flipBits(bases[i % bases.length]!, d, seed), value: `p${i}` });
          });
          const index = new PdqIndex<string>();
          for (const it of items) index.add(it.hash, it.value);
          expect(index.size).toBe(items.length);
          for (const q of bases)
            expect(keys(index.search(q, radius))).toEqual(keys(linearScan(items, q, radius)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds a planted duplicate at exactly 31 and not one at 32 (default radius)', () => {
    fc.assert(
      fc.property(hexHash, fc.nat(), (base, seed) => {
        const index = new PdqIndex<string>();
        index.add(flipBits(base, 31, seed), 'at31');
        index.add(flipBits(base, 32, seed), 'at32');
        expect(index.search(base).map((m) => m.value)).toEqual(['at31']);
        expect(
          index
            .search(base, 32)
            .map((m) => m.value)
            .sort(),
        ).toEqual(['at31', 'at32']);
      }),
    );
  });
});

describe('PdqIndex upkeep', () => {
  it('keeps answering correctly across table rebuilds, later additions and removals', () => {
    const rng = fc.sample(hexHash, { numRuns: 6000, seed: 42 });
    const index = new PdqIndex<number>();
    const items: Array<{ hash: string; value: number }> = [];
    const check = () => {
      for (const q of [rng[0]!, rng[2500]!, rng[5999]!, flipBits(rng[10]!, 20, 3)]) {
        const live = items.filter((i) => i.value >= 0);
        expect(keys(index.search(q, 40))).toEqual(keys(linearScan(live, q, 40)));
      }
    };
    rng.slice(0, 5000).forEach((h, i) => {
      index.add(h, i);
      items.push({ hash: h, value: i });
    });
    check(); // first search builds the tables
    rng.slice(5000).forEach((h, i) => {
      index.add(h, 5000 + i);
      items.push({ hash: h, value: 5000 + i });
      index.add(flipBits(h, 5, i), 10_000 + i);
      items.push({ hash: flipBits(h, 5, i), value: 10_000 + i });
    });
    check(); // 2000 pending entries: scanned, then rebuilt at the next overflow
    expect(index.remove(rng[0]!)).toBe(1);
    items[0]!.value = -1;
    expect(index.remove(rng[0]!)).toBe(0);
    check();
    expect(index.size).toBe(6999);
    for (let i = 0; i < 3000; i++) index.add(rng[i]!, 20_000 + i);
    rng.slice(0, 3000).forEach((h, i) => {
      items.push({ hash: h, value: 20_000 + i });
    });
    check(); // past the pending limit: rebuilt with the tombstone purged
    expect(index.size).toBe(9999);
  });

  it('keeps several values under one hash, and removes selectively', () => {
    const h = 'ab'.repeat(32);
    const index = new PdqIndex<string>();
    index.add(h, 'case-1');
    index.add(h, 'case-2');
    expect(
      index
        .search(h)
        .map((m) => m.value)
        .sort(),
    ).toEqual(['case-1', 'case-2']);
    expect(index.remove(h, (v) => v === 'case-1')).toBe(1);
    expect(index.search(h).map((m) => m.value)).toEqual(['case-2']);
  });
});

describe('PdqIndex arguments', () => {
  it('refuses a malformed hash or distance', () => {
    const index = new PdqIndex<number>();
    index.add('0'.repeat(64), 1);
    expect(() => index.add('xyz', 2)).toThrow(TypeError);
    expect(() => index.search('0'.repeat(64), -1)).toThrow(RangeError);
    expect(() => index.search('0'.repeat(64), 2.5)).toThrow(RangeError);
    expect(index.search('F'.repeat(64), 256).map((m) => m.distance)).toEqual([256]);
  });
});
