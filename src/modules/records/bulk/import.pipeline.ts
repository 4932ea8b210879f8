// Where an import's rows are prepared: in a worker thread when the file is large (the two
// cores then parse and write at the same time), in this thread when it is small or when the
// worker's compiled file is not there (tests run the TypeScript sources).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Principal } from '../../../platform/auth/principal.js';
import type { DatabaseDefinition } from '../catalogue/catalogue.types.js';
import type { CreateRecordInput } from '../records.schema.js';
import { createRowPreparer, type PreparedBatch } from './import.prepare.js';
import { type ImportFormat, readRows } from './import.source.js';
import { type CompactBatch, expandBatch } from './import.transfer.js';

export type ImportInput = { content: string } | { file: string };

export interface WorkerJob {
  format: ImportFormat;
  input: ImportInput;
  databaseId: string;
  owner: string;
  principal: Principal;
  defaults?: Partial<CreateRecordInput>;
  now: string;
}

export type WorkerMessage =
  | { type: 'batch'; batch: CompactBatch }
  | { type: 'done' }
  | { type: 'error'; message: string };

// Below this a worker's start-up (tens of milliseconds) costs more than it saves.
const WORKER_MIN_BYTES = 1024 * 1024;
const WORKER_FILE = fileURLToPath(new URL('./import.worker.js', import.meta.url));

function inputBytes(input: ImportInput): number {
  return 'file' in input ? fs.statSync(input.file).size : input.content.length;
}

async function* inThread(def: DatabaseDefinition, job: WorkerJob): AsyncGenerator<PreparedBatch> {
  const prepare = createRowPreparer(def, job.owner, job.principal, job.defaults, job.now);
  const input = 'file' in job.input ? fs.createReadStream(job.input.file) : job.input.content;
  for await (const rows of readRows(job.format, input, def.schema)) yield prepare(rows);
}

async function* inWorker(job: WorkerJob): AsyncGenerator<PreparedBatch> {
  const worker = new Worker(WORKER_FILE, { workerData: job });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`the import worker stopped with code ${code}`);
    wake?.();
  });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((r) => (wake = r));
      const m = queue.shift();
      if (!m) throw failure ?? new Error('the import worker stopped');
      if (m.type === 'error') throw new Error(m.message);
      if (m.type === 'done') return;
      worker.postMessage('ack');
      yield expandBatch(m.batch);
    }
  } finally {
    await worker.terminate();
  }
}

/** Prepared batches of an import, in file order. */
export function preparedBatches(def: DatabaseDefinition, job: WorkerJob): AsyncGenerator<PreparedBatch> {
  const useWorker = fs.existsSync(WORKER_FILE) && inputBytes(job.input) >= WORKER_MIN_BYTES;
  return useWorker ? inWorker(job) : inThread(def, job);
}
