// Cryptographic hashes for exact matching (and for Project VIC / VICS exchange, which carries MD5
// and SHA-1): the same bytes, the same file.
import { createHash } from 'node:crypto';

export interface ExactHashes {
  md5: string;
  sha1: string;
  sha256: string;
}

/** MD5, SHA-1 and SHA-256 of the bytes, lower-case hex. */
export function exactHashes(bytes: Uint8Array): ExactHashes {
  return {
    md5: createHash('md5').update(bytes).digest('hex'),
    sha1: createHash('sha1').update(bytes).digest('hex'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
