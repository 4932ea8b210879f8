// Secrets at rest: sealed with the key file, unreadable and tamper-evident without it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Keyring } from './keyring.js';

describe('Keyring', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-keyring-'));

  it('creates a private key file once and reads the same key afterwards', () => {
    const file = path.join(dir, 'sub', 'k.key');
    const a = Keyring.loadOrCreate(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const sealed = a.encrypt('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(Keyring.loadOrCreate(file).decrypt(sealed)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('never seals the same secret to the same text, and refuses a tampered or foreign text', () => {
    const k = Keyring.loadOrCreate(path.join(dir, 'a.key'));
    const other = Keyring.loadOrCreate(path.join(dir, 'b.key'));
    const s1 = k.encrypt('secret');
    expect(k.encrypt('secret')).not.toBe(s1);
    const raw = Buffer.from(s1.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => k.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
    expect(() => other.decrypt(s1)).toThrow();
    expect(() => k.decrypt('v0:abc')).toThrow(/format/);
  });

  it('seals bytes (media) so they cannot be read or altered without the key', () => {
    const k = Keyring.loadOrCreate(path.join(dir, 'c.key'));
    const plain = Buffer.from('\x89PNG fake image bytes that must not show', 'latin1');
    const sealed = k.encryptBytes(plain);
    expect(sealed.includes(plain.subarray(0, 8))).toBe(false);
    expect(k.decryptBytes(sealed).equals(plain)).toBe(true);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => k.decryptBytes(tampered)).toThrow();
    expect(() => Keyring.loadOrCreate(path.join(dir, 'd.key')).decryptBytes(sealed)).toThrow();
  });

  it('refuses a key file that does not hold 32 bytes', () => {
    const file = path.join(dir, 'bad.key');
    fs.writeFileSync(file, 'c2hvcnQ=\n');
    expect(() => Keyring.loadOrCreate(file)).toThrow(/32-byte/);
  });
});
