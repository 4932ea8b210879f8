// What review assistance hands the General Secretariat reviewer: flags to look at, never a
// decision. Each flag has a stable code (the console translates by code and a reviewer's notes
// can cite it), a severity that orders the list, and the field of the notice it is about.

export type ReviewSeverity = 'problem' | 'warning' | 'info';

export interface ReviewFlag {
  /** Stable, e.g. 'neutrality.military', 'red.penalty_too_low', 'duplicate.person'. */
  code: string;
  /** problem: a criterion looks unmet; warning: something to check; info: context. */
  severity: ReviewSeverity;
  /** The path in the notice, e.g. 'data.warrant.maximumPenaltyMonths'. */
  field?: string;
  /** English, one sentence a reviewer can act on. */
  message: string;
  /** What the flag rests on, e.g. { rule: 'desertion', match: 'desertion' }. */
  details?: Record<string, string | number>;
}

const ORDER: Record<ReviewSeverity, number> = { problem: 0, warning: 1, info: 2 };

/** Problems first, then warnings, then information; stable within a severity. */
export function bySeverity(a: ReviewFlag, b: ReviewFlag): number {
  return ORDER[a.severity] - ORDER[b.severity];
}
