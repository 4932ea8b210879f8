// The vocabulary of payment interventions.
export const FRAUD_TYPES = [
  'business_email_compromise',
  'investment',
  'romance',
  'phishing',
  'impersonation',
  'other',
] as const;
export type FraudType = (typeof FRAUD_TYPES)[number];

/** What the receiving side found for one transaction. */
export const OUTCOMES = [
  'pending',
  'frozen',
  'partly_frozen',
  'moved_on', // to another account (and country): a follow-up case chases it there
  'not_found',
  'released',
  'returned', // returned to the victim
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A part (one receiving country): sent → acknowledged → forwarded to its financial unit → answered. */
export const PART_STATUSES = ['sent', 'acknowledged', 'forwarded', 'answered'] as const;

export interface TransactionInput {
  amountMinor: string;
  currency: string;
  date: string;
  sendingAccount?: string;
  receivingAccount: string;
  receivingBic?: string;
  beneficiaryName: string;
  reference?: string;
}
