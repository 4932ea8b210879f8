// Environment → typed configuration, validated once at start. Defaults work on a fresh machine.
import path from 'node:path';

export interface Config {
  databaseUrl: string;
  host: string;
  port: number;
  keyFile: string;
  demo: boolean;
  logLevel: string;
  /** Idle and absolute lifetime of a console session, in seconds. */
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  /** Failed sign-ins before a lock-out, and how long it lasts. */
  maxFailedSignIns: number;
  lockoutSeconds: number;
  bodyLimitBytes: number;
  /** Sign-in attempts allowed per minute for one address and username. */
  signInRatePerMinute: number;
  /** Serve the built console from this folder when it exists. */
  webRoot: string;
  /** Set cookies with the Secure attribute (behind TLS). */
  secureCookies: boolean;
  /** Payment interventions: minutes a receiving bureau has to acknowledge, and to answer. */
  paymentAckMinutes: number;
  paymentAnswerMinutes: number;
  /** ICSE: the PDQ Hamming distance within which two media match (at most 47: the index's reach). */
  icsePdqDistance: number;
  /** ICSE: the largest medium (image or video) one upload may carry, in bytes. */
  icseMaxUploadBytes: number;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1/0, true/false or yes/no, got "${raw}"`);
}

export function isPostgresUrl(url: string): boolean {
  return url.startsWith('postgres://') || url.startsWith('postgresql://');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.MERIDIAN_DATABASE_URL || './data/meridian.db';
  const keyFile =
    env.MERIDIAN_KEY_FILE ||
    (isPostgresUrl(databaseUrl)
      ? './data/meridian.key'
      : path.join(path.dirname(databaseUrl === ':memory:' ? './data/x' : databaseUrl), 'meridian.key'));
  const logLevel = env.MERIDIAN_LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`MERIDIAN_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  return {
    databaseUrl,
    host: env.MERIDIAN_HOST || '127.0.0.1',
    port: int(env, 'MERIDIAN_PORT', 8080, 0, 65535),
    keyFile,
    demo: bool(env, 'MERIDIAN_DEMO', false),
    logLevel,
    sessionIdleSeconds: int(env, 'MERIDIAN_SESSION_IDLE_SECONDS', 30 * 60, 10, 86400),
    sessionAbsoluteSeconds: int(env, 'MERIDIAN_SESSION_ABSOLUTE_SECONDS', 12 * 3600, 60, 7 * 86400),
    maxFailedSignIns: int(env, 'MERIDIAN_MAX_FAILED_SIGNINS', 5, 1, 100),
    lockoutSeconds: int(env, 'MERIDIAN_LOCKOUT_SECONDS', 15 * 60, 1, 86400),
    signInRatePerMinute: int(env, 'MERIDIAN_SIGNIN_RATE_PER_MINUTE', 10, 1, 100000),
    paymentAckMinutes: int(env, 'MERIDIAN_PAYMENT_ACK_MINUTES', 120, 1, 7 * 24 * 60),
    paymentAnswerMinutes: int(env, 'MERIDIAN_PAYMENT_ANSWER_MINUTES', 360, 1, 30 * 24 * 60),
    icsePdqDistance: int(env, 'MERIDIAN_ICSE_PDQ_DISTANCE', 31, 0, 47),
    icseMaxUploadBytes: int(
      env,
      'MERIDIAN_ICSE_MAX_UPLOAD_BYTES',
      64 * 1024 * 1024,
      1024,
      1024 * 1024 * 1024,
    ),
    bodyLimitBytes: int(env, 'MERIDIAN_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 512 * 1024 * 1024),
    webRoot: env.MERIDIAN_WEB_ROOT || path.resolve('dist/web'),
    secureCookies: bool(env, 'MERIDIAN_SECURE_COOKIES', false),
  };
}
