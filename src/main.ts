#!/usr/bin/env node
// The `meridian` command: serve, migrate, demo, import, export, user add, apikey create, audit verify.
import fs from 'node:fs';
import cliProgress from 'cli-progress';
import { Command, Option } from 'commander';
import { buildApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import type { AppContext } from './context.js';
import { DEMO_RECORD_BUREAUS, seedDemoRecords } from './modules/demo/demo.records.js';
import { DemoRefused, type DemoResult, formatSignIns, seedDemo } from './modules/demo/demo.service.js';
import { createApiKey } from './modules/identity/apikeys.service.js';
import { currentTotp } from './modules/identity/totp.js';
import { HUMAN_ROLES } from './modules/identity/users.schema.js';
import { createUser } from './modules/identity/users.service.js';
import { personIndexOf, personIndexStats } from './modules/matching/person-index.sync.js';
import {
  countLines,
  formatOf,
  runExportCommand,
  runImportCommand,
} from './modules/records/bulk/import.cli.js';
import { verifyAuditChain } from './platform/audit/audit.verify.js';
import { CAPABILITIES, type Capability } from './platform/auth/principal.js';
import { closeContext, createContext } from './platform/context-factory.js';
import { describeDatabase, openDatabase } from './platform/db/connect.js';
import { migrateToLatest } from './platform/db/migrations.js';
import { ProblemError } from './platform/http/problem.js';
import { VERSION } from './version.js';

function config(): Config {
  return loadConfig(process.env);
}

function progressBar(label: string) {
  return new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total}`, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
}

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await createContext(config());
  try {
    return await fn(ctx);
  } finally {
    await closeContext(ctx);
  }
}

/** Records a fresh demo gets, per demo bureau: enough to browse, search and see hits. */
const DEMO_SCALE = 20;

async function runDemoRecords(ctx: AppContext, scale: number) {
  const bar = process.stdout.isTTY ? progressBar('Demo records (bureaus)') : null;
  bar?.start(DEMO_RECORD_BUREAUS.length, 0);
  const created = await seedDemoRecords(ctx, scale, (done) => bar?.update(done));
  bar?.stop();
  return created;
}

async function runDemo(ctx: AppContext, force: boolean): Promise<DemoResult> {
  const bar = process.stdout.isTTY ? progressBar('Demo data') : null;
  let started = false;
  const result = await seedDemo(ctx, {
    force,
    paymentCases: true,
    icseMedia: true,
    onProgress: (done, total) => {
      if (!bar) return;
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
  });
  bar?.stop();
  return result;
}

function printDemo(result: DemoResult, url?: string) {
  console.log(result.created ? 'Demo data created.' : 'Demo data was already there.');
  console.log(formatSignIns(result, url));
}

const program = new Command();
program.name('meridian').description('Meridian: international police cooperation').version(VERSION);

program
  .command('serve')
  .description('Start the server (API, console, event stream)')
  .action(async () => {
    const cfg = config();
    const { app, ctx } = await buildApp(cfg);
    const shutdown = async (signal: string) => {
      app.log.info({ signal }, 'shutting down');
      await app.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    // Demo accounts exist before the server answers, so "ready" means one can sign in.
    let demo: DemoResult | DemoRefused | null = null;
    if (cfg.demo) {
      try {
        demo = await runDemo(ctx, false);
        if (demo.created) await runDemoRecords(ctx, DEMO_SCALE);
      } catch (e) {
        if (!(e instanceof DemoRefused)) throw e;
        demo = e;
      }
    }
    await app.listen({ host: cfg.host, port: cfg.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : cfg.port;
    const url = `http://${cfg.host.includes(':') ? `[${cfg.host}]` : cfg.host}:${port}/`;
    console.log(`Meridian ${VERSION} on ${describeDatabase(cfg.databaseUrl)}`);
    if (demo instanceof DemoRefused) {
      console.log(`${demo.message}\nMeridian console: ${url}`);
    } else if (demo) {
      printDemo(demo, url);
    } else {
      console.log(`Meridian console: ${url}`);
    }
    console.log(`API documentation: ${url}api/docs`);
    // The person index loads now, not on the first search (a million persons take seconds).
    personIndexOf(ctx)
      .then(() => app.log.info(personIndexStats(ctx), 'person index loaded'))
      .catch((err: Error) =>
        app.log.error({ err: err.message }, 'person index load failed; retried at the next search'),
      );
  });

