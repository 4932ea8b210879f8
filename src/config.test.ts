// Configuration: defaults that work on a fresh machine; a wrong value stops the start with a message.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('works with no environment at all', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      databaseUrl: './data/meridian.db',
      host: '127.0.0.1',
      port: 8080,
      demo: false,
    });
    expect(c.keyFile).toBe('data/meridian.key');
  });

  it('puts the key beside a SQLite file, and reads PostgreSQL URLs', () => {
    expect(loadConfig({ MERIDIAN_DATABASE_URL: '/srv/m/x.db' }).keyFile).toBe('/srv/m/meridian.key');
    expect(loadConfig({ MERIDIAN_DATABASE_URL: 'postgres://u@h/db', MERIDIAN_DEMO: '1' })).toMatchObject({
      databaseUrl: 'postgres://u@h/db',
      demo: true,
    });
  });

  it('names the variable and the allowed values when one is wrong', () => {
    expect(() => loadConfig({ MERIDIAN_PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ MERIDIAN_PORT: '70000' })).toThrow(
      /MERIDIAN_PORT must be a whole number from 0 to 65535/,
    );
    expect(() => loadConfig({ MERIDIAN_DEMO: 'maybe' })).toThrow(/MERIDIAN_DEMO/);
    expect(() => loadConfig({ MERIDIAN_LOG_LEVEL: 'loud' })).toThrow(/MERIDIAN_LOG_LEVEL/);
  });
});
