import { inspect } from 'node:util';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { ROLES, type Role } from '../access/policy.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { loadConfig } from '../config.ts';
import { buildApp } from '../http/app.ts';
import { seedDemo, type DemoAccount } from '../modules/demo/seed.ts';
import { ensureAdmin } from '../modules/users/bootstrap.ts';
import { adminCreateUser, adminResetPassword } from './users.ts';
import { describeStore, openConfigured, withDatabase } from './runtime.ts';
import type { GenerateCommand } from '../generate/cli.ts';
import { DEFER_FROM, THREADED_FROM } from '../generate/defaults.ts';

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

function printAccounts(accounts: DemoAccount[]) {
  if (accounts.length === 0)
    return out('Demo data already loaded; passwords were printed when it was created.');
  out('Demo accounts (shown once; change them before any real use):');
  for (const a of accounts)
    out(`  ${a.username.padEnd(20)} ${a.role.padEnd(17)} ${a.password}   ${a.office}`);
}

const program = new Command()
  .name('koldoo')
  .description('Koldoo: case management for migrant protection and reintegration')
  .showHelpAfterError()
  .exitOverride();

program
  .command('serve')
  .description('run the API and web UI (migrates first; creates the admin on first start)')
  .option('--demo', 'also load the demo offices, users and cases (same as KOLDOO_DEMO=1)')
  .option('-p, --port <port>', 'port to listen on (default PORT or 8080)', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number');
    return n;
  })
  .action(async (opts: { demo?: boolean; port?: number }) => {
    const config = loadConfig();
    const { database } = await openConfigured(config);
    const admin = await ensureAdmin(database.db, config);
    if (admin?.generated)
      out(`Created the first account: admin / ${admin.password} (change it at first sign-in)`);
    else if (admin) out('Created the first account: admin (password from KOLDOO_ADMIN_PASSWORD)');
    if (opts.demo || config.demo) {
      printAccounts(
        await seedDemo(database.db, { password: process.env.KOLDOO_DEMO_PASSWORD, cases: true, config }),
      );
    }
    const app = await buildApp(database, config);
    const port = opts.port ?? config.port;
    await app.listen({ port, host: config.host });
    const address = app.server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    out(`Koldoo is listening on http://localhost:${actual} (data: ${describeStore(config)})`);
    const stop = async () => {
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('apply database migrations and exit')
  .action(() =>
    withDatabase(async ({ config }) => {
      out(`Migrations applied (${describeStore(config)}).`);
    }),
  );

program
  .command('demo')
  .description('load the demo offices, users and cases into the configured database')
  .option('--no-cases', 'only the offices, users and services, without the demo cases and calls')
  .action((opts: { cases: boolean }) =>
    withDatabase(async ({ database, config }) =>
      printAccounts(
        await seedDemo(database.db, {
          password: process.env.KOLDOO_DEMO_PASSWORD,
          cases: opts.cases,
          config,
        }),
      ),
    ),
  );

const count = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive whole number');
  return n;
};
const threadCount = (v: string) => {
  const n = Number(v);
  if (!(Number.isInteger(n) && n >= 0 && n <= 64))
    throw new InvalidArgumentError('a whole number from 0 to 64');
  return n;
};
program
  .command('generate')
  .description(
    'fill the database with realistic generated cases (deterministic per seed; a second run adds nothing)',
  )
  .requiredOption('--persons <n>', 'how many persons the seed should have in the database', count)
  .option('--seed <seed>', 'seed of the generator (default: koldoo)')
  .option('--as-of <date>', 'the "today" of the generated history (default: today)')
  .option('--batch <n>', 'persons per transaction (default: 1000)', count)
  .option(
    '--threads <n>',
    `threads building batches while one loads, 0 for none (default: one per core from ${THREADED_FROM} persons)`,
    threadCount,
  )
  .option(
    '--defer-indexes',
    `drop the non-unique indexes and foreign keys of the loaded tables for the load and build them after (default: when adding ${DEFER_FROM} persons or more, at least as many as are there)`,
  )
  .option('--no-defer-indexes', 'keep them during the load')
  .action((opts: GenerateCommand) =>
    withDatabase(async ({ database, config }) => {
      // Loaded on demand: the generator and its progress bar are development tools.
      const { runGenerate } = await import('../generate/cli.ts');
      await runGenerate(database, config, opts, out);
    }),
  );

program
  .command('duplicates')
  .description('duplicate review')
  .command('scan')
  .description(
    'scan the whole registry for likely duplicate persons and store the pairs for supervisors to review, with progress',
  )
  .option('--threshold <score>', 'lowest match score kept (default: the matcher’s threshold)', (v) => {
    const n = Number(v);
    if (!(n > 0 && n <= 1)) throw new InvalidArgumentError('a score above 0, at most 1');
    return n;
  })
  .option(
    '--threads <n>',
    'scoring threads, 0 for none (default: one per core on a large registry)',
    threadCount,
  )
  .action((opts: { threshold?: number; threads?: number }) =>
    withDatabase(async ({ database }) => {
      const { runScan } = await import('./scan.ts');
      await runScan(database.db, opts, out);
    }),
  );

const user = program.command('user').description('manage accounts');
user
  .command('create')
  .description('create an account; prints a generated password unless --password is given')
  .requiredOption('-u, --username <username>', 'sign-in name')
  .requiredOption('-r, --role <role>', `one of: ${ROLES.join(', ')}`, (v) => {
    if (!(ROLES as readonly string[]).includes(v))
      throw new InvalidArgumentError(`one of ${ROLES.join(', ')}`);
    return v as Role;
  })
  .option('-n, --display-name <name>', 'name shown in the UI (default: the username)')
  .option('-o, --office <office>', 'office id or exact name')
  .option('--password <password>', 'initial password (at least 10 characters)')
  .action(
    (opts: { username: string; role: Role; displayName?: string; office?: string; password?: string }) =>
      withDatabase(async ({ database, config }) => {
        const { temporaryPassword } = await adminCreateUser(database.db, config, opts);
        out(`Created ${opts.username} (${opts.role}).`);
        if (temporaryPassword) out(`Temporary password: ${temporaryPassword}`);
      }),
  );
user
  .command('reset-password')
  .description('set a new password for an account and unlock it')
  .argument('<username>')
  .option('--password <password>', 'the new password (default: generate one)')
  .action((username: string, opts: { password?: string }) =>
    withDatabase(async ({ database, config }) => {
      const { temporaryPassword } = await adminResetPassword(database.db, config, username, opts.password);
      out(`Password reset for ${username}; it must be changed at next sign-in.`);
      if (temporaryPassword) out(`Temporary password: ${temporaryPassword}`);
    }),
  );

const audit = program.command('audit').description('the audit trail');
audit
  .command('verify')
  .description('recompute the hash chain; exits 1 if any event was altered, removed or reordered')
  .action(() =>
    withDatabase(async ({ database }) => {
      const result = await verifyAuditChain(database.db, (n) =>
        process.stderr.write(`\rchecked ${n} events`),
      );
      process.stderr.write('\n');
      if (result.ok) return out(`Audit chain intact: ${result.count} events.`);
      out(
        `Audit chain BROKEN at event ${result.seq}: ${result.problem === 'altered' ? 'its content was altered' : 'its predecessor is missing or out of order'}.`,
      );
      process.exitCode = 1;
    }),
  );

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? 0 : 2);
  // A thrown value that is no Error (a driver's error object) is shown whole, not as [object Object].
  process.stderr.write(`koldoo: ${err instanceof Error ? err.message : inspect(err)}\n`);
  process.exit(1);
}
