import { describe, expect, it } from 'vitest';
import { exactHashes } from './exact-hashes.js';

describe('exactHashes', () => {
  it('gives the standard MD5, SHA-1 and SHA-256 digests (FIPS 180 / RFC 1321 "abc" vectors)', () => {
    expect(exactHashes(Buffer.from('abc'))).toEqual({
      md5: '900150983cd24fb0d6963f7d28e17f72',
      sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
  });
});
