// API shapes for managing a bureau's users.
import { type Static, Type } from '@sinclair/typebox';
import { ROLES } from '../../platform/auth/principal.js';
import { IdParam } from '../../platform/http/schemas.js';
import { parseRoles } from './principals.js';
import type { UserRow } from './users.store.js';

export const HUMAN_ROLES = ROLES.filter((r) => r !== 'system');
const RoleSchema = Type.Union(HUMAN_ROLES.map((r) => Type.Literal(r)));
const Roles = Type.Array(RoleSchema, { minItems: 1, uniqueItems: true, maxItems: HUMAN_ROLES.length });
const DisplayName = Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' });

export const UserSchema = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    bureauCode: Type.String(),
    unitId: Type.Union([Type.String(), Type.Null()]),
    roles: Type.Array(Type.String()),
    totpEnabled: Type.Boolean(),
    locked: Type.Boolean(),
    active: Type.Boolean(),
    version: Type.Integer(),
    createdAt: Type.String(),
  },
  { $id: 'User' },
);
export type UserDto = Static<typeof UserSchema>;

export const CreateUserBody = Type.Object(
  {
    username: Type.String({
      pattern: '^[a-z0-9][a-z0-9._-]{2,63}$',
      description: 'Lower-case letters, digits, dot, dash, underscore; 3–64 characters',
    }),
    displayName: DisplayName,
    password: Type.String({ minLength: 12, maxLength: 256 }),
    roles: Roles,
    unitId: Type.Optional(Type.Union([IdParam, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateUserInput = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    roles: Type.Optional(Roles),
    unitId: Type.Optional(Type.Union([IdParam, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserInput = Static<typeof UpdateUserBody>;

export function toUserDto(row: UserRow, now = new Date().toISOString()): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    bureauCode: row.bureau_code,
    unitId: row.unit_id,
    roles: parseRoles(row.roles),
    totpEnabled: Boolean(row.totp_enabled),
    locked: Boolean(row.locked_until && row.locked_until > now),
    active: Boolean(row.active),
    version: row.version,
    createdAt: row.created_at,
  };
}