program
  .command('migrate')
  .description('Apply database migrations')
  .action(async () => {
    const cfg = config();
    const handle = openDatabase(cfg.databaseUrl);
    try {
      const applied = await migrateToLatest(handle.db, handle.dialect);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    } finally {
      await handle.close();
    }
  });

program
  .command('demo')
  .description('Create demo bureaus, units and sign-ins (refuses a database with real users)')
  .option('--force', 'add demo data even to a database that is not a demo instance')
  .option(
    '--scale <n>',
    'synthetic travel documents per demo bureau (with persons, vehicles, firearms and DNA in proportion)',
    String(DEMO_SCALE),
  )
  .action(async (opts: { force?: boolean; scale: string }) => {
    const scale = Number(opts.scale);
    if (!Number.isInteger(scale) || scale < 0 || scale > 10_000_000) {
      throw new Error('--scale must be a whole number from 0 to 10000000');
    }
    await withContext(async (ctx) => {
      const result = await runDemo(ctx, Boolean(opts.force));
      const started = Date.now();
      const created = scale > 0 ? await runDemoRecords(ctx, scale) : 0;
      printDemo(result);
      if (scale > 0)
        console.log(
          `Demo records: ${created} created in ${((Date.now() - started) / 1000).toFixed(1)} s (scale ${scale}).`,
        );
    });
  });

const user = program.command('user').description('Manage users');
user
  .command('add')
  .description('Add a user (the first administrator of a bureau, for instance)')
  .requiredOption('--bureau <code>', 'ISO 3166-1 alpha-2 code of the bureau (XG: General Secretariat)')
  .requiredOption('--username <name>', 'lower-case sign-in name')
  .requiredOption('--name <display>', 'display name')
  .addOption(new Option('--role <role...>', 'one or more roles').choices(HUMAN_ROLES).makeOptionMandatory())
  .option('--unit <id>', 'unit id')
  .option('--password-stdin', 'read the password from standard input instead of MERIDIAN_NEW_PASSWORD')
  .action(
    async (opts: {
      bureau: string;
      username: string;
      name: string;
      role: (typeof HUMAN_ROLES)[number][];
      unit?: string;
      passwordStdin?: boolean;
    }) => {
      const password = opts.passwordStdin ? (await readStdin()).trim() : process.env.MERIDIAN_NEW_PASSWORD;
      if (!password) throw new Error('Give the password in MERIDIAN_NEW_PASSWORD or with --password-stdin');
      await withContext(async (ctx) => {
        const row = await createUser(
          ctx,
          null,
          opts.bureau.toUpperCase(),
          {
            username: opts.username,
            displayName: opts.name,
            password,
            roles: opts.role,
            unitId: opts.unit ?? null,
          },
          {},
        );
        console.log(
          `Created user ${row.username} (${row.id}) in ${row.bureau_code} with roles ${opts.role.join(', ')}.`,
        );
      });
    },
  );

const apikey = program.command('apikey').description('Manage API keys');
apikey
  .command('create')
  .description('Create an API key for a unit; the key is printed once')
  .requiredOption('--bureau <code>', 'bureau code')
  .requiredOption('--unit <id>', 'unit id')
  .requiredOption('--name <name>', 'what the key is for, e.g. "CDG e-gates"')
  .addOption(
    new Option('--capability <cap...>', 'capabilities').choices([...CAPABILITIES]).makeOptionMandatory(),
  )
  .action(async (opts: { bureau: string; unit: string; name: string; capability: Capability[] }) => {
    await withContext(async (ctx) => {
      const { row, key } = await createApiKey(
        ctx,
        null,
        opts.bureau.toUpperCase(),
        { name: opts.name, unitId: opts.unit, capabilities: opts.capability },
        {},
      );
      console.log(
        `API key ${row.name} (${row.id}) for unit ${row.unit_id}. Keep it now; it is not shown again:`,
      );
      console.log(key);
    });
  });

