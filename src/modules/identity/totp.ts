// Time-based one-time passwords (RFC 6238) through otplib, one 30-second step either side.
import { authenticator } from 'otplib';

authenticator.options = { window: 1 };

export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function totpUri(username: string, secret: string): string {
  return authenticator.keyuri(username, 'Meridian', secret);
}

export function checkTotp(code: string, secret: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  try {
    return authenticator.check(code, secret);
  } catch {
    return false;
  }
}

export function currentTotp(secret: string): string {
  return authenticator.generate(secret);
}
