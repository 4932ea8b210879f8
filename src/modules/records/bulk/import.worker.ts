// The import's worker thread: reads and prepares rows (parse, validate, normalise, index) while
// the main thread writes the previous batch. Batches go out in order; at most a few are in
// flight, so a million-row file never piles up in memory.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { DatabaseId } from '../catalogue/catalogue.types.js';
import { definitionOf } from '../catalogue/index.js';
import type { WorkerJob, WorkerMessage } from './import.pipeline.js';
import { createRowPreparer } from './import.prepare.js';
import { readRows } from './import.source.js';
import { compactBatch } from './import.transfer.js';

const MAX_IN_FLIGHT = 4;

async function main() {
  const job = workerData as WorkerJob;
  const port = parentPort!;
  let credits = MAX_IN_FLIGHT;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    credits++;
    wake?.();
  });
  const def = definitionOf(job.databaseId as DatabaseId);
  const prepare = createRowPreparer(def, job.owner, job.principal, job.defaults, job.now);
  const input = 'file' in job.input ? fs.createReadStream(job.input.file) : job.input.content;
  for await (const rows of readRows(job.format, input, def.schema)) {
    while (credits === 0) await new Promise<void>((r) => (wake = r));
    wake = null;
    credits--;
    port.postMessage({ type: 'batch', batch: compactBatch(prepare(rows)) } satisfies WorkerMessage);
  }
  port.postMessage({ type: 'done' } satisfies WorkerMessage);
}

main().catch((err: unknown) => {
  parentPort!.postMessage({
    type: 'error',
    message: err instanceof Error ? err.message : String(err),
  } satisfies WorkerMessage);
});
