// PDQ perceptual hashing, matching and indexing for ICSE: the pure computation. Storage, access
// policy and audit live in the ICSE module around it.
export { type ExactHashes, exactHashes } from './exact-hashes.js';
export {
  bytesToHash,
  hammingDistance,
  hammingDistanceWords,
  hashToBytes,
  hashToWords,
  isPdqHash,
  popcount32,
  wordsToHash,
} from './hamming.js';
export { DIHEDRAL_NAMES, type DihedralName } from './hash-bits.js';
export {
  type PdqDihedralHashes,
  type PdqHash,
  pdqDihedralHashes,
  pdqDihedralHashesLuma,
  pdqHashImage,
  pdqHashLuma,
} from './pdq-hasher.js';
export { DEFAULT_MAX_DISTANCE, linearScan, PdqIndex, type PdqMatch, scanWords } from './pdq-index.js';
export { type LumaImage, loadLuma, lumaFromPixels } from './pdq-luma.js';
export {
  FfmpegMissingError,
  ffmpegPath,
  pdqHashVideo,
  type VideoFrameHash,
  type VideoHashOptions,
} from './pdq-video.js';
export {
  type VpdqFrame,
  type VpdqMatchOptions,
  type VpdqMatchResult,
  vpdqMatch,
} from './vpdq-match.js';
