// Comparing two STR profiles locus by locus, as national DNA databases report a search: the
// loci compared, those that match and those that do not, and a match class.
//
// Thresholds (a deliberately conservative reading of common practice, e.g. the Prüm exchange,
// which needs 6 matching loci to report a match):
//   full    — every locus both profiles hold agrees, and at least 8 were compared;
//   partial — at least 6 loci agree with at most one mismatch (a degraded stain, a typing
//             error, a close relative: for an officer to follow up, not to act on alone).
// Amelogenin (AMEL) says only the sex; it is compared but not counted.

export interface ProfileComparison {
  compared: string[];
  matching: string[];
  mismatching: string[];
  matchClass: 'full' | 'partial' | 'none';
}

const FULL_MIN = 8;
const PARTIAL_MIN = 6;
const PARTIAL_MAX_MISMATCHES = 1;

/** Alleles as a set: ["15","15"] (homozygous) equals ["15"], and order does not matter. */
function alleleKey(alleles: string[]): string {
  return [...new Set(alleles.map((a) => a.trim().toUpperCase()))].sort().join('/');
}

function canonicalLocus(name: string): string {
  return name.trim().toUpperCase();
}

export function compareProfiles(
  query: Record<string, string[]>,
  candidate: Record<string, string[]>,
): ProfileComparison {
  const theirs = new Map(Object.entries(candidate).map(([k, v]) => [canonicalLocus(k), v]));
  const compared: string[] = [];
  const matching: string[] = [];
  const mismatching: string[] = [];
  for (const [name, alleles] of Object.entries(query)) {
    const locus = canonicalLocus(name);
    const other = theirs.get(locus);
    if (!other) continue;
    compared.push(locus);
    (alleleKey(alleles) === alleleKey(other) ? matching : mismatching).push(locus);
  }
  const counted = (l: string[]) => l.filter((x) => x !== 'AMEL').length;
  let matchClass: ProfileComparison['matchClass'] = 'none';
  if (mismatching.length === 0 && counted(compared) >= FULL_MIN) matchClass = 'full';
  else if (counted(matching) >= PARTIAL_MIN && counted(mismatching) <= PARTIAL_MAX_MISMATCHES)
    matchClass = 'partial';
  return { compared, matching, mismatching, matchClass };
}
