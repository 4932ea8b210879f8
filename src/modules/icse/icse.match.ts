// Matching a new medium (an upload or an imported hash entry) against everything known:
// exact hashes (SHA-256, SHA-1, MD5) through the database's indexes; PDQ through the in-memory
// multi-index (never a scan of everything), with all eight rotations and mirrorings of an image
// so a turned or flipped copy still matches; videos frame by frame, judged like vPDQ (enough of
// the query's good frames within the distance of the known video's frames).
import type { AppContext } from '../../context.js';
import type { IcseMediaTable } from '../../platform/db/schema.js';
import { pdqIndexOf } from './icse.index.js';
import * as store from './icse.store.js';
import type { MatchKind } from './icse.types.js';
import { type PdqDihedralHashes, vpdqMatch } from './pdq/index.js';

/** Below this quality a PDQ hash says too little about its image to be matched (the reference's advice). */
export const PDQ_MIN_QUALITY = 50;
/** vPDQ: the share of the query video's good frames that must match the known video's. */
export const VPDQ_QUERY_PERCENT = 80;

export interface Probe {
  md5?: string | null;
  sha1?: string | null;
  sha256?: string | null;
  /** An image's hash and its seven rotations and mirrorings. */
  dihedral?: PdqDihedralHashes | null;
  /** A single hash (an imported entry), with its quality. */
  pdq?: { hash: string; quality: number } | null;
  /** A video's frames. */
  frames?: { second: number; hash: string; quality: number }[];
}

export interface Found {
  mediaId: string;
  kind: MatchKind;
  distance: number;
}

function exactKind(m: IcseMediaTable, p: Probe): MatchKind | null {
  if (p.sha256 && m.sha256 === p.sha256) return 'sha256';
  if (p.sha1 && m.sha1 === p.sha1) return 'sha1';
  if (p.md5 && m.md5 === p.md5) return 'md5';
  return null;
}

/** The known media this probe matches (the medium itself, `self`, excluded), best kind first. */
export async function findMatches(ctx: AppContext, probe: Probe, self?: string): Promise<Found[]> {
  const found = new Map<string, Found>();
  const keep = (f: Found) => {
    if (f.mediaId === self) return;
    const had = found.get(f.mediaId);
    if (!had || rank(f) < rank(had)) found.set(f.mediaId, f);
  };

  if (probe.md5 || probe.sha1 || probe.sha256) {
    for (const m of await store.mediaByExactHashes(ctx.db, probe)) {
      const kind = exactKind(m, probe);
      if (kind) keep({ mediaId: m.id, kind, distance: 0 });
    }
  }

  const distance = ctx.config.icsePdqDistance;
  const wantsPdq =
    (probe.dihedral && probe.dihedral.quality >= PDQ_MIN_QUALITY) ||
    (probe.pdq && probe.pdq.quality >= PDQ_MIN_QUALITY) ||
    (probe.frames?.some((f) => f.quality >= PDQ_MIN_QUALITY) ?? false);
  if (!wantsPdq) return [...found.values()];
  const index = await pdqIndexOf(ctx);

  const hashes: string[] = [];
  if (probe.dihedral && probe.dihedral.quality >= PDQ_MIN_QUALITY) {
    const { quality: _q, ...variants } = probe.dihedral;
    hashes.push(...new Set(Object.values(variants)));
  }
  if (probe.pdq && probe.pdq.quality >= PDQ_MIN_QUALITY) hashes.push(probe.pdq.hash);
  for (const h of hashes) {
    for (const hit of index.search(h, distance)) {
      if (hit.value.quality >= PDQ_MIN_QUALITY)
        keep({ mediaId: hit.value.mediaId, kind: 'pdq', distance: hit.distance });
    }
  }

  const frames = (probe.frames ?? []).filter((f) => f.quality >= PDQ_MIN_QUALITY);
  if (frames.length > 0) {
    // Frames hitting a known image: that still is known. Frames hitting a known video: judged whole.
    const videoCandidates = new Map<string, number>();
    for (const f of frames) {
      for (const hit of index.search(f.hash, distance)) {
        if (hit.value.quality < PDQ_MIN_QUALITY) continue;
        if (hit.value.frame === null)
          keep({ mediaId: hit.value.mediaId, kind: 'pdq', distance: hit.distance });
        else
          videoCandidates.set(
            hit.value.mediaId,
            Math.min(videoCandidates.get(hit.value.mediaId) ?? 256, hit.distance),
          );
      }
    }
    const known = await store.framesOf(ctx.db, [...videoCandidates.keys()]);
    for (const [mediaId, best] of videoCandidates) {
      const target = known
        .filter((k) => k.media_id === mediaId)
        .map((k) => ({ second: k.frame ?? 0, hash: k.pdq, quality: k.quality }));
      const verdict = vpdqMatch(frames, target, { distance, qualityMin: PDQ_MIN_QUALITY });
      if (verdict.queryMatchPercent >= VPDQ_QUERY_PERCENT) keep({ mediaId, kind: 'vpdq', distance: best });
    }
  }
  return [...found.values()];
}

const RANK: Record<MatchKind, number> = { sha256: 0, sha1: 1, md5: 2, vpdq: 3, pdq: 4 };
const rank = (f: Found) => RANK[f.kind] * 1000 + f.distance;
