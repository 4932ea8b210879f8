// Builds the Principal for a signed-in user or an API key from their stored rows.
import {
  BUREAU_DEFAULT_CAPABILITIES,
  CAPABILITIES,
  type Capability,
  type Principal,
  ROLES,
  type Role,
} from '../../platform/auth/principal.js';
import type { ApiKeyTable, UnitTable } from '../../platform/db/schema.js';
import type { UserRow } from './users.store.js';

export function parseRoles(json: string): Role[] {
  const list = JSON.parse(json) as unknown[];
  return list.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r));
}

export function parseCapabilities(json: string): Capability[] {
  const list = JSON.parse(json) as unknown[];
  return list.filter((c): c is Capability => (CAPABILITIES as readonly unknown[]).includes(c));
}

type UnitBits = Pick<UnitTable, 'id' | 'capabilities' | 'active'> | null;

/** A user's capabilities are their unit's; a user with no unit works for the bureau's central office. */
export function userCapabilities(unit: UnitBits): Capability[] {
  if (!unit) return [...BUREAU_DEFAULT_CAPABILITIES];
  return unit.active ? parseCapabilities(unit.capabilities) : [];
}

export function userPrincipal(user: UserRow, unit: UnitBits): Principal {
  return {
    type: 'user',
    id: user.id,
    name: user.username,
    bureau: user.bureau_code,
    unitId: user.unit_id,
    roles: parseRoles(user.roles),
    capabilities: userCapabilities(unit),
  };
}

/** An API key may use what it was granted, and never more than its unit may. */
export function apiKeyPrincipal(key: ApiKeyTable, unit: UnitBits): Principal {
  const unitCaps = new Set(userCapabilities(unit));
  return {
    type: 'api_key',
    id: key.id,
    name: key.name,
    bureau: key.bureau_code,
    unitId: key.unit_id,
    roles: ['system'],
    capabilities: parseCapabilities(key.capabilities).filter((c) => unitCaps.has(c)),
  };
}
