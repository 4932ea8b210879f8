// Measuring a word matcher on Arabic → Latin pairs: for each Arabic word, rank every Latin word
// of the set and see where the right one lands (recall@1, recall@10).
import fs from 'node:fs';

export type Pair = [arabic: string, latin: string];

export function readPairs(file: string): Pair[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => l.split('\t').slice(0, 2) as Pair);
}

export function recall(pairs: Pair[], score: (a: string, b: string) => number) {
  const latins = [...new Set(pairs.map((p) => p[1]))];
  let at1 = 0;
  let at10 = 0;
  for (const [ar, en] of pairs) {
    const target = score(ar, en);
    // The rank of the right answer: how many others score as high or higher (ties count
    // against it, so the figure is never flattered by them).
    let better = 0;
    for (const l of latins) if (l !== en && score(ar, l) >= target) better++;
    if (better === 0) at1++;
    if (better < 10) at10++;
  }
  return { recallAt1: at1 / pairs.length, recallAt10: at10 / pairs.length };
}
