// Hamming distance between PDQ hashes, and the compact binary forms the index and storage use.
//
// Word form: a hash is 8 unsigned 32-bit words, word i being hex digits [8i, 8i + 8). It keeps the
// hex order, so words ↔ hex ↔ 32 bytes (Buffer.from(hex, 'hex')) convert without reordering.

const HEX_RE = /^[0-9a-f]{64}$/;

/** True for a 256-bit hash written as 64 hexadecimal digits (either case). */
export function isPdqHash(hash: string): boolean {
  return HEX_RE.test(hash.toLowerCase());
}

function assertHash(hash: string): void {
  if (!isPdqHash(hash)) throw new TypeError(`not a PDQ hash (64 hex digits): ${JSON.stringify(hash)}`);
}

/**
 * Set bits in a 32-bit word (SWAR popcount; V8 has no popcount intrinsic). Takes the int32 result
 * of `^` as is: converting to uint32 first would push values ≥ 2³¹ out of V8's small-integer fast path.
 */
export function popcount32(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** The 8-word form of a hex hash. */
export function hashToWords(hash: string, out: Uint32Array = new Uint32Array(8), offset = 0): Uint32Array {
  assertHash(hash);
  for (let i = 0; i < 8; i++) out[offset + i] = Number.parseInt(hash.slice(i * 8, i * 8 + 8), 16) >>> 0;
  return out;
}

/** The hex form of the 8 words at `offset`. */
export function wordsToHash(words: Uint32Array, offset = 0): string {
  let hex = '';
  for (let i = 0; i < 8; i++) hex += words[offset + i]!.toString(16).padStart(8, '0');
  return hex;
}

/** 32 bytes, for a BLOB/bytea column. */
export function hashToBytes(hash: string): Buffer {
  assertHash(hash);
  return Buffer.from(hash, 'hex');
}

export function bytesToHash(bytes: Uint8Array): string {
  if (bytes.length !== 32) throw new TypeError(`a PDQ hash is 32 bytes, got ${bytes.length}`);
  return Buffer.from(bytes).toString('hex');
}

/** Distance between the 8-word hashes at a[aOffset] and b[bOffset]. */
export function hammingDistanceWords(
  a: Uint32Array,
  aOffset: number,
  b: Uint32Array,
  bOffset: number,
): number {
  let d = 0;
  for (let i = 0; i < 8; i++) d += popcount32(a[aOffset + i]! ^ b[bOffset + i]!);
  return d;
}

const scratchA = new Uint32Array(8);
const scratchB = new Uint32Array(8);

/** Number of differing bits between two hex hashes (0–256). Throws on malformed input. */
export function hammingDistance(a: string, b: string): number {
  hashToWords(a, scratchA);
  hashToWords(b, scratchB);
  return hammingDistanceWords(scratchA, 0, scratchB, 0);
}
