// Each bureau's Ed25519 signing key pair. The private half is encrypted at rest with the
// server's key and used only to sign the bureau's messages; the public half is published to
// every bureau. Rotation retires the current pair (its private half is erased, its public half
// kept) and makes a new one, so messages signed before still verify by their key id.
import crypto from 'node:crypto';
import type { AppContext, RequestMeta } from '../../context.js';
import { assertCanAdministerBureau } from '../../platform/auth/admin-scope.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { BureauKeyTable, Db } from '../../platform/db/schema.js';
import { notFoundOrNoAccess } from '../../platform/http/problem.js';
import { nowIso } from '../../platform/time.js';

interface SigningKey {
  kid: string;
  key: crypto.KeyObject;
}

// Per process: signing keys for a minute (a rotation elsewhere is picked up within it; a
// signature by the retired key still verifies), public keys for as long as the process lives.
const SIGNING_TTL_MS = 60_000;
const signing = new WeakMap<Db, Map<string, { at: number; key: SigningKey }>>();
const verifying = new WeakMap<Db, Map<string, { bureau: string; key: crypto.KeyObject }>>();

function newPair(bureau: string, ctx: AppContext, at: string): BureauKeyTable {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'jwk' }).x!;
  const kid = `${bureau}-${crypto.createHash('sha256').update(raw).digest('base64url').slice(0, 16)}`;
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  return {
    kid,
    bureau,
    public_key: raw,
    private_key: ctx.keyring.encrypt(pkcs8),
    created_at: at,
    retired_at: null,
  };
}

/** Gives every bureau without a key pair one; run at start (several processes may race: both keys are valid). */
export async function ensureBureauKeys(ctx: AppContext) {
  const have = new Set(
    (await ctx.db.selectFrom('bureau_keys').select('bureau').where('retired_at', 'is', null).execute()).map(
      (r) => r.bureau,
    ),
  );
  const bureaus = (await ctx.db.selectFrom('bureaus').select('code').execute()).map((b) => b.code);
  const at = nowIso();
  const rows = bureaus.filter((b) => !have.has(b)).map((b) => newPair(b, ctx, at));
  if (rows.length > 0) await ctx.db.insertInto('bureau_keys').values(rows).execute();
}

export async function signingKeyOf(ctx: AppContext, bureau: string): Promise<SigningKey> {
  let cache = signing.get(ctx.db);
  if (!cache) {
    cache = new Map();
    signing.set(ctx.db, cache);
  }
  const hit = cache.get(bureau);
  if (hit && Date.now() - hit.at < SIGNING_TTL_MS) return hit.key;
  let row = await ctx.db
    .selectFrom('bureau_keys')
    .selectAll()
    .where('bureau', '=', bureau)
    .where('retired_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!row) {
    await ensureBureauKeys(ctx);
    row = await ctx.db
      .selectFrom('bureau_keys')
      .selectAll()
      .where('bureau', '=', bureau)
      .where('retired_at', 'is', null)
      .executeTakeFirstOrThrow();
  }
  const der = Buffer.from(ctx.keyring.decrypt(row.private_key!), 'base64');
  const key = { kid: row.kid, key: crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }) };
  cache.set(bureau, { at: Date.now(), key });
  return key;
}

export async function verifyingKey(ctx: AppContext, kid: string) {
  let cache = verifying.get(ctx.db);
  if (!cache) {
    cache = new Map();
    verifying.set(ctx.db, cache);
  }
  const hit = cache.get(kid);
  if (hit) return hit;
  const row = await ctx.db
    .selectFrom('bureau_keys')
    .select(['public_key', 'bureau'])
    .where('kid', '=', kid)
    .executeTakeFirst();
  if (!row) return null;
  const key = crypto.createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: row.public_key },
    format: 'jwk',
  });
  const found = { bureau: row.bureau, key };
  cache.set(kid, found);
  return found;
}

/** The published keys: every bureau's (or one bureau's), current and retired, as JWKs. */
export async function publishedKeys(ctx: AppContext, bureau?: string) {
  let q = ctx.db
    .selectFrom('bureau_keys')
    .select(['kid', 'bureau', 'public_key', 'created_at', 'retired_at']);
  if (bureau) q = q.where('bureau', '=', bureau);
  const rows = await q.orderBy('bureau').orderBy('created_at').execute();
  return rows.map((r) => ({
    kid: r.kid,
    bureau: r.bureau,
    jwk: { kty: 'OKP', crv: 'Ed25519', x: r.public_key, kid: r.kid, use: 'sig', alg: 'EdDSA' },
    createdAt: r.created_at,
    retiredAt: r.retired_at,
  }));
}

/** A bureau administrator (or the GS) replaces the bureau's key pair. */
export async function rotateBureauKey(ctx: AppContext, p: Principal, bureau: string, meta: RequestMeta) {
  assertCanAdministerBureau(p, bureau);
  const exists = await ctx.db
    .selectFrom('bureaus')
    .select('code')
    .where('code', '=', bureau)
    .executeTakeFirst();
  if (!exists) throw notFoundOrNoAccess();
  const at = nowIso();
  const next = newPair(bureau, ctx, at);
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('bureau_keys')
      .set({ retired_at: at, private_key: null })
      .where('bureau', '=', bureau)
      .where('retired_at', 'is', null)
      .execute();
    await tx.insertInto('bureau_keys').values(next).execute();
  });
  signing.get(ctx.db)?.delete(bureau);
  await ctx.audit.record({
    actor: p,
    action: 'bureau_key.rotate',
    target: { type: 'bureau_key', id: next.kid, bureau },
    outcome: 'success',
    requestId: meta.requestId,
  });
  return next.kid;
}

/** Signs bytes with the bureau's current key. */
export async function signAs(ctx: AppContext, bureau: string, payload: Buffer) {
  const k = await signingKeyOf(ctx, bureau);
  return { kid: k.kid, signature: crypto.sign(null, payload, k.key).toString('base64url') };
}

/** True when `signature` over `payload` was made with key `kid` and that key is `bureau`'s. */
export async function verifySignature(
  ctx: AppContext,
  bureau: string,
  kid: string,
  payload: Buffer,
  signature: string,
) {
  const found = await verifyingKey(ctx, kid);
  if (!found || found.bureau !== bureau) return false;
  return crypto.verify(null, payload, found.key, Buffer.from(signature, 'base64url'));
}
