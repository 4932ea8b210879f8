// Media at rest: the bytes and their preview are sealed with AES-256-GCM under the key from
// configuration (MERIDIAN_KEY_FILE) before they reach the database, and opened only for an
// audited view or reveal. The preview is small, greyscale and blurred, so that an officer sees
// what kind of picture it is without being exposed to it; the original is an explicit act.
import { spawn } from 'node:child_process';
import sharp from 'sharp';
import type { Keyring } from '../../platform/crypto/keyring.js';
import { ffmpegPath } from './pdq/index.js';

const PREVIEW_SIZE = 320;
const PREVIEW_BLUR = 12; // sigma: shapes stay recognisable, details do not

/** A blurred greyscale JPEG of an image (EXIF orientation applied, animation: first frame). */
export async function blurredPreview(image: Buffer): Promise<Buffer> {
  return sharp(image, { failOn: 'none', pages: 1 })
    .rotate()
    .resize(PREVIEW_SIZE, PREVIEW_SIZE, { fit: 'inside', withoutEnlargement: true })
    .greyscale()
    .blur(PREVIEW_BLUR)
    .jpeg({ quality: 70 })
    .toBuffer();
}

export function seal(keyring: Keyring, bytes: Buffer | null): Buffer | null {
  return bytes ? keyring.encryptBytes(bytes) : null;
}

export function open(keyring: Keyring, sealed: Buffer | Uint8Array): Buffer {
  return keyring.decryptBytes(Buffer.from(sealed));
}

/** One still of a video (at one second, or its first frame), as PNG bytes, by ffmpeg. */
export function videoStill(file: string, second = 1): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const args = [
      '-v',
      'error',
      '-ss',
      String(second),
      '-i',
      file,
      '-frames:v',
      '1',
      '-f',
      'image2pipe',
      '-vcodec',
      'png',
      'pipe:1',
    ];
    const child = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      const png = Buffer.concat(chunks);
      if (code === 0 && png.length > 0) resolve(png);
      else reject(new Error('ffmpeg gave no still'));
    });
  });
}
