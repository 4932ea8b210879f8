// The vocabulary of child-exploitation media matching.

/** Project VIC categories, as VICS files carry them. */
export const CATEGORIES = [
  { value: 0, key: 'non_pertinent' },
  { value: 1, key: 'abuse_material' }, // child abuse material: illegal
  { value: 2, key: 'exploitive' }, // child exploitive, age difficult
  { value: 3, key: 'animation' }, // CGI or animation
  { value: 4, key: 'comparison' }, // comparison images
] as const;
export type Category = (typeof CATEGORIES)[number]['value'];

export const SUBJECT_ROLES = ['victim', 'offender'] as const;
export type SubjectRole = (typeof SUBJECT_ROLES)[number];

/** How a medium matched a known one. Exact hashes first, then perceptual. */
export const MATCH_KINDS = ['sha256', 'sha1', 'md5', 'pdq', 'vpdq'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** What a result tells the officer at once about a matched series. */
export type SeriesStatus =
  | 'victim_identified' // every victim of the series is identified
  | 'known' // a known series with a victim not yet identified: she may still be in danger
  | 'known_media' // matched known media that belong to no series yet
  | 'new'; // nothing known matched: new material

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/tiff', 'image/bmp'];
export const VIDEO_TYPES = [
  'video/mp4',
  'video/webm',
  'video/quicktime',
  'video/x-msvideo',
  'video/x-matroska',
];
