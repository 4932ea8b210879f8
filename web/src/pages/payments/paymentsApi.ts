// The shapes the payment intervention API answers with, its vocabulary, who may use it, and the
// calls and queries the pages share. Amounts are integer minor units as text (see money.ts).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Principal } from '../../lib/api';
import { useEvents } from '../../lib/events';

export const FRAUD_TYPES = [
  'business_email_compromise',
  'investment',
  'romance',
  'phishing',
  'impersonation',
  'other',
] as const;
export type FraudType = (typeof FRAUD_TYPES)[number];

/** What the receiving side may record for a transaction ("pending" is where it starts). */
export const OUTCOMES = ['frozen', 'partly_frozen', 'moved_on', 'not_found', 'released', 'returned'] as const;
export type RecordedOutcome = (typeof OUTCOMES)[number];
export type Outcome = RecordedOutcome | 'pending';

export type PartStatus = 'sent' | 'acknowledged' | 'forwarded' | 'answered';
export type PartAction = 'acknowledge' | 'forward' | 'outcome';
/** The General Secretariat's bureau code: it follows cases, it opens none. */
export const GS = 'XG';

export interface Victim {
  kind: 'person' | 'company';
  name: string;
  country?: string;
}

/** A row of the queue or of the cases opened: one part (receiving country) of a case. */
export interface PartRow {
  case_id: string;
  requesting_bureau: string;
  fraud_type: FraudType;
  reported_at: string;
  victim: Victim;
  created_at: string;
  parent_transaction_id: string | null;
  part_id: string;
  receiving_bureau: string;
  status: PartStatus;
  ack_due_at: string;
  answer_due_at: string;
}

export interface PaymentPart {
  id: string;
  receivingBureau: string;
  status: PartStatus;
  ackDueAt: string;
  answerDueAt: string;
  acknowledgedAt: string | null;
  forwardedUnit: string | null;
  firstAnswerAt: string | null;
  /** Flagged overdue by the clock (to both bureaus and the GS). */
  overdue: boolean;
  /** What the reader may do on this part now, as the server decides. */
  actions: PartAction[];
}

export interface PaymentTransaction {
  id: string;
  partId: string;
  seq: number;
  amountMinor: string;
  currency: string;
  date: string;
  sendingAccount: string | null;
  receivingAccount: string;
  receivingBic: string | null;
  receivingCountry: string;
  beneficiaryName: string;
  reference: string | null;
  outcome: Outcome;
  frozenMinor: string;
  returnedMinor: string;
  movedToAccount: string | null;
  movedToCountry: string | null;
  followUpCaseId: string | null;
}

export interface PaymentStep {
  at: string;
  action: string;
  actor: string;
  actorBureau: string;
  partId: string | null;
  transactionId: string | null;
  details: Record<string, unknown> | null;
}

export interface PaymentCase {
  id: string;
  requestingBureau: string;
  fraudType: FraudType;
  victim: Victim;
  reportedAt: string;
  summary: string | null;
  parentTransactionId: string | null;
  parentCaseId: string | null;
  createdAt: string;
  parts: PaymentPart[];
  transactions: PaymentTransaction[];
  steps: PaymentStep[];
}

export interface TransactionBody {
  amountMinor: string;
  currency: string;
  date: string;
  sendingAccount?: string;
  receivingAccount: string;
  receivingBic?: string;
  beneficiaryName: string;
  reference?: string;
}

export interface OpenCaseBody {
  fraudType: FraudType;
  victim: Victim;
  reportedAt: string;
  summary?: string;
  transactions: TransactionBody[];
}

export interface OutcomeBody {
  outcome: RecordedOutcome;
  frozenMinor?: string;
  returnedMinor?: string;
  movedToAccount?: string;
  movedToBic?: string;
  note?: string;
}

/** Payment interventions: the payments capability and an officer's or supervisor's role. */
/** Acting on cases (opening, acknowledging, answering): the bureaus' officers and supervisors. */
export const mayActOnPayments = (p: Principal | null) =>
  Boolean(p?.capabilities.includes('payments') && p.roles.some((r) => r === 'officer' || r === 'supervisor'));
/** Reading them: those who act, and the General Secretariat's reviewers and DPO, who oversee. */
export const mayUsePayments = (p: Principal | null) =>
  mayActOnPayments(p) ||
  Boolean(p?.capabilities.includes('payments') && p.roles.some((r) => r === 'gs_reviewer' || r === 'dpo'));
/** Opening a case is for the victim's bureau: any member bureau, not the General Secretariat. */
export const mayOpenCases = (p: Principal | null) => mayActOnPayments(p) && p?.bureau.code !== GS;

/** The deadline a part runs against now: acknowledgement until acknowledged, then the answer. */
export function nextDue(status: PartStatus, ackDueAt: string, answerDueAt: string): string | null {
  if (status === 'sent') return ackDueAt;
  if (status === 'answered') return null;
  return answerDueAt;
}

export const paymentsApi = {
  /** Opens a case; `key` is the form's Idempotency-Key, so a retry or a double click opens one. */
  open: (body: OpenCaseBody, key: string) =>
    api.post<{ id: string }>('/payments/cases', body, { 'idempotency-key': key }),
  acknowledge: (partId: string) => api.post<void>(`/payments/parts/${partId}/acknowledge`, {}),
  forward: (partId: string, unitId: string) =>
    api.post<void>(`/payments/parts/${partId}/forward`, { unitId }),
  outcome: (transactionId: string, body: OutcomeBody) =>
    api.post<{ followUpCaseId: string | null }>(`/payments/transactions/${transactionId}/outcome`, body),
};

export function usePaymentList(box: 'queue' | 'opened' | 'overdue') {
  return useQuery({
    queryKey: ['payments', 'list', box],
    queryFn: () => api.get<{ items: PartRow[] }>(`/payments/cases?box=${box}`),
  });
}

export function usePaymentCase(id: string | undefined) {
  return useQuery({
    queryKey: ['payments', 'case', id],
    queryFn: () => api.get<PaymentCase>(`/payments/cases/${id}`),
    enabled: Boolean(id),
    retry: false,
  });
}

const TOPICS = ['payments.request', 'payments.update', 'payments.overdue'] as const;

/** While mounted: any request, change or overdue flag the reader may see refreshes the pages. */
export function usePaymentsLive() {
  const queryClient = useQueryClient();
  useEvents(TOPICS, () => void queryClient.invalidateQueries({ queryKey: ['payments'] }));
}
