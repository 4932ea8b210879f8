// The Jarosz-filter downsample of PDQ: two passes of 1-D box filters along rows and columns (a tent
// filter), then decimation to 64×64. Mirrors facebook/ThreatExchange pdq/cpp/downscaling/downscaling.cpp.
//
// The reference computes in 32-bit float; every arithmetic step here is rounded with Math.fround so
// that sums and averages round exactly as the C++ does, and bits near the median come out the same.

const f = Math.fround;

/** computeJaroszFilterWindowSize: half of a full block (old/new) per pass, rounded up. */
export function jaroszWindowSize(oldDimension: number, newDimension: number): number {
  return Math.floor((oldDimension + 2 * newDimension - 1) / (2 * newDimension));
}

/**
 * box1DFloat: a running-sum box filter over `length` values spaced `stride` apart, centred with the
 * reference's asymmetric half window ((w + 2) / 2: 7 → 4, 8 → 5), the window shrinking at the edges.
 */
function box1D(
  input: Float32Array,
  output: Float32Array,
  start: number,
  length: number,
  stride: number,
  windowSize: number,
): void {
  const half = Math.floor((windowSize + 2) / 2);
  const phase1 = half - 1;
  const phase2 = windowSize - half + 1;
  const phase3 = length - windowSize;
  const phase4 = half - 1;
  let li = start;
  let ri = start;
  let oi = start;
  let sum = 0;
  let count = 0;
  // Phase 1: accumulate the leading half window, no writes.
  for (let i = 0; i < phase1; i++) {
    sum = f(sum + input[ri]!);
    count++;
    ri += stride;
  }
  // Phase 2: growing window, writes.
  for (let i = 0; i < phase2; i++) {
    sum = f(sum + input[ri]!);
    count++;
    output[oi] = sum / count;
    ri += stride;
    oi += stride;
  }
  // Phase 3: full window sliding.
  for (let i = 0; i < phase3; i++) {
    sum = f(sum + input[ri]!);
    sum = f(sum - input[li]!);
    output[oi] = sum / count;
    li += stride;
    ri += stride;
    oi += stride;
  }
  // Phase 4: shrinking window at the trailing edge.
  for (let i = 0; i < phase4; i++) {
    sum = f(sum - input[li]!);
    count--;
    output[oi] = sum / count;
    li += stride;
    oi += stride;
  }
}

/**
 * boxAlongColsFloat, computed for all columns at once, row after row: every column gets exactly the
 * sums and divisions box1D would give it (one running sum per column, rounded to float at each
 * step), but the image is read sequentially instead of with a stride of a whole row.
 */
function boxAlongColumns(
  input: Float32Array,
  output: Float32Array,
  numRows: number,
  numCols: number,
  windowSize: number,
): void {
  const half = Math.floor((windowSize + 2) / 2);
  const phase1 = half - 1;
  const phase2 = windowSize - half + 1;
  const phase3 = numRows - windowSize;
  const phase4 = half - 1;
  const sums = new Float32Array(numCols); // a Float32Array store rounds like the C++ float
  let ri = 0;
  let li = 0;
  let oi = 0;
  let count = 0;
  for (let i = 0; i < phase1; i++, ri += numCols) {
    for (let j = 0; j < numCols; j++) sums[j]! += input[ri + j]!;
    count++;
  }
  for (let i = 0; i < phase2; i++, ri += numCols, oi += numCols) {
    count++;
    for (let j = 0; j < numCols; j++) {
      sums[j]! += input[ri + j]!;
      output[oi + j] = sums[j]! / count;
    }
  }
  for (let i = 0; i < phase3; i++, ri += numCols, li += numCols, oi += numCols) {
    for (let j = 0; j < numCols; j++) {
      sums[j]! += input[ri + j]!;
      sums[j]! -= input[li + j]!;
      output[oi + j] = sums[j]! / count;
    }
  }
  for (let i = 0; i < phase4; i++, li += numCols, oi += numCols) {
    count--;
    for (let j = 0; j < numCols; j++) {
      sums[j]! -= input[li + j]!;
      output[oi + j] = sums[j]! / count;
    }
  }
}

/**
 * jaroszFilterFloat: `passes` rounds of (box along rows into buffer2, box along columns back into
 * buffer1). The result is left in buffer1.
 */
export function jaroszFilter(
  buffer1: Float32Array,
  buffer2: Float32Array,
  numRows: number,
  numCols: number,
  windowAlongRows: number,
  windowAlongCols: number,
  passes: number,
): void {
  for (let p = 0; p < passes; p++) {
    for (let i = 0; i < numRows; i++) box1D(buffer1, buffer2, i * numCols, numCols, 1, windowAlongRows);
    boxAlongColumns(buffer2, buffer1, numRows, numCols, windowAlongCols);
  }
}

/** decimateFloat: sample the blurred image at the centres of an outRows × outCols grid. */
export function decimate(
  input: Float32Array,
  inRows: number,
  inCols: number,
  outRows: number,
  outCols: number,
): Float32Array {
  const out = new Float32Array(outRows * outCols);
  for (let oi = 0; oi < outRows; oi++) {
    const ii = Math.trunc(((oi + 0.5) * inRows) / outRows);
    for (let oj = 0; oj < outCols; oj++) {
      const ij = Math.trunc(((oj + 0.5) * inCols) / outCols);
      out[oi * outCols + oj] = input[ii * inCols + ij]!;
    }
  }
  return out;
}
