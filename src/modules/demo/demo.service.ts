import type { AppContext } from '../../context.js';
import { ROLES_REQUIRING_TOTP } from '../../platform/auth/principal.js';
import { createApiKey } from '../identity/apikeys.service.js';
import { hashPassword } from '../identity/passwords.js';
import { findUserByUsername, insertUser, newUserRow } from '../identity/users.store.js';
import { findUnitByName, insertUnit, newUnitRow } from '../units/units.store.js';
import { DEMO_API_KEY, DEMO_BUREAUS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo.data.js';
import { seedDemoIcse } from './demo.icse.js';
import { seedDemoNotices } from './demo.notices.js';
import { seedDemoPayments } from './demo.payments.js';
import { countUsers, isDemoInstance, markDemoInstance } from './demo.store.js';

export class DemoRefused extends Error {}

export interface DemoSignIn {
  username: string;
  bureau: string;
  roles: string[];
  unit: string | null;
  totp: boolean;
}

export interface DemoResult {
  created: boolean;
  signIns: DemoSignIn[];
  apiKey: string | null;
}

export async function seedDemo(
  ctx: AppContext,
  opts: {
    force?: boolean;
    onProgress?: (done: number, total: number) => void;
    /**
     * Also the payment interventions of the last six months (demo.payments.ts), for a demo that
     * is shown (`serve`, `meridian demo`). The API tests seed without them: their figures and
     * queues count the cases each test makes, on a clean slate.
     */
    paymentCases?: boolean;
    /** Also the child-exploitation demo media (generated pictures, demo.icse.ts), for the same reason. */
    icseMedia?: boolean;
  } = {},
): Promise<DemoResult> {
  const demo = await isDemoInstance(ctx.db);
  if (!demo && (await countUsers(ctx.db)) > 0 && !opts.force) {
    throw new DemoRefused(
      'This database already has users and is not a demo instance; demo data was NOT added. ' +
        'Use --force only if you are sure it holds no real data.',
    );
  }
  const signIns = listSignIns();
  if (demo && (await findUserByUsername(ctx.db, 'fr.officer')))
    return { created: false, signIns, apiKey: null };

  await markDemoInstance(ctx.db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const totpSecret = ctx.keyring.encrypt(DEMO_TOTP_SECRET);
  const total = DEMO_BUREAUS.reduce((n, b) => n + b.units.length + b.users.length, 0);
  let done = 0;
  let apiKey: string | null = null;
  for (const bureau of DEMO_BUREAUS) {
    const unitIds = new Map<string, string>();
    for (const unit of bureau.units) {
      let row = await findUnitByName(ctx.db, bureau.code, unit.name);
      if (!row) {
        row = newUnitRow(bureau.code, unit);
        await insertUnit(ctx.db, row);
      }
      unitIds.set(unit.key, row.id);
      opts.onProgress?.(++done, total);
    }
    for (const user of bureau.users) {
      const totp = user.roles.some((r) => ROLES_REQUIRING_TOTP.includes(r));
      if (!(await findUserByUsername(ctx.db, user.username))) {
        await insertUser(
          ctx.db,
          newUserRow({
            bureau: bureau.code,
            unitId: user.unit ? unitIds.get(user.unit)! : null,
            username: user.username,
            displayName: user.displayName,
            passwordHash,
            roles: user.roles,
            totpSecret: totp ? totpSecret : null,
          }),
        );
      }
      opts.onProgress?.(++done, total);
    }
    if (bureau.code === DEMO_API_KEY.bureau) {
      const created = await createApiKey(
        ctx,
        null,
        bureau.code,
        {
          name: DEMO_API_KEY.name,
          unitId: unitIds.get(DEMO_API_KEY.unit)!,
          capabilities: DEMO_API_KEY.capabilities,
        },
        {},
      );
      apiKey = created.key;
    }
  }
  // Notices need the users above: an officer drafts, another supervisor approves, XG publishes.
  await seedDemoNotices(ctx);
  if (opts.paymentCases) await seedDemoPayments(ctx);
  if (opts.icseMedia) await seedDemoIcse(ctx);
  await ctx.audit.record({ actor: null, actorType: 'system', action: 'demo.seed', outcome: 'success' });
  return { created: true, signIns, apiKey };
}

export function listSignIns(): DemoSignIn[] {
  return DEMO_BUREAUS.flatMap((b) =>
    b.users.map((u) => ({
      username: u.username,
      bureau: b.code,
      roles: u.roles,
      unit: u.unit ? (b.units.find((x) => x.key === u.unit)?.name ?? null) : null,
      totp: u.roles.some((r) => ROLES_REQUIRING_TOTP.includes(r)),
    })),
  );
}

/** The text printed after seeding: where to sign in and with what. */
export function formatSignIns(result: DemoResult, url?: string): string {
  const lines: string[] = [];
  if (url) lines.push(`Meridian console: ${url}`, '');
  lines.push(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const s of result.signIns) {
    const extra = [s.roles.join('+'), s.unit ? `unit: ${s.unit}` : null, s.totp ? 'second factor' : null]
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${s.username.padEnd(20)} ${s.bureau}  ${extra}`);
  }
  lines.push(
    '',
    `Accounts marked "second factor" use the TOTP secret ${DEMO_TOTP_SECRET}`,
    `  (add it to an authenticator app, or print the current code: npm run meridian -- totp ${DEMO_TOTP_SECRET}).`,
  );
  if (result.apiKey) lines.push('', `Demo border-system API key (shown once): ${result.apiKey}`);
  return lines.join('\n');
}
