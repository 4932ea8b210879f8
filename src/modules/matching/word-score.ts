// How alike two single name words are, across Arabic and Latin script: mostly their consonant
// skeletons (edit-distance similarity), partly their transliterations (Jaro-Winkler), which
// keeps the vowels a skeleton drops. Weights chosen on ar2en-train; see evaluation.ts.
import anyAscii from 'any-ascii';
import { jaroWinkler, levenshteinSimilarity } from './similarity.js';
import { skeleton } from './skeleton.js';

const SKELETON_WEIGHT = 0.7;

export function asciiLetters(word: string): string {
  return anyAscii(word.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

interface WordForms {
  skeleton: string;
  ascii: string;
}

// The forms of recently seen words: a query word is compared with many candidates, and a
// candidate with many queries, so each word is reduced once.
const forms = new Map<string, WordForms>();
function formsOf(word: string): WordForms {
  let f = forms.get(word);
  if (!f) {
    if (forms.size >= 50_000) forms.clear();
    f = { skeleton: skeleton(word), ascii: asciiLetters(word) };
    forms.set(word, f);
  }
  return f;
}

// Scores of word pairs met recently: common names meet each other in search after search. Two
// levels, so a look-up hashes the two words (whose hashes the engine keeps) and builds no key.
const pairs = new Map<string, Map<string, number>>();
let pairCount = 0;

/** 0..1 similarity of two name words written in any script. */
export function wordScore(a: string, b: string): number {
  let row = pairs.get(a);
  if (!row) {
    row = new Map();
    pairs.set(a, row);
  }
  let s = row.get(b);
  if (s === undefined) {
    const fa = formsOf(a);
    const fb = formsOf(b);
    s =
      SKELETON_WEIGHT * levenshteinSimilarity(fa.skeleton, fb.skeleton) +
      (1 - SKELETON_WEIGHT) * jaroWinkler(fa.ascii, fb.ascii);
    if (++pairCount > 500_000) {
      pairs.clear();
      pairCount = 0;
    }
    row.set(b, s);
  }
  return s;
}

/** The baseline the issue measures against: any-ascii transliteration and Jaro-Winkler. */
export function baselineWordScore(a: string, b: string): number {
  return jaroWinkler(formsOf(a).ascii, formsOf(b).ascii);
}
