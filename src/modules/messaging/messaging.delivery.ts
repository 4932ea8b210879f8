// "Delivered": a message reached a recipient bureau when its inbox listed it, it was read, or
// the event stream wrote it to one of the bureau's connected clients. Stream deliveries are
// many (a message to all bureaus reaches ~200 streams at once), so they are gathered and
// written every quarter second, one statement per message and bureau, off the delivery path.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { nowIso } from '../../platform/time.js';
import * as store from './messaging.store.js';

const FLUSH_MS = 250;

export function startDeliveryMarks(app: FastifyInstance, ctx: AppContext) {
  const pending = new Map<string, { messageId: string; bureau: string; units: string[] | null }>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  const flush = () => {
    timer = undefined;
    const batch = [...pending.values()];
    pending.clear();
    const at = nowIso();
    flushing = flushing.then(async () => {
      for (const m of batch) {
        await store.markState(ctx.db, m.messageId, m.bureau, m.units, 'delivered_at', at).catch((err) => {
          app.log.warn({ err }, 'could not record a message delivery');
        });
      }
    });
  };

  const stop = ctx.events.onDelivered((principal, event) => {
    if (event.topic !== 'messages.received') return;
    const messageId = String(event.payload.messageId);
    const units = principal.unitId ? ['', principal.unitId] : null;
    pending.set(`${messageId}|${principal.bureau}|${principal.unitId ?? ''}`, {
      messageId,
      bureau: principal.bureau,
      units,
    });
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