program
  .command('import <database> <file>')
  .description("Import a CSV or JSON Lines file into one of a bureau's databases (idempotent on references)")
  .requiredOption('--bureau <code>', 'the bureau that owns the records')
  .addOption(new Option('--format <format>', 'file format (default: by extension)').choices(['csv', 'jsonl']))
  .addOption(
    new Option('--mode <mode>', 'all_or_nothing: keep nothing if a row is rejected')
      .choices(['all_or_nothing', 'valid_rows'])
      .default('all_or_nothing'),
  )
  .option('--restriction <r>', 'for rows without one: everyone, only:FR;DE or except:RU')
  .option('--handling <code>', 'for rows without one: public, official, restricted, confidential')
  .option('--purpose <text>', 'for rows without one')
  .option('--legal-basis <text>', 'for rows without one')
  .option('--reliability <A|B|C|X>', 'source reliability for rows without one')
  .option('--accuracy <1-4>', 'information accuracy for rows without one')
  .option('--report <file>', 'write the rejected rows and why as JSON to this file')
  .action(
    async (
      database: string,
      file: string,
      opts: Parameters<typeof runImportCommand>[3] & { report?: string },
    ) => {
      if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
      await withContext(async (ctx) => {
        const bar = process.stdout.isTTY ? progressBar('Importing') : null;
        if (bar) {
          const lines = await countLines(file);
          bar.start(formatOf(file, opts.format) === 'csv' ? Math.max(lines - 1, 0) : lines, 0);
        }
        const started = Date.now();
        const outcome = await runImportCommand(ctx, database, file, opts, (c) => bar?.update(c.processed));
        bar?.stop();
        const seconds = (Date.now() - started) / 1000;
        console.log(
          `${outcome.status === 'done' ? 'Imported' : 'Nothing imported (all or nothing)'}: ${outcome.created} created, ` +
            `${outcome.updated} updated, ${outcome.unchanged} unchanged, ${outcome.rejected} rejected ` +
            `of ${outcome.processed} rows in ${seconds.toFixed(1)} s.`,
        );
        for (const r of outcome.rows.slice(0, 20)) {
          console.log(
            `  row ${r.row}${r.reference ? ` (${r.reference})` : ''}: ${r.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
          );
        }
        if (outcome.rows.length > 20) console.log(`  … ${outcome.rejected - 20} more rejected rows`);
        if (opts.report) fs.writeFileSync(opts.report, JSON.stringify(outcome.rows, null, 2));
        if (outcome.rejected > 0) process.exitCode = 4;
      });
    },
  );

program
  .command('export <database>')
  .description("Write a bureau's records of a database to standard output")
  .requiredOption('--bureau <code>', 'the bureau that owns the records')
  .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv']).default('jsonl'))
  .action(async (database: string, opts: { bureau: string; format: 'jsonl' | 'csv' }) => {
    await withContext((ctx) => runExportCommand(ctx, database, opts.bureau, opts.format, process.stdout));
  });

const audit = program.command('audit').description('The audit chain');
audit
  .command('verify')
  .description('Walk the hash chain and name the first broken event')
  .action(async () => {
    const cfg = config();
    const handle = openDatabase(cfg.databaseUrl);
    const bar = process.stdout.isTTY ? progressBar('Verifying') : null;
    let started = false;
    try {
      const result = await verifyAuditChain(handle.db, {
        onProgress: (checked: number, total: number) => {
          if (!bar) return;
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(checked);
        },
      });
      bar?.stop();
      if (result.ok) {
        console.log(`Audit chain intact: ${result.checked} events verified.`);
      } else {
        console.log(`Audit chain BROKEN at event ${result.firstBroken!.seq}: ${result.firstBroken!.reason}`);
        process.exitCode = 3;
      }
    } finally {
      await handle.close();
    }
  });

program
  .command('pdq <files...>')
  .description(
    "Print the PDQ perceptual hash of each image as hash,quality,file (as Meta's pdq-photo-hasher)",
  )
  .option('--dihedral', 'print file,quality and the eight rotation/mirror hashes instead')
  .action(async (files: string[], opts: { dihedral?: boolean }) => {
    const { runPdqCommand } = await import('./modules/icse/pdq/pdq.cli.js');
    process.exitCode = await runPdqCommand(files, opts);
  });

program
  .command('totp <secret>')
  .description('Print the current one-time code for a TOTP secret (for demo accounts)')
  .action((secret: string) => {
    console.log(currentTotp(secret));
  });

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (c) => {
      data += c;
    });
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof DemoRefused) {
    console.error(e.message);
  } else if (e instanceof ProblemError) {
    console.error(
      `${e.detail}${e.errors ? ` (${e.errors.map((f) => `${f.field} ${f.message}`).join('; ')})` : ''}`,
    );
  } else {
    console.error(e instanceof Error ? e.message : String(e));
  }
  process.exit(1);
});
