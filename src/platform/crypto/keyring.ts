// Encryption at rest for secrets held in the database (TOTP seeds). The key lives in
// MERIDIAN_KEY_FILE, generated with mode 0600 beside the database on first start.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const VERSION = 'v1';

export class Keyring {
  private constructor(private readonly key: Buffer) {}

  static fromKey(key: Buffer): Keyring {
    if (key.length !== 32) throw new Error('The encryption key must be 32 bytes');
    return new Keyring(key);
  }

  /** Loads the key file, creating it when absent. */
  static loadOrCreate(file: string): Keyring {
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      const key = crypto.randomBytes(32);
      // 'wx' fails if another process created it meanwhile; then we read theirs.
      try {
        fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    const raw = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (raw.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
    return new Keyring(raw);
  }

  encrypt(plain: string): string {
    return `${VERSION}:${this.encryptBytes(Buffer.from(plain, 'utf8')).toString('base64')}`;
  }

  /** Seals bytes (media at rest): iv (12) · tag (16) · ciphertext, AES-256-GCM. */
  encryptBytes(plain: Buffer): Buffer {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ct]);
  }

  /** Opens what encryptBytes sealed; throws when it was altered. */
  decryptBytes(sealed: Buffer): Buffer {
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  }

  decrypt(sealed: string): string {
    const [version, body] = sealed.split(':', 2);
    if (version !== VERSION || !body) throw new Error('Unknown ciphertext format');
    return this.decryptBytes(Buffer.from(body, 'base64')).toString('utf8');
  }
}

export function sha256Hex(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex');
}

/** A URL-safe random token with `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** Compares two hex digests in constant time. */
export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
