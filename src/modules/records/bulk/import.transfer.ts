// How a batch of prepared rows crosses from the import's worker thread to the writing thread.
// Rows of one import mostly share their envelope (owner, sharing, purpose, author, times), and
// structured cloning copies every string of every row: sending each row as its differences from
// the batch's first row, and each key without the columns the row already carries, halves the
// work on both sides.
import type { PreparedBatch, PreparedRow } from './import.prepare.js';

type CompactRow = [
  row: number,
  reference: string,
  reviewDateGiven: boolean,
  diff: unknown[],
  keys: unknown[][],
];

export interface CompactBatch {
  processed: number;
  rejected: PreparedBatch['rejected'];
  template: unknown[];
  rows: CompactRow[];
}

export function compactBatch(batch: PreparedBatch): CompactBatch {
  const template = batch.valid[0]?.write.v ?? [];
  const rows = batch.valid.map((p): CompactRow => {
    const diff: unknown[] = [];
    const v = p.write.v;
    for (let i = 0; i < v.length; i++) if (v[i] !== template[i]) diff.push(i, v[i]);
    // A key is [record_id, database_id, kind, value, folded]; the first two are the row's own.
    return [p.row, p.reference, p.reviewDateGiven, diff, p.write.k.map((k) => k.slice(2))];
  });
  return { processed: batch.processed, rejected: batch.rejected, template, rows };
}

export function expandBatch(c: CompactBatch): PreparedBatch {
  const valid = c.rows.map(([row, reference, reviewDateGiven, diff, keys]): PreparedRow => {
    const v = c.template.slice();
    for (let i = 0; i < diff.length; i += 2) v[diff[i] as number] = diff[i + 1];
    return { row, reference, reviewDateGiven, write: { v, k: keys.map((k) => [v[0], v[1], ...k]) } };
  });
  return { processed: c.processed, rejected: c.rejected, valid };
}
