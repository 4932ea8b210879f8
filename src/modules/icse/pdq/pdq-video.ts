// Video: one PDQ hash per sampled frame, as vPDQ does (facebook/ThreatExchange vpdq: decode, sample
// at a fixed rate, PDQ-hash each frame, keep frame number, quality and timestamp).
//
// ffmpeg (Debian's `ffmpeg` package; MERIDIAN_FFMPEG overrides the path) samples the frames and
// writes them as a stream of PNG images on stdout; each PNG then goes through the photo pipeline
// (pdq-luma.ts), so a frame is hashed exactly as the same picture saved as a file would be.
// ffmpeg applies the container's display rotation, so frames are hashed the way a player shows them.
import { spawn } from 'node:child_process';
import { pdqHashImage } from './pdq-hasher.js';

export interface VideoFrameHash {
  /** Time of the frame in the video, in seconds. */
  second: number;
  hash: string;
  quality: number;
}

export interface VideoHashOptions {
  /** Frames sampled per second of video (vPDQ's default is 1). */
  framesPerSecond?: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** ffmpeg is not installed (or not where MERIDIAN_FFMPEG says): videos cannot be hashed here. */
export class FfmpegMissingError extends Error {}

export function ffmpegPath(): string {
  return process.env.MERIDIAN_FFMPEG || 'ffmpeg';
}

/**
 * Splits a byte stream of concatenated PNG files by walking their chunk structure (length, type,
 * data, CRC) to each IEND: exact, unlike searching for a marker that compressed data could contain.
 */
export class PngStreamSplitter {
  #buffer: Buffer = Buffer.alloc(0);

  /** Appends bytes and returns the PNG files completed by them. */
  push(bytes: Buffer): Buffer[] {
    this.#buffer = this.#buffer.length ? Buffer.concat([this.#buffer, bytes]) : bytes;
    const out: Buffer[] = [];
    for (;;) {
      const end = this.#completeLength();
      if (end === 0) break;
      out.push(this.#buffer.subarray(0, end));
      this.#buffer = this.#buffer.subarray(end);
    }
    return out;
  }

  /** Bytes left over (non-zero at the end of the stream means a truncated image). */
  get pending(): number {
    return this.#buffer.length;
  }

  /** Length of the first complete PNG in the buffer, or 0. */
  #completeLength(): number {
    const b = this.#buffer;
    if (b.length < 8) return 0;
    if (!b.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('ffmpeg output is not a PNG stream');
    let pos = 8;
    while (pos + 12 <= b.length) {
      const length = b.readUInt32BE(pos);
      const type = b.toString('latin1', pos + 4, pos + 8);
      pos += 12 + length;
      if (pos > b.length) return 0;
      if (type === 'IEND') return pos;
    }
    return 0;
  }
}

/**
 * PDQ hash of each frame sampled at `framesPerSecond` (default 1). Rejects if ffmpeg is missing or
 * cannot decode the file.
 */
export async function pdqHashVideo(file: string, options: VideoHashOptions = {}): Promise<VideoFrameHash[]> {
  const fps = options.framesPerSecond ?? 1;
  if (!(fps > 0)) throw new RangeError(`framesPerSecond must be positive, got ${fps}`);
  const args = [
    '-nostdin',
    '-v',
    'error',
    '-i',
    file,
    '-vf',
    `fps=${fps}`,
    '-f',
    'image2pipe',
    '-c:v',
    'png',
    '-',
  ];
  const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => {
    if (stderr.length < 4000) stderr += s;
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new FfmpegMissingError(
              `ffmpeg not found (${ffmpegPath()}): install the ffmpeg package or set MERIDIAN_FFMPEG`,
            )
          : err,
      ),
    );
    child.once('close', (code) => resolve(code ?? 1));
  });
  // Keep the 'error' from going unhandled while frames are being read.
  exited.catch(() => {});

  const frames: VideoFrameHash[] = [];
  const splitter = new PngStreamSplitter();
  try {
    // for-await gives back-pressure: ffmpeg waits while a frame is being hashed.
    for await (const chunk of child.stdout) {
      for (const png of splitter.push(chunk as Buffer)) {
        const { hash, quality } = await pdqHashImage(png);
        frames.push({ second: frames.length / fps, hash, quality });
      }
    }
  } catch (err) {
    child.kill();
    throw err;
  }
  const code = await exited;
  if (code !== 0) throw new Error(`ffmpeg could not read ${file} (exit ${code}): ${stderr.trim()}`);
  if (splitter.pending > 0) throw new Error(`ffmpeg output for ${file} ended inside a frame`);
  return frames;
}
