// `Idempotency-Key` on POSTs: a retried request (a border system or a bank that timed out)
// gets the first answer again instead of creating the thing twice. A key is reserved before
// the handler runs, so two copies arriving together cannot both create.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/schema.js';
import { nowIso } from '../time.js';
import { ProblemError } from './problem.js';

const PENDING = 0;
// A reservation older than this belongs to a request whose process died; it may be taken over.
const STALE_PENDING_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { principalKey: string; key: string };
  }
}

function requestHash(request: FastifyRequest): string {
  return crypto
    .createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

export function installIdempotency(app: FastifyInstance, db: Db) {
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const key = request.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,128}$/.test(key)) {
      throw new ProblemError(
        400,
        'invalid_idempotency_key',
        'Idempotency-Key must be 1–128 visible ASCII characters',
        [{ field: 'Idempotency-Key', message: 'must be 1–128 visible ASCII characters' }],
      );
    }
    const principalKey = request.principal
      ? `${request.principal.type}:${request.principal.id}`
      : `anon:${request.ip}`;
    const hash = requestHash(request);
    for (let attempt = 0; attempt < 2; attempt++) {
      const inserted = await db
        .insertInto('idempotency_keys')
        .values({
          principal_key: principalKey,
          idem_key: key,
          request_hash: hash,
          status_code: PENDING,
          response_body: '',
          created_at: nowIso(),
        })
        .onConflict((oc) => oc.columns(['principal_key', 'idem_key']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
        request.idempotency = { principalKey, key };
        return;
      }
      const prior = await db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('principal_key', '=', principalKey)
        .where('idem_key', '=', key)
        .executeTakeFirst();
      if (!prior) continue; // removed meanwhile (a failed first try); reserve again
      if (prior.request_hash !== hash) {
        throw new ProblemError(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was used for a different request; use a new key',
          [{ field: 'Idempotency-Key', message: 'was used for a different request' }],
        );
      }
      if (prior.status_code === PENDING) {
        if (Date.now() - Date.parse(prior.created_at) > STALE_PENDING_MS) {
          await db
            .deleteFrom('idempotency_keys')
            .where('principal_key', '=', principalKey)
            .where('idem_key', '=', key)
            .where('status_code', '=', PENDING)
            .execute();
          continue;
        }
        throw new ProblemError(
          409,
          'request_in_progress',
          'The same request is still being processed; retry shortly',
        );
      }
      reply.header('idempotent-replayed', 'true');
      return reply.status(prior.status_code).type('application/json').send(prior.response_body);
    }
    throw new ProblemError(
      409,
      'request_in_progress',
      'The same request is still being processed; retry shortly',
    );
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const idem = request.idempotency;
    if (!idem) return payload;
    request.idempotency = undefined;
    const where = db
      .deleteFrom('idempotency_keys')
      .where('principal_key', '=', idem.principalKey)
      .where('idem_key', '=', idem.key);
    if (reply.statusCode >= 200 && reply.statusCode < 300) {
      await db
        .updateTable('idempotency_keys')
        .set({ status_code: reply.statusCode, response_body: typeof payload === 'string' ? payload : '' })
        .where('principal_key', '=', idem.principalKey)
        .where('idem_key', '=', idem.key)
        .execute();
    } else {
      // A refused request created nothing: free the key so a corrected retry may use it.
      await where.execute();
    }
    return payload;
  });
}

export async function purgeIdempotencyKeys(db: Db, olderThan: string): Promise<number> {
  const res = await db.deleteFrom('idempotency_keys').where('created_at', '<', olderThan).executeTakeFirst();
  return Number(res.numDeletedRows);
}
