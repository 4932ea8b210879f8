// How alike two full names are, whatever the script, the order of the names, a missing middle
// name or an initial: each token of the shorter name is paired with its best match in the other
// (each used once), and the pairs' word scores are averaged, with a small discount for tokens
// left unpaired.
import { nameTokens } from './name-tokens.js';
import { wordScore } from './word-score.js';

export interface NameComparison {
  score: number;
  /** Token pairs as compared, for explanations: [query token, candidate token, score]. */
  pairs: [string, string, number][];
  unmatched: string[];
}

const UNPAIRED_COST = 0.15;
const DISAGREEING_COST = 0.4;
const DISAGREE = 0.5;

const HEADS = /^(abd|abu|عبد|ابو)(.{2,})$/;

const isInitial = (t: string) => t.length === 1 && !/\p{Script=Han}/u.test(t);

function tokenScore(a: string, b: string): number {
  // An initial ("M. Abdullah") agrees with any name starting with that letter.
  // (A single Han character is a whole name, not an initial.)
  if (isInitial(a) || isInitial(b)) return a[0] === b[0] ? 0.8 : 0;
  // Compounds agree by what follows their head: Abdullah and Abdelaziz share only "servant of".
  const ha = HEADS.exec(a);
  const hb = HEADS.exec(b);
  if (ha && hb && wordScore(ha[1]!, hb[1]!) > 0.9) return wordScore(ha[2]!, hb[2]!);
  return wordScore(a, b);
}

export function compareNames(query: string, candidate: string): NameComparison {
  return compareTokens(nameTokens(query), nameTokens(candidate));
}

/** compareNames on names already split into tokens (see name-tokens.ts). */
export function compareTokens(q: readonly string[], c: readonly string[]): NameComparison {
  if (q.length === 0 || c.length === 0) return { score: 0, pairs: [], unmatched: [...q, ...c] };
  const [short, long] = q.length <= c.length ? [q, c] : [c, q];
  const n = short.length;
  const m = long.length;
  const scores = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) scores[i * m + j] = tokenScore(short[i]!, long[j]!);
  // Greedy assignment, best pair first (the first such in row order on ties): names have a
  // handful of tokens, so a scan per pair beats sorting the cells.
  const usedS = new Uint8Array(n);
  const usedL = new Uint8Array(m);
  const pairs: [string, string, number][] = [];
  let sum = 0;
  for (let round = 0; round < n; round++) {
    let best = -1;
    let bi = 0;
    let bj = 0;
    for (let i = 0; i < n; i++) {
      if (usedS[i]) continue;
      for (let j = 0; j < m; j++) {
        if (usedL[j]) continue;
        const v = scores[i * m + j]!;
        if (v > best) {
          best = v;
          bi = i;
          bj = j;
        }
      }
    }
    usedS[bi] = 1;
    usedL[bj] = 1;
    sum += best;
    pairs.push(q.length <= c.length ? [short[bi]!, long[bj]!, best] : [long[bj]!, short[bi]!, best]);
  }
  const unmatched = long.filter((_, j) => usedL[j] === 0);
  // Unpaired tokens of the longer name (a middle name one side omits) cost something, not all;
  // a pair that does not agree (Yusuf ~ Mariam) is evidence of another person and costs more.
  // Both rates chosen on the tuning set (ar2en-train), not the evaluation set.
  let disagreeing = 0;
  for (const p of pairs) if (p[2] < DISAGREE) disagreeing++;
  const score =
    (sum / short.length) * (1 - UNPAIRED_COST * unmatched.length) * (1 - DISAGREEING_COST * disagreeing);
  return { score: Math.max(0, Math.round(score * 1000) / 1000), pairs, unmatched };
}
