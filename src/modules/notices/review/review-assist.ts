// Review assistance: everything the General Secretariat reviewer is pointed to when a notice
// request is opened — neutrality (Article 3), the red-notice criteria, refugee status and possible
// duplicates — in one list, problems first. It informs the reviewer; it never decides.
import type { Notice } from '../notice.types.js';
import { duplicateFlags } from './duplicates.js';
import { neutralityFlags } from './neutrality.js';
import { redCriteriaFlags } from './red-criteria.js';
import { refugeeFlags } from './refugee.js';
import { bySeverity, type ReviewFlag } from './review-flag.js';

export type { ReviewFlag } from './review-flag.js';

export interface ReviewContext {
  /** Whether a photograph of the person is attached. */
  hasPhoto: boolean;
  /** The other active notices (submitted, under review, info requested, published). */
  others: Notice[];
  /** Today as YYYY-MM-DD (UTC); tests fix it. */
  today?: string;
}

export function assistReview(notice: Notice, context: ReviewContext): ReviewFlag[] {
  const criteria = { hasPhoto: context.hasPhoto, today: context.today };
  return [
    ...neutralityFlags(notice),
    ...redCriteriaFlags(notice, criteria),
    ...refugeeFlags(notice),
    ...duplicateFlags(notice, context.others),
  ].sort(bySeverity);
}
