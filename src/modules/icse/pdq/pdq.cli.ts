// `meridian pdq FILE…`: one `hash,quality,file` line per image, the output of Meta's
// pdq-photo-hasher (facebook/ThreatExchange pdq/cpp/bin/pdq-photo-hasher.cpp), so a bureau can turn
// its own collection into a hash list. With --dihedral, the eight dihedral hashes per image in the
// column order of the reference's --pdqdih output.
// A file that cannot be read or decoded is named on stderr; the others are still hashed, and the
// exit code says something failed.
import { DIHEDRAL_NAMES } from './hash-bits.js';
import { pdqDihedralHashes, pdqHashImage } from './pdq-hasher.js';

export interface PdqCommandOptions {
  dihedral?: boolean;
}

interface Writable {
  write(text: string): unknown;
}

/** Hashes each file in turn; returns the process exit code (0, or 1 if any file failed). */
export async function runPdqCommand(
  files: readonly string[],
  options: PdqCommandOptions = {},
  out: Writable = process.stdout,
  err: Writable = process.stderr,
): Promise<number> {
  let failed = 0;
  for (const file of files) {
    try {
      if (options.dihedral) {
        const h = await pdqDihedralHashes(file);
        out.write(`${[file, h.quality, ...DIHEDRAL_NAMES.map((n) => h[n])].join(',')}\n`);
      } else {
        const { hash, quality } = await pdqHashImage(file);
        out.write(`${hash},${quality},${file}\n`);
      }
    } catch (e) {
      failed++;
      err.write(`${file}: could not hash: ${(e as Error).message}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}
