// Where the shared PDQ conformance data lives: ../shared/testdata/pdq next to the repository (never
// copied into it). Found from this file's location, so it works from src/ (tests) and dist/ (bench);
// MERIDIAN_PDQ_TESTDATA overrides.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function repositoryRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'meridian') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

export function pdqTestdataDir(): string {
  return (
    process.env.MERIDIAN_PDQ_TESTDATA ?? path.resolve(repositoryRoot(), '..', 'shared', 'testdata', 'pdq')
  );
}

export interface ReferenceHash {
  file: string;
  hash: string;
  quality: number;
}

/** reference-hashes.csv: `hash,quality,file` with a header line. */
export function readReferenceHashes(dir = pdqTestdataDir()): ReferenceHash[] {
  return fs
    .readFileSync(path.join(dir, 'reference-hashes.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [hash, quality, file] = line.trim().split(',');
      return { hash: hash!, quality: Number(quality), file: file! };
    });
}

/** reference-dihedral.csv: `file,quality,` then the eight hashes in DIHEDRAL_NAMES order. */
export function readReferenceDihedral(
  dir = pdqTestdataDir(),
): Array<{ file: string; quality: number; hashes: string[] }> {
  return fs
    .readFileSync(path.join(dir, 'reference-dihedral.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [file, quality, ...hashes] = line.trim().split(',');
      return { file: file!, quality: Number(quality), hashes };
    });
}

/** One hash per line (needles.txt, haystack.txt). */
export function readHashList(name: string, dir = pdqTestdataDir()): string[] {
  return fs
    .readFileSync(path.join(dir, name), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

export function imagePath(file: string, dir = pdqTestdataDir()): string {
  return path.join(dir, 'images', file);
}
