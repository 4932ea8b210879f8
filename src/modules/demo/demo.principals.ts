// The demo acts through the services as its users do: the principal of a demo user by name.
import type { AppContext } from '../../context.js';
import type { Principal } from '../../platform/auth/principal.js';
import { userPrincipal } from '../identity/principals.js';
import { findUserByUsername } from '../identity/users.store.js';
import { findUnitById } from '../units/units.store.js';

export async function demoPrincipal(ctx: AppContext, username: string): Promise<Principal> {
  const user = await findUserByUsername(ctx.db, username);
  if (!user) throw new Error(`demo: no user ${username}`);
  const unit = user.unit_id ? ((await findUnitById(ctx.db, user.unit_id)) ?? null) : null;
  return userPrincipal(user, unit);
}
