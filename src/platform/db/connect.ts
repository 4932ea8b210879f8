// Opens the database named by MERIDIAN_DATABASE_URL: a SQLite file (WAL) or PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { isPostgresUrl } from '../../config.js';
import type { Database } from './schema.js';

// int8 (bigint) and numeric come back as strings by default; our counters fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export type DialectName = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  url: string;
  /** PostgreSQL pool, for LISTEN/NOTIFY clients; absent on SQLite. */
  pool?: pg.Pool;
  /**
   * The SQLite connection Kysely itself uses, for bulk paths that run one prepared statement
   * many times (Kysely compiles and prepares every statement anew). Being the same connection,
   * it shares Kysely's open transaction. Absent on PostgreSQL.
   */
  sqlite?: SQLite.Database;
  /**
   * A second SQLite connection that only reads, for hot lookups (border checks) that must not
   * queue behind Kysely's connection nor see another request's uncommitted transaction on it.
   * WAL lets it read while the main connection writes. Absent on PostgreSQL and in memory.
   */
  reader?(): SQLite.Database;
  close(): Promise<void>;
}

export function openDatabase(url: string, opts: { poolSize?: number } = {}): DbHandle {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
    // An idle client that loses its connection must not crash the process.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', url, pool, close: () => db.destroy() };
  }
  if (url !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(url)), { recursive: true });
  const sqlite = new SQLite(url);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an accepted write survives a power loss, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // 64 MiB of page cache (the default is 2 MiB): search indexes of a million records stay in memory.
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  let reader: SQLite.Database | undefined;
  return {
    db,
    dialect: 'sqlite',
    url,
    sqlite,
    ...(url === ':memory:'
      ? {}
      : {
          reader() {
            if (!reader) {
              reader = new SQLite(url, { fileMustExist: true });
              reader.pragma('query_only = ON');
              reader.pragma('busy_timeout = 5000');
              reader.pragma('cache_size = -65536');
              // No memory map: the file grows with every audit batch, and each growth would remap
              // it and fault every page in again (measured: three times slower lookups).
            }
            return reader;
          },
        }),
    close: async () => {
      reader?.close();
      await db.destroy();
    },
  };
}

/** A redacted form of the URL that is safe to print (no password). */
export function describeDatabase(url: string): string {
  if (!isPostgresUrl(url)) return `SQLite ${path.resolve(url)}`;
  try {
    const u = new URL(url);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
