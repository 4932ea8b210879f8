// `meridian pdq FILE…`: the reference hasher's `hash,quality,file` lines; unreadable files named on
// stderr, the others still hashed, a non-zero exit code at the end.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPdqCommand } from './pdq.cli.js';
import { imagePath, pdqTestdataDir, readReferenceDihedral, readReferenceHashes } from './pdq-testdata.js';

function capture() {
  let text = '';
  return {
    write: (s: string) => {
      text += s;
      return true;
    },
    text: () => text,
  };
}

describe('runPdqCommand', () => {
  it('prints hash,quality,file per image, as the reference hasher printed them', async () => {
    const refs = readReferenceHashes();
    const out = capture();
    const err = capture();
    const code = await runPdqCommand(
      refs.map((r) => imagePath(r.file)),
      {},
      out,
      err,
    );
    expect(code).toBe(0);
    expect(err.text()).toBe('');
    expect(out.text()).toBe(refs.map((r) => `${r.hash},${r.quality},${imagePath(r.file)}\n`).join(''));
  });

  it('prints the dihedral hashes with --dihedral', async () => {
    const ref = readReferenceDihedral()[0]!;
    const out = capture();
    expect(await runPdqCommand([imagePath(ref.file)], { dihedral: true }, out, capture())).toBe(0);
    expect(out.text()).toBe(`${[imagePath(ref.file), ref.quality, ...ref.hashes].join(',')}\n`);
  });

  it('names unreadable files on stderr, hashes the others, and exits non-zero', async () => {
    const good = imagePath('misc-images/wee.jpg');
    const out = capture();
    const err = capture();
    const code = await runPdqCommand(
      ['/no/such/file.jpg', good, path.join(pdqTestdataDir(), 'README.md')],
      {},
      out,
      err,
    );
    expect(code).toBe(1);
    expect(out.text()).toMatch(
      new RegExp(`^[0-9a-f]{64},100,${good.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n$`),
    );
    expect(err.text()).toContain('/no/such/file.jpg: could not hash');
    expect(err.text()).toContain('README.md: could not hash');
  });
});

// The built command, when `npm run build:server` has run (npm test does).
const main = path.resolve('dist/src/main.js');
describe.skipIf(!fs.existsSync(path.resolve('dist/src/modules/icse/pdq/pdq.cli.js')))(
  'meridian pdq (built)',
  () => {
    it('runs as a subcommand', () => {
      const ref = readReferenceHashes()[0]!;
      const r = spawnSync(process.execPath, [main, 'pdq', imagePath(ref.file), '/no/such.png'], {
        encoding: 'utf8',
      });
      expect(r.stdout).toBe(`${ref.hash},${ref.quality},${imagePath(ref.file)}\n`);
      expect(r.stderr).toContain('/no/such.png');
      expect(r.status).toBe(1);
    });
  },
);
