import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf } from '../../src/db/client.ts';
import { sql } from 'drizzle-orm';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'koldoo-cli-'));
const env = { ...process.env, KOLDOO_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
delete (env as Record<string, string | undefined>).DATABASE_URL;

/** Runs the real `koldoo` binary; resolves with its exit code and output instead of throwing. */
async function koldoo(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/koldoo.js', ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('koldoo CLI', () => {
  it('prints help for every command', async () => {
    const top = await koldoo('--help');
    expect(top.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'user', 'audit', 'demo', 'generate', 'duplicates'])
      expect(top.stdout).toContain(cmd);
    const user = await koldoo('user', '--help');
    expect(user.stdout).toContain('create');
    expect(user.stdout).toContain('reset-password');
    expect((await koldoo('audit', 'verify', '--help')).stdout).toContain('hash chain');
  });

  it('rejects bad arguments with a message and exit code 2', async () => {
    const unknown = await koldoo('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command/);
    const badRole = await koldoo('user', 'create', '--username', 'x', '--role', 'emperor');
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/one of admin/);
    const missing = await koldoo('user', 'create', '--role', 'caseworker');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--username/);
    const threads = await koldoo('generate', '--persons', '10', '--threads', '-1');
    expect(threads.code).toBe(2);
    expect(threads.stderr).toMatch(/a whole number from 0 to 64/);
  });

  it('migrates, loads the demo, creates and resets users, and verifies the audit chain', async () => {
    expect((await koldoo('migrate')).stdout).toMatch(/Migrations applied \(PGlite/);
    const demo = await koldoo('demo');
    expect(demo.stdout).toMatch(/supervisor\.osh\s+supervisor/);
    expect((await koldoo('demo')).stdout).toMatch(/already loaded/);
    const created = await koldoo(
      'user',
      'create',
      '-u',
      'aibek',
      '-r',
      'caseworker',
      '-o',
      'IOM Osh sub-office',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Temporary password: \S+/);
    const dup = await koldoo('user', 'create', '-u', 'AIBEK', '-r', 'caseworker');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/taken/);
    const weak = await koldoo('user', 'reset-password', 'aibek', '--password', 'short');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/10/);
    expect((await koldoo('user', 'reset-password', 'aibek')).stdout).toMatch(/Temporary password/);
    expect((await koldoo('user', 'reset-password', 'nobody')).code).toBe(1);
    const verify = await koldoo('audit', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/intact: \d+ events/);
  }, 180_000);

  it('generates a registry and scans it for duplicates, showing each phase, and audits the scan', async () => {
    const generated = await koldoo('generate', '--persons', '200', '--seed', 'cli-scan');
    expect(generated.code).toBe(0);
    expect(generated.stderr).toMatch(/generate \|.*200\/200 persons/);
    // Scored on two worker threads (a registry this small would otherwise be scored in the
    // command's own thread), then again without: the same pairs.
    const scan = await koldoo('duplicates', 'scan', '--threads', '2');
    expect(scan.code).toBe(0);
    expect(scan.stderr).toMatch(/scoring \|/);
    const foundIn = (stdout: string) => Number(/(\d+) likely duplicates/.exec(stdout)?.[1]);
    // The generator plants some: the same person registered again by another office.
    expect(foundIn(scan.stdout)).toBeGreaterThan(0);
    const again = await koldoo('duplicates', 'scan', '--threads', '0');
    expect(again.stdout).toMatch(/\(0 new\)/);
    expect(foundIn(again.stdout)).toBe(foundIn(scan.stdout));
    expect((await koldoo('duplicates', 'scan', '--threshold', '2')).code).toBe(2);
    expect((await koldoo('duplicates', 'scan', '--threads', '-1')).code).toBe(2);
    expect((await koldoo('audit', 'verify')).code).toBe(0);
  }, 180_000);

  it('warns of a migration recorded from another text, and refuses to start past one never applied', async () => {
    const tamper = async (statement: ReturnType<typeof sql>) => {
      const database = await openDatabase({ dataDir });
      const rows = rowsOf<{ hash: string }>(await database.db.execute(statement));
      await database.close();
      return rows;
    };
    const first = sql`(select min(id) from drizzle.__drizzle_migrations)`;
    const last = sql`(select max(id) from drizzle.__drizzle_migrations)`;
    const [shipped] = await tamper(sql`select hash from drizzle.__drizzle_migrations where id = ${first}`);
    await tamper(sql`update drizzle.__drizzle_migrations set hash = 'a draft' where id = ${first}`);
    const edited = await koldoo('migrate');
    expect(edited.code).toBe(0);
    expect(edited.stderr).toMatch(/Warning: the database applied migration 0000_\w+ from another text/);
    // The last migration recorded as a draft made after it shipped: drizzle would skip the file.
    await tamper(sql`update drizzle.__drizzle_migrations set created_at = created_at + 1 where id = ${last}`);
    const skipped = await koldoo('migrate');
    expect(skipped.code).toBe(1);
    expect(skipped.stderr).toMatch(
      /koldoo: The database has not applied \d{4}_\w+ and records a later migration/,
    );
    await tamper(sql`update drizzle.__drizzle_migrations set created_at = created_at - 1 where id = ${last}`);
    await tamper(sql`update drizzle.__drizzle_migrations set hash = ${shipped!.hash} where id = ${first}`);
    const restored = await koldoo('migrate');
    expect(restored.code).toBe(0);
    expect(restored.stderr).not.toMatch(/Warning/);
  });

  it('audit verify exits 1 when an event has been altered', async () => {
    const database = await openDatabase({ dataDir });
    await database.db.execute(sql`alter table audit_events disable trigger user`);
    await database.db.execute(sql`update audit_events set action = 'user.read' where seq = 2`);
    await database.db.execute(sql`alter table audit_events enable trigger user`);
    await database.close();
    const verify = await koldoo('audit', 'verify');
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/BROKEN at event 2: its content was altered/);
  });
});
