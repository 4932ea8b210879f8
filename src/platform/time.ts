// Times are UTC ISO 8601 strings with milliseconds everywhere (storage, API, audit).
import { AsyncLocalStorage } from 'node:async_hooks';

// A stated time for what runs inside `asOf` (the demo's history: cases reported months ago,
// acknowledged an hour later, frozen that afternoon), so that the services themselves, with
// their rules and due times, write that history instead of rows written by hand behind them.
// Only code calls it; no request can. `open` ends with the call, so a timer that inherited the
// context (a batch flush, a poll) reads the real time afterwards.
const stated = new AsyncLocalStorage<{ at: string; open: boolean }>();

export function nowIso(): string {
  const s = stated.getStore();
  return s?.open ? s.at : new Date().toISOString();
}

/**
 * The real time, never a stated one: for what records when something was actually done (the
 * audit chain, whose time order follows its chain order; the event stream).
 */
export function wallClockIso(): string {
  return new Date().toISOString();
}

/** Runs `fn` with `nowIso()` answering `at` (a past time) until it returns. */
export async function asOf<T>(at: string, fn: () => Promise<T>): Promise<T> {
  if (Number.isNaN(Date.parse(at)) || at > wallClockIso()) throw new Error(`asOf: ${at} is not a past time`);
  const store = { at, open: true };
  try {
    return await stated.run(store, fn);
  } finally {
    store.open = false;
  }
}

export function isoPlusSeconds(iso: string, seconds: number): string {
  return new Date(Date.parse(iso) + seconds * 1000).toISOString();
}
