// Who is acting: a user or an API key, always inside one bureau and optionally one unit.

export const ROLES = [
  'officer',
  'supervisor',
  'bureau_admin',
  'dpo',
  'gs_reviewer',
  'gs_admin',
  'system',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose holders must sign in with a second factor. */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ['bureau_admin', 'dpo', 'gs_reviewer', 'gs_admin'];

/** Roles that only General Secretariat staff may hold. */
export const GS_ONLY_ROLES: readonly Role[] = ['gs_reviewer', 'gs_admin'];

/**
 * Capabilities a unit (and so its users and API keys) may use. Each later capability of the
 * product checks its own: the criminal databases, border screening, notices, messaging,
 * payment interventions, child-exploitation media, networks and CBRNE intelligence.
 */
export const CAPABILITIES = [
  'databases',
  'screening',
  'notices',
  'messaging',
  'payments',
  'icse',
  'networks',
  'cbrne',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** What a bureau's central office (a user with no unit) may use. ICSE and CBRNE need a specialised unit. */
export const BUREAU_DEFAULT_CAPABILITIES: readonly Capability[] = [
  'databases',
  'screening',
  'notices',
  'messaging',
  'payments',
  'networks',
];

/** The General Secretariat is a bureau of its own, with a user-assigned ISO code. */
export const GENERAL_SECRETARIAT = 'XG';

export interface Principal {
  type: 'user' | 'api_key';
  id: string;
  /** Username or API-key name, for display and audit. */
  name: string;
  bureau: string;
  unitId: string | null;
  roles: readonly Role[];
  capabilities: readonly Capability[];
}

export function hasRole(p: Principal, ...roles: Role[]): boolean {
  return roles.some((r) => p.roles.includes(r));
}

export function isGeneralSecretariat(p: Principal): boolean {
  return p.bureau === GENERAL_SECRETARIAT;
}
