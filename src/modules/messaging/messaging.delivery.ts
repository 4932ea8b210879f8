// "Delivered": a message reached a recipient bureau when its inbox listed it, it was read, or
// the event stream wrote it to one of the bureau's connected clients. Stream deliveries are
// many (a message to all bureaus reaches ~200 streams at once), so they are gathered and
// written every quarter second in one transaction, one statement per message, off the
// delivery path.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { nowIso } from '../../platform/time.js';
import * as store from './messaging.store.js';

const FLUSH_MS = 250;

export function startDeliveryMarks(app: FastifyInstance, ctx: AppContext) {
  // message id → bureaus whose central office got it, and bureaus and units whose unit did.
  type Got = { bureaus: Set<string>; unitBureaus: Set<string>; units: Set<string> };
  let pending = new Map<string, Got>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  const flush = () => {
    timer = undefined;
    const batch = pending;
    pending = new Map();
    const at = nowIso();
    // One transaction a flush (one commit, not one per delivery), one statement a message.
    flushing = flushing.then(() =>
      ctx.db
        .transaction()
        .execute(async (tx) => {
          for (const [messageId, got] of batch) {
            if (got.bureaus.size > 0) await store.markDelivered(tx, messageId, [...got.bureaus], null, at);
            if (got.unitBureaus.size > 0) {
              await store.markDelivered(tx, messageId, [...got.unitBureaus], ['', ...got.units], at);
            }
          }
        })
        .catch((err) => {
          app.log.warn({ err }, 'could not record message deliveries');
        }),
    );
  };

  const stop = ctx.events.onDelivered((principal, event) => {
    if (event.topic !== 'messages.received') return;
    const messageId = String(event.payload.messageId);
    let got = pending.get(messageId);
    if (!got) {
      got = { bureaus: new Set(), unitBureaus: new Set(), units: new Set() };
      pending.set(messageId, got);
    }
    if (principal.unitId) {
      got.unitBureaus.add(principal.bureau);
      got.units.add(principal.unitId);
    } else {
      got.bureaus.add(principal.bureau);
    }
    timer ??= setTimeout(flush, FLUSH_MS);
  });

  app.addHook('onClose', async () => {
    stop();
    if (timer) {
      clearTimeout(timer);
      flush();
    }
    await flushing;
  });
}
