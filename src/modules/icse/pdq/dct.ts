// The 64×64 → 16×16 DCT and the image-domain quality metric of PDQ. Mirrors dct64To16 and
// pdqImageDomainQualityMetric in facebook/ThreatExchange pdq/cpp/hashing/pdqhashing.cpp, in 32-bit
// float arithmetic (Math.fround at every step, as the C++ float code rounds).

const f = Math.fround;

/**
 * dct_matrix_64: rows 1..16 of the 64-point DCT-II basis (row 0, the DC term, is skipped),
 * scaled by sqrt(2/64). Row-major, 16 × 64.
 */
const DCT_MATRIX: Float32Array = (() => {
  const m = new Float32Array(16 * 64);
  const scale = f(Math.sqrt(2 / 64));
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) m[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1));
  }
  return m;
})();

/** dct64To16: B = D A Dᵀ with A the 64×64 downsample, through T = D A (16×64). */
export function dct64To16(a: Float32Array): Float32Array {
  const d = DCT_MATRIX;
  const t = new Float32Array(16 * 64);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = f(sum + f(d[i * 64 + k]! * a[k * 64 + j]!));
      t[i * 64 + j] = sum;
    }
  }
  const b = new Float32Array(16 * 16);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = f(sum + f(t[i * 64 + k]! * d[j * 64 + k]!));
      b[i * 16 + j] = sum;
    }
  }
  return b;
}

/**
 * pdqImageDomainQualityMetric: the sum of quantised vertical and horizontal gradients of the 64×64
 * downsample, divided by 90 and clamped to 100. A flat or nearly flat image scores low: its hash is
 * mostly noise and should not be trusted for matching.
 */
export function qualityMetric(a: Float32Array): number {
  let gradientSum = 0;
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) {
      const d = Math.trunc(f(f(f(a[i * 64 + j]! - a[(i + 1) * 64 + j]!) * 100) / 255));
      gradientSum += Math.abs(d);
    }
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) {
      const d = Math.trunc(f(f(f(a[i * 64 + j]! - a[i * 64 + j + 1]!) * 100) / 255));
      gradientSum += Math.abs(d);
    }
  }
  return Math.min(100, Math.trunc(gradientSum / 90));
}
