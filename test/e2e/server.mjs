// Starts the built server on a fresh SQLite database with demo data, for the browser tests.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../..');

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function startServer() {
  for (const f of ['dist/src/main.js', 'dist/web/index.html']) {
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-e2e-'));
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [path.join(root, 'dist/src/main.js'), 'serve'], {
    env: {
      ...process.env,
      MERIDIAN_DATABASE_URL: path.join(dir, 'e2e.db'),
      MERIDIAN_PORT: String(port),
      MERIDIAN_HOST: '127.0.0.1',
      MERIDIAN_DEMO: '1',
      MERIDIAN_WEB_ROOT: path.join(root, 'dist/web'),
      MERIDIAN_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (!output.includes('Demo sign-ins')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const screenshots = path.join(root, 'test-results/screenshots');
