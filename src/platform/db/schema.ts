// The Kysely view of every table. Times are UTC ISO 8601 strings, booleans 0/1 integers and
// lists/objects JSON text, so that both dialects store and compare them the same way.
import type { Generated, Kysely, Transaction } from 'kysely';

export interface BureauTable {
  code: string; // ISO 3166-1 alpha-2; the General Secretariat uses the user-assigned 'XG'
  kind: 'member' | 'general_secretariat';
  region: string;
  name_en: string;
  name_fr: string;
  name_es: string;
  name_ar: string;
}

export interface UnitTable {
  id: string;
  bureau_code: string;
  name: string;
  kind: string;
  capabilities: string; // JSON array of capability ids
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  bureau_code: string;
  unit_id: string | null;
  username: string; // lower-cased, unique
  display_name: string;
  password_hash: string;
  roles: string; // JSON array of roles
  totp_secret: string | null; // encrypted at rest
  totp_enabled: number;
  /** The 30-second step of the last one-time code accepted; older or equal steps are refused. */
  totp_last_step: number | null;
  failed_attempts: number;
  locked_until: string | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string; // SHA-256 of the token; the token itself is never stored
  user_id: string;
  stage: 'full' | 'totp_enrolment';
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiKeyTable {
  id: string;
  bureau_code: string;
  unit_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  capabilities: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventTable {
  seq: number;
  id: string;
  at: string;
  actor_type: string;
  actor_id: string | null;
  bureau_code: string | null;
  unit_id: string | null;
  action: string;
  purpose: string | null;
  target_type: string | null;
  target_id: string | null;
  target_bureau: string | null;
  outcome: string;
  request_id: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number; // always 1
  seq: number;
  hash: string;
}

export interface EventTable {
  id: Generated<number>;
  at: string;
  topic: string;
  payload: string;
  access: string; // JSON access descriptor the policy judges per subscriber
}

export interface JobTable {
  id: string;
  kind: string;
  payload: string;
  run_at: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface IdempotencyTable {
  principal_key: string;
  idem_key: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface RecordTable {
  id: string; // UUID v7: ordered by creation
  database_id: string;
  owner_bureau: string;
  owner_unit: string | null;
  reference: string; // the owner bureau's own reference number, unique per database
  status: 'active' | 'closed';
  close_reason: string | null;
  closed_at: string | null;
  restriction_mode: 'everyone' | 'only' | 'except';
  restriction_bureaus: string; // JSON array of bureau codes ([] for everyone)
  handling: string;
  capability: string;
  purpose: string;
  legal_basis: string | null;
  review_date: string; // YYYY-MM-DD
  source_reliability: string; // A, B, C, X
  info_accuracy: number; // 1-4
  data: string; // JSON, typed per database by the catalogue
  warnings: string | null; // JSON list of field warnings accepted with the record
  label: string;
  search_text: string; // normalised words for free-text search
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface RecordVersionTable {
  record_id: string;
  version: number;
  snapshot: string; // JSON of the record as it was at that version
  replaced_at: string;
  replaced_by: string;
  change: string; // what replaced it: update, close, reopen
}

export interface RecordKeyTable {
  record_id: string;
  database_id: string;
  kind: string; // an identifier kind ('document', 'vin'…) or 'name'
  value: string; // normalised
  folded: string; // normalised with look-alike characters folded: the search key
}

export interface RecordAttachmentTable {
  id: string;
  record_id: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: string;
  created_by: string;
}

export interface HitTable {
  id: string;
  at: string;
  record_id: string;
  database_id: string;
  owner_bureau: string;
  searcher_type: string;
  searcher_id: string;
  searcher_name: string;
  searcher_bureau: string;
  searcher_unit: string | null;
  searcher_unit_name: string | null;
  purpose: string;
  search_kind: string; // identifier, person, text, dna
  query: string; // what was searched, as the searcher typed it
  access: string; // see or exists: what the searcher got
  match: string; // exact, similar, a score, a DNA match class
  owner_seen_at: string | null;
}

export interface HitReplyTable {
  id: string;
  hit_id: string;
  at: string;
  author_id: string;
  author_name: string;
  author_bureau: string;
  message: string;
}

export interface RecordImportTable {
  id: string;
  database_id: string;
  bureau: string;
  created_by: string;
  format: string;
  mode: string;
  status: string; // running, done, failed, rolled_back
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  report: string | null; // JSON list of rejected rows with their reasons
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface NoticeTable {
  id: string; // UUID v7
  control_number: string | null; // "YYYY/NNNNN"
  kind: string; // notice | diffusion
  type: string; // red … un
  status: string;
  requesting_bureau: string;
  requesting_unit: string | null;
  title: string;
  data: string; // JSON, typed per notice type (notice.types.ts)
  recipients: string; // JSON array of bureau codes (diffusions)
  public_extract: number; // 0/1: the requesting bureau agrees to a public extract
  handling: string;
  language: string;
  subject_name: string | null;
  subject_forenames: string | null;
  subject_sex: string | null;
  subject_birth: string | null;
  subject_nationalities: string; // JSON array
  warrant_country: string | null;
  reviewer: string | null;
  submitted_at: string | null;
  published_at: string | null;
  review_date: string | null; // YYYY-MM-DD
  closed_at: string | null;
  compliance_checked_at: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface NoticeStepTable {
  id: string;
  notice_id: string;
  at: string;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string;
  actor_name: string;
  actor_bureau: string;
  comment: string | null;
}

export interface NoticeFileTable {
  id: string;
  notice_id: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: string;
  created_by: string;
}

export interface NoticeRecordTable {
  notice_id: string;
  record_id: string;
  database_id: string;
}

export interface NoticeCounterTable {
  year: number;
  last: number;
}

export interface BureauKeyTable {
  kid: string;
  bureau: string;
  public_key: string;
  private_key: string | null;
  created_at: string;
  retired_at: string | null;
}

export interface MessageTable {
  id: string;
  thread_id: string;
  in_reply_to: string | null;
  forwarded_from: string | null;
  sender_bureau: string;
  sender_unit: string | null;
  sender_id: string;
  sender_name: string;
  addressed: string;
  subject: string;
  body: string;
  language: string;
  priority: string;
  handling: string;
  handling_note: string | null;
  refs: string;
  template: string | null;
  search_text: string;
  gs_party: number;
  kid: string;
  signature: string;
  created_at: string;
  idempotency_ref: string | null;
}

export interface MessageRecipientTable {
  message_id: string;
  bureau: string;
  unit: string;
  copy: number;
  delivered_at: string | null;
  read_at: string | null;
  acknowledged_at: string | null;
  answered_at: string | null;
}

export interface MessageAttachmentTable {
  id: string;
  message_id: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: string;
}

export interface MessageGsGrantTable {
  thread_id: string;
  granted_by: string;
  granted_bureau: string;
  granted_at: string;
  reason: string;
}

export interface MessagePermissionTable {
  message_id: string;
  bureau: string;
  granted_by: string;
  granted_at: string;
}

export interface PaymentCaseTable {
  id: string;
  requesting_bureau: string;
  requesting_unit: string | null;
  fraud_type: string;
  victim: string;
  reported_at: string;
  summary: string | null;
  parent_transaction_id: string | null;
  created_at: string;
  created_by: string;
  idempotency_ref: string | null;
}

export interface PaymentPartTable {
  id: string;
  case_id: string;
  receiving_bureau: string;
  status: string;
  ack_due_at: string;
  answer_due_at: string;
  acknowledged_at: string | null;
  forwarded_unit: string | null;
  first_answer_at: string | null;
  overdue_flagged_at: string | null;
  answer_overdue_flagged_at: string | null;
  version: number;
}

export interface PaymentTransactionTable {
  id: string;
  case_id: string;
  part_id: string;
  seq: number;
  amount_minor: string;
  currency: string;
  date: string;
  sending_account: string | null;
  receiving_account: string;
  receiving_bic: string | null;
  receiving_country: string;
  beneficiary_name: string;
  reference: string | null;
  outcome: string;
  frozen_minor: string;
  returned_minor: string;
  moved_to_account: string | null;
  moved_to_country: string | null;
  follow_up_case_id: string | null;
  frozen_at: string | null;
  updated_at: string;
}

export interface PaymentStepTable {
  id: string;
  case_id: string;
  part_id: string | null;
  transaction_id: string | null;
  at: string;
  action: string;
  actor_name: string;
  actor_bureau: string;
  details: string | null;
}

export interface FxRateTable {
  day: string;
  currency: string;
  usd_per_unit: string;
}

export interface IcseSeriesTable {
  id: string;
  name: string;
  description: string | null;
  owner_bureau: string;
  owner_unit: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface IcseSubjectTable {
  id: string;
  series_id: string;
  role: string;
  label: string;
  notes: string | null;
  identified: number;
  identified_by_bureau: string | null;
  identified_by: string | null;
  identified_at: string | null;
  owner_bureau: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface IcseMediaTable {
  id: string;
  owner_bureau: string;
  owner_unit: string | null;
  created_by: string;
  created_at: string;
  source: string;
  kind: string;
  batch_id: string | null;
  file_name: string | null;
  mime: string | null;
  size: number | null;
  md5: string | null;
  sha1: string | null;
  sha256: string | null;
  pdq: string | null;
  pdq_quality: number | null;
  category: number | null;
  series_id: string | null;
  import_case: string | null;
  victim_identified: number | null;
  offender_identified: number | null;
  version: number;
}

export interface IcseContentTable {
  media_id: string;
  original: Buffer;
  preview: Buffer | null;
}

export interface IcseHashTable {
  seq: Generated<number>;
  media_id: string;
  frame: number | null;
  pdq: string;
  quality: number;
  created_at: string;
}

export interface IcseMediaSubjectTable {
  media_id: string;
  subject_id: string;
}

export interface IcseMatchTable {
  media_id: string;
  matched_id: string;
  kind: string;
  distance: number;
  created_at: string;
}

export interface IcseNotificationTable {
  id: string;
  bureau: string;
  unit_id: string | null;
  kind: string;
  subject_id: string | null;
  series_id: string | null;
  details: string;
  created_at: string;
  read_at: string | null;
}

/** An identifier of its own in the networks module: one row per kind and normalised value. */
export interface NetworkEntityTable {
  id: string;
  kind: string;
  value: string;
  created_at: string;
}

/** A link between two pieces of police data, owned and restricted like a record. */
export interface NetworkLinkTable {
  id: string;
  from_kind: string;
  from_id: string;
  from_database: string | null;
  to_kind: string;
  to_id: string;
  to_database: string | null;
  type: string;
  valid_from: string | null;
  valid_to: string | null;
  source_reliability: string;
  info_accuracy: number;
  owner_bureau: string;
  owner_unit: string | null;
  restriction_mode: 'everyone' | 'only' | 'except';
  restriction_bureaus: string;
  handling: string;
  purpose: string;
  notes: string | null;
  status: 'active' | 'closed';
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  version: number;
}

export interface NetworkSuggestionTable {
  id: string;
  entity_id: string;
  link_a: string;
  bureau_a: string;
  status_a: string;
  link_b: string;
  bureau_b: string;
  status_b: string;
  created_at: string;
  updated_at: string;
}

export interface Database {
  bureaus: BureauTable;
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  audit_events: AuditEventTable;
  audit_head: AuditHeadTable;
  events: EventTable;
  jobs: JobTable;
  idempotency_keys: IdempotencyTable;
  settings: SettingTable;
  records: RecordTable;
  record_versions: RecordVersionTable;
  record_keys: RecordKeyTable;
  record_attachments: RecordAttachmentTable;
  hits: HitTable;
  hit_replies: HitReplyTable;
  record_imports: RecordImportTable;
  notices: NoticeTable;
  notice_steps: NoticeStepTable;
  notice_files: NoticeFileTable;
  notice_records: NoticeRecordTable;
  notice_counters: NoticeCounterTable;
  bureau_keys: BureauKeyTable;
  messages: MessageTable;
  message_recipients: MessageRecipientTable;
  message_attachments: MessageAttachmentTable;
  message_gs_grants: MessageGsGrantTable;
  message_permissions: MessagePermissionTable;
  payment_cases: PaymentCaseTable;
  payment_parts: PaymentPartTable;
  payment_transactions: PaymentTransactionTable;
  payment_steps: PaymentStepTable;
  fx_rates: FxRateTable;
  icse_series: IcseSeriesTable;
  icse_subjects: IcseSubjectTable;
  icse_media: IcseMediaTable;
  icse_content: IcseContentTable;
  icse_hashes: IcseHashTable;
  icse_media_subjects: IcseMediaSubjectTable;
  icse_matches: IcseMatchTable;
  icse_notifications: IcseNotificationTable;
  network_entities: NetworkEntityTable;
  network_links: NetworkLinkTable;
  network_suggestions: NetworkSuggestionTable;
}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Stores take either the database or a transaction the service opened. */
export type Executor = Kysely<Database> | Transaction<Database>;
