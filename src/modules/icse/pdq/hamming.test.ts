// Hamming distance, the binary forms, and the algebra of the dihedral transforms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bytesToHash,
  hammingDistance,
  hashToBytes,
  hashToWords,
  isPdqHash,
  popcount32,
  wordsToHash,
} from './hamming.js';
import { coefficientsToHex, DIHEDRAL_NAMES, type DihedralName, dihedralCoefficients } from './hash-bits.js';

const hexHash = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));

function naiveDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < 64; i++) {
    let x = Number.parseInt(a[i]!, 16) ^ Number.parseInt(b[i]!, 16);
    for (; x; x >>= 1) d += x & 1;
  }
  return d;
}

describe('hammingDistance', () => {
  it('counts differing bits', () => {
    const zero = '0'.repeat(64);
    expect(hammingDistance(zero, zero)).toBe(0);
    expect(hammingDistance(zero, 'f'.repeat(64))).toBe(256);
    expect(hammingDistance(zero, `${'0'.repeat(63)}1`)).toBe(1);
    expect(hammingDistance(zero, `8${'0'.repeat(63)}`)).toBe(1);
    expect(hammingDistance(zero, `${'0'.repeat(31)}7${'0'.repeat(32)}`)).toBe(3);
    expect(hammingDistance('A'.repeat(64), 'a'.repeat(64))).toBe(0);
  });

  it('rejects what is not a 64-digit hex hash', () => {
    expect(() => hammingDistance('abc', '0'.repeat(64))).toThrow(TypeError);
    expect(() => hammingDistance('g'.repeat(64), '0'.repeat(64))).toThrow(TypeError);
    expect(isPdqHash('0'.repeat(64))).toBe(true);
    expect(isPdqHash('0'.repeat(65))).toBe(false);
  });

  it('agrees with a naive count, is symmetric, zero only on equal hashes, and obeys the triangle inequality', () => {
    fc.assert(
      fc.property(hexHash, hexHash, hexHash, (a, b, c) => {
        const ab = hammingDistance(a, b);
        expect(ab).toBe(naiveDistance(a, b));
        expect(hammingDistance(b, a)).toBe(ab);
        expect(ab === 0).toBe(a === b);
        expect(hammingDistance(a, c)).toBeLessThanOrEqual(ab + hammingDistance(b, c));
      }),
    );
  });

  it('popcount32 matches a bit-by-bit count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => {
        let n = 0;
        for (let x = v; x; x = Math.floor(x / 2)) n += x % 2;
        expect(popcount32(v)).toBe(n);
      }),
    );
  });
});

describe('binary forms', () => {
  it('words and bytes round-trip to the same hex', () => {
    fc.assert(
      fc.property(hexHash, (h) => {
        expect(wordsToHash(hashToWords(h))).toBe(h);
        expect(bytesToHash(hashToBytes(h))).toBe(h);
        expect(hashToBytes(h)).toHaveLength(32);
      }),
    );
  });
});

describe('dihedral transforms of the DCT coefficients', () => {
  const coefficients = fc
    .array(fc.float({ noNaN: true, noDefaultInfinity: true, min: -1000, max: 1000 }), {
      minLength: 256,
      maxLength: 256,
    })
    .map((a) => Float32Array.from(a));
  const t = dihedralCoefficients;
  const same = (a: Float32Array, b: Float32Array) => expect(Array.from(a)).toEqual(Array.from(b));

  it('compose as the symmetries of a square do', () => {
    fc.assert(
      fc.property(coefficients, (c) => {
        same(t(c, 'original'), c);
        same(t(t(c, 'rotate90'), 'rotate90'), t(c, 'rotate180'));
        same(t(t(c, 'rotate90'), 'rotate180'), t(c, 'rotate270'));
        same(t(t(c, 'rotate90'), 'rotate270'), c);
        same(t(t(c, 'flipX'), 'flipY'), t(c, 'rotate180'));
        for (const mirror of ['flipX', 'flipY', 'flipPlus1', 'flipMinus1'] as DihedralName[]) {
          same(t(t(c, mirror), mirror), c); // every mirroring is its own inverse
        }
      }),
    );
  });

  it('give eight distinct hashes of the same coefficients, related as the transforms are', () => {
    fc.assert(
      fc.property(coefficients, (c) => {
        const hashes = Object.fromEntries(DIHEDRAL_NAMES.map((n) => [n, coefficientsToHex(t(c, n))]));
        // Thresholding at the median commutes with permuting the coefficients, so a hash of the
        // rotated coefficients' rotation is the hash of the composite.
        expect(coefficientsToHex(t(t(c, 'rotate90'), 'rotate90'))).toBe(hashes.rotate180);
        expect(coefficientsToHex(t(t(c, 'flipPlus1'), 'flipMinus1'))).toBe(hashes.rotate180);
      }),
    );
  });
});
