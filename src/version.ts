// The running version, read from package.json so there is one source of truth.
import fs from 'node:fs';

function findVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const url = new URL(rel, import.meta.url);
      const pkg = JSON.parse(fs.readFileSync(url, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'meridian' && pkg.version) return pkg.version;
    } catch {
      // try the next place: src/ in development, dist/src/ when built
    }
  }
  return '0.0.0';
}

export const VERSION = findVersion();
