// Video-to-video matching as vPDQ does it (facebook/ThreatExchange vpdq/README.md, "Comparison
// (Matching) Algorithm"; match_VPDQ_hash_brute in vpdq/python): frames are a bag of hashes. Both
// sides are de-duplicated (unique hashes) and filtered by quality; then the share of query frames
// with some target frame within the distance, and the share of target frames with some query frame.
import { hammingDistanceWords, hashToWords } from './hamming.js';

export interface VpdqFrame {
  hash: string;
  quality: number;
}

export interface VpdqMatchOptions {
  /** Largest Hamming distance at which two frames match (inclusive). vPDQ's example: 31. */
  distance?: number;
  /** Frames of lower quality are left out on both sides. vPDQ's example: 50. */
  qualityMin?: number;
  /** Share of the target's frames (percent) that must match: vPDQ's P_c, example 80. */
  percentThreshold?: number;
  /** Share of the query's frames (percent) that must match: vPDQ's P_q, example 0 (padding allowed). */
  queryPercentThreshold?: number;
}

export interface VpdqMatchResult {
  /** Percent of the query's unique quality frames that match some target frame. */
  queryMatchPercent: number;
  /** Percent of the target's unique quality frames that match some query frame. */
  targetMatchPercent: number;
  /** targetMatchPercent ≥ percentThreshold and queryMatchPercent ≥ queryPercentThreshold. */
  isMatch: boolean;
}

/** Unique hashes of the frames of at least the given quality, as 8-word blocks. */
function uniqueQualityFrames(frames: readonly VpdqFrame[], qualityMin: number): Uint32Array {
  const unique = new Set<string>();
  for (const f of frames) if (f.quality >= qualityMin) unique.add(f.hash.toLowerCase());
  const words = new Uint32Array(unique.size * 8);
  let i = 0;
  for (const h of unique) hashToWords(h, words, 8 * i++);
  return words;
}

/** Percent of the hashes in `a` within `distance` of some hash in `b` (0 when `a` is empty). */
function matchedPercent(a: Uint32Array, b: Uint32Array, distance: number): number {
  const na = a.length / 8;
  const nb = b.length / 8;
  if (na === 0) return 0;
  let matched = 0;
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      if (hammingDistanceWords(a, i * 8, b, j * 8) <= distance) {
        matched++;
        break;
      }
    }
  }
  return (matched * 100) / na;
}

export function vpdqMatch(
  queryFrames: readonly VpdqFrame[],
  targetFrames: readonly VpdqFrame[],
  options: VpdqMatchOptions = {},
): VpdqMatchResult {
  const { distance = 31, qualityMin = 50, percentThreshold = 80, queryPercentThreshold = 0 } = options;
  const q = uniqueQualityFrames(queryFrames, qualityMin);
  const t = uniqueQualityFrames(targetFrames, qualityMin);
  const queryMatchPercent = matchedPercent(q, t, distance);
  const targetMatchPercent = matchedPercent(t, q, distance);
  return {
    queryMatchPercent,
    targetMatchPercent,
    isMatch:
      q.length > 0 &&
      t.length > 0 &&
      targetMatchPercent >= percentThreshold &&
      queryMatchPercent >= queryPercentThreshold,
  };
}
