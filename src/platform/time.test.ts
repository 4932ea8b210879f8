import { describe, expect, it } from 'vitest';
import { asOf, nowIso, wallClockIso } from './time.js';

describe('asOf: a stated time for the demo history', () => {
  it('answers the stated time inside the call, the real time outside and after it', async () => {
    const past = '2026-01-15T09:30:00.000Z';
    let lingering: Promise<string> | undefined;
    const inside = await asOf(past, async () => {
      // A timer started inside inherits the context; it must read the real time once the call is over.
      lingering = new Promise((resolve) => setTimeout(() => resolve(nowIso()), 20));
      await new Promise((r) => setTimeout(r, 1));
      return [nowIso(), wallClockIso()];
    });
    expect(inside[0]).toBe(past);
    expect(inside[1]! > past).toBe(true);
    expect(nowIso() > past).toBe(true);
    expect((await lingering!) > past).toBe(true);
  });

  it('refuses a future or invalid time', async () => {
    await expect(asOf('2999-01-01T00:00:00.000Z', async () => 1)).rejects.toThrow(/past time/);
    await expect(asOf('yesterday', async () => 1)).rejects.toThrow(/past time/);
  });
});
