// The shapes of the audit chain: what a service asks to record, and what the chain holds.
import type { Principal } from '../auth/principal.js';

export type AuditOutcome = 'success' | 'denied' | 'exists' | 'failure' | 'invalid';

export type AuditActorType = 'user' | 'api_key' | 'anonymous' | 'system';

export interface AuditInput {
  /** Who acted; null for the public or an unauthenticated caller. */
  actor: Principal | null;
  /** Overrides the type taken from the principal, e.g. 'system' for the CLI. */
  actorType?: AuditActorType;
  /** Dotted and lower-case, e.g. 'auth.login', 'unit.create', 'record.read'. */
  action: string;
  purpose?: string;
  target?: { type: string; id?: string; bureau?: string };
  outcome: AuditOutcome;
  requestId?: string;
  /** Facts about the action, never personal data: the chain cannot be edited to remove it later. */
  details?: Record<string, string | number | boolean | null>;
}

export interface AuditEvent {
  seq: number;
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  bureau: string | null;
  unitId: string | null;
  action: string;
  purpose: string | null;
  targetType: string | null;
  targetId: string | null;
  targetBureau: string | null;
  outcome: string;
  requestId: string | null;
  details: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
}
