// Time-based one-time passwords (RFC 6238) through otplib, one 30-second step either side.
import { authenticator } from 'otplib';

authenticator.options = { window: 1 };

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function totpUri(username: string, secret: string): string {
  return authenticator.keyuri(username, 'Meridian', secret);
}

const STEP_SECONDS = 30;

/**
 * The 30-second step the code belongs to when it is right (within one step either side), or
 * null. Callers refuse a step at or before the last one the user spent: a code works once.
 */
export function totpStep(code: string, secret: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const delta = authenticator.checkDelta(code, secret);
    return delta === null ? null : Math.floor(now / 1000 / STEP_SECONDS) + delta;
  } catch {
    return null;
  }
}

export function currentTotp(secret: string): string {
  return authenticator.generate(secret);
}
