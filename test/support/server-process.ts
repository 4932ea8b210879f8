// Starts the built server (dist/src/main.js) as a real child process, for tests that need
// several processes or the CLI. `npm test` builds the server first.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const MAIN = path.resolve('dist/src/main.js');

export function assertBuilt() {
  if (!fs.existsSync(MAIN))
    throw new Error('dist/src/main.js is missing: run `npm run build:server` (npm test does)');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  assertBuilt();
  const port = await freePort();
  let out = '';
  const child = spawn(process.execPath, [MAIN, 'serve'], {
    env: {
      ...process.env,
      MERIDIAN_PORT: String(port),
      MERIDIAN_HOST: '127.0.0.1',
      MERIDIAN_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.ok && out.includes('Meridian console')) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become ready: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    child,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export function runCli(args: string[], env: Record<string, string>) {
  assertBuilt();
  return spawnSync(process.execPath, [MAIN, ...args], {
    env: { ...process.env, MERIDIAN_LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
}
