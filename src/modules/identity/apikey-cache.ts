// Resolved API keys, kept a few seconds per process. A border system sends thousands of checks a
// second with one key; reading the key and its unit from the database for each of them would
// cost more than the check itself. A revocation or a change of the key's unit takes effect at
// once in the process that made it (which forgets its cache) and within KEEP_MS in the others.
import type { Principal } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/schema.js';

export const API_KEY_CACHE_MS = 5_000;
// A bound on memory: a flood of valid-looking but unknown keys is never cached anyway.
const MAX_ENTRIES = 10_000;

interface Entry {
  principal: Principal;
  keyId: string;
  /** When the key's last use was last written (ms), so the touch stays once a minute. */
  touchedAt: number;
  expiresAt: number;
}

const caches = new WeakMap<Db, Map<string, Entry>>();

function cacheOf(db: Db) {
  let c = caches.get(db);
  if (!c) {
    c = new Map();
    caches.set(db, c);
  }
  return c;
}

/** The cached entry for a token's SHA-256, if still fresh. */
export function cachedApiKey(db: Db, tokenHash: string, now: number): Entry | undefined {
  const c = cacheOf(db);
  const e = c.get(tokenHash);
  if (e && e.expiresAt > now) return e;
  if (e) c.delete(tokenHash);
  return undefined;
}

export function cacheApiKey(db: Db, tokenHash: string, entry: Omit<Entry, 'expiresAt'>, now: number) {
  const c = cacheOf(db);
  if (c.size >= MAX_ENTRIES) c.clear();
  c.set(tokenHash, { ...entry, expiresAt: now + API_KEY_CACHE_MS });
}

/** After a revocation or a change of units: this process stops trusting what it cached. */
export function forgetApiKeys(db: Db) {
  cacheOf(db).clear();
}
