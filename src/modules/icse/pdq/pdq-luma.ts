// Image decoding for PDQ: file or buffer → luminance matrix, as the reference photo hasher prepares
// it (facebook/ThreatExchange pdq/cpp/io/pdqio.cpp, pdqHash256FromFile and loadFloatLumaFromCImg).
//
// - Pixels are hashed as stored: the reference (CImg, decoding through ImageMagick) does not apply
//   the EXIF orientation, and sharp does not either unless asked (we never call .rotate()/autoOrient).
// - Alpha is dropped, not composited: the reference reads the R, G, B planes and ignores the fourth.
// - Greyscale stays one channel: the reference takes the grey value itself as luminance.
// - An image larger than 512 in either dimension is first resized to exactly 512×512 (aspect ratio
//   not kept) by CImg's default nearest-neighbour resize, because the Jarosz filter is costly on
//   large images (DOWNSAMPLE_DIMS in pdqio.cpp). We do the same nearest-neighbour sampling here.
import sharp from 'sharp';

/** DOWNSAMPLE_DIMS in pdqio.cpp. */
export const DOWNSAMPLE_DIMS = 512;

/** The ITU-R BT.601 luma coefficients of fillFloatLumaFromRGB, as 32-bit floats. */
const LUMA_R = Math.fround(0.299);
const LUMA_G = Math.fround(0.587);
const LUMA_B = Math.fround(0.114);

export interface LumaImage {
  rows: number;
  cols: number;
  /** rows × cols, row-major. */
  luma: Float32Array;
}

/**
 * CImg::resize with interpolation type 1 (nearest neighbour, its default): output index x reads
 * input index floor(x · in / out).
 */
function nearestIndices(inSize: number, outSize: number): Int32Array {
  const idx = new Int32Array(outSize);
  for (let x = 0; x < outSize; x++) idx[x] = Math.floor((x * inSize) / outSize);
  return idx;
}

/**
 * Luminance from interleaved 8-bit pixels (1 grey channel, or ≥ 3 with R, G, B first), resized to
 * 512×512 by nearest neighbour when larger. Exposed for video frames, which arrive as raw RGB.
 */
export function lumaFromPixels(data: Uint8Array, width: number, height: number, channels: number): LumaImage {
  const large = width > DOWNSAMPLE_DIMS || height > DOWNSAMPLE_DIMS;
  const cols = large ? DOWNSAMPLE_DIMS : width;
  const rows = large ? DOWNSAMPLE_DIMS : height;
  const xs = large ? nearestIndices(width, cols) : null;
  const ys = large ? nearestIndices(height, rows) : null;
  const luma = new Float32Array(rows * cols);
  const f = Math.fround;
  for (let i = 0; i < rows; i++) {
    const y = ys ? ys[i]! : i;
    for (let j = 0; j < cols; j++) {
      const p = (y * width + (xs ? xs[j]! : j)) * channels;
      luma[i * cols + j] =
        channels < 3
          ? data[p]!
          : f(f(f(LUMA_R * data[p]!) + f(LUMA_G * data[p + 1]!)) + f(LUMA_B * data[p + 2]!));
    }
  }
  return { rows, cols, luma };
}

/** Decodes an image (path or bytes) with sharp and returns its luminance as the reference sees it. */
export async function loadLuma(input: Buffer | string): Promise<LumaImage> {
  const image = sharp(input, { failOn: 'none', ignoreIcc: true });
  const meta = await image.metadata();
  const grey = meta.channels !== undefined && meta.channels - (meta.hasAlpha ? 1 : 0) === 1;
  const { data, info } = await image
    .removeAlpha()
    .toColourspace(grey ? 'b-w' : 'srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return lumaFromPixels(data, info.width, info.height, info.channels);
}
