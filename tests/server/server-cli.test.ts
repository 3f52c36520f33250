import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startServer } from '../../server/app.ts';
import { CliUsageError, parseCliOptions } from '../../server/cliOptions.ts';
import { openSqlite } from '../../server/db/open.ts';
import { createApi } from '../../server/http/routes.ts';
import { Store } from '../../server/store/store.ts';
import { runServerProcess } from '../support/server-process.ts';
import { startTestServer, TOKEN } from './helpers/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'synclens-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runCli = runServerProcess;

describe('server/cli.ts', () => {
  it('refuses to start without a token, with a clear message', async () => {
    const cli = runCli(['--port', '0', '--db', ':memory:']);
    expect(await cli.exited).toBe(2);
    expect(cli.output().err).toMatch(/no token/i);
  }, 30_000);

  it('starts from environment variables, creates the database folder, prints the URL and stops on SIGTERM', async () => {
    const db = join(dir, 'new-folder', 'synclens.db');
    const cli = runCli(['--seed', 'demo'], { SYNCLENS_TOKEN: 'cli-token', SYNCLENS_PORT: '0', SYNCLENS_DB: db });
    const url = await cli.url;
    const res = await fetch(`${url}/api/v1/companies`, { headers: { authorization: 'Bearer cli-token' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(2);
    expect(existsSync(db)).toBe(true);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 30_000);

  it('loses nothing it acknowledged when killed', async () => {
    const db = join(dir, 'killed.db');
    const cli = runCli(['--port', '0', '--db', db, '--token', 'k', '--seed', 'tests/fixtures/small.json']);
    const url = await cli.url;
    const res = await fetch(`${url}/api/v1/companies/acme-qbo/wizard/approve`, {
      method: 'POST', headers: { authorization: 'Bearer k', 'content-type': 'application/json', 'idempotency-key': 'before-kill' },
      body: JSON.stringify({ reviewedIds: ['w1', 'w3'], approveIds: ['w1'], unchecked: 'clear' }),
    });
    const acknowledged = await res.json();
    expect(acknowledged).toMatchObject({ approved: 1, cleared: 1 });
    cli.child.kill('SIGKILL');
    await cli.exited;
    const again = await startServer({ port: 0, db, token: 'k' });
    try {
      const wizard = await (await fetch(`${again.url}/api/v1/companies/acme-qbo/wizard`, { headers: { authorization: 'Bearer k' } })).json();
      expect((wizard as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(['w2', 'w4']);
      const replay = await fetch(`${again.url}/api/v1/companies/acme-qbo/wizard/approve`, {
        method: 'POST', headers: { authorization: 'Bearer k', 'content-type': 'application/json', 'idempotency-key': 'before-kill' },
        body: JSON.stringify({ reviewedIds: ['w1', 'w3'], approveIds: ['w1'], unchecked: 'clear' }),
      });
      expect(await replay.json()).toEqual(acknowledged);
    } finally {
      await again.close();
    }
  }, 30_000);

  it('keeps serving when a scheduled connector run meets a database locked by another process, and runs on a later tick', async () => {
    const db = join(dir, 'auto-run-locked.db');
    const cli = runCli(['--port', '0', '--db', db, '--seed', 'tests/fixtures/small.json', '--auto-run', '1'], { SYNCLENS_TOKEN: 'secret-auto-run-token' });
    const url = await cli.url;
    const headers = { authorization: 'Bearer secret-auto-run-token', 'content-type': 'application/json' };
    const lastRunAt = async () => ((await (await fetch(`${url}/api/v1/companies/acme-qbo/connector`, { headers })).json()) as { lastRunAt: string }).lastRunAt;
    const other = new Database(db);
    try {
      other.exec('BEGIN EXCLUSIVE');
      await vi.waitFor(() => expect(cli.output().err).toContain('failed (SQLITE_BUSY'), { timeout: 5_000, interval: 50 });
      expect(cli.child.exitCode).toBeNull();
      const lockedAt = await lastRunAt();
      const write = await fetch(`${url}/api/v1/companies/acme-qbo/wizard/approve`, {
        method: 'POST', headers, body: JSON.stringify({ reviewedIds: ['w1'], approveIds: ['w1'], unchecked: 'keep' }),
      });
      expect(write.status).toBe(503);
      expect(write.headers.get('retry-after')).toBe('5');
      other.exec('ROLLBACK');
      await vi.waitFor(() => expect(cli.output().out).toContain('company "acme-qbo" succeeded again'), { timeout: 5_000, interval: 50 });
      expect(Date.parse(await lastRunAt())).toBeGreaterThan(Date.parse(lockedAt));
      expect(cli.output().out + cli.output().err).not.toContain('secret-auto-run-token');
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
  }, 30_000);

  it('refuses a non-numeric port', async () => {
    const cli = runCli(['--port', 'eighty', '--token', 'x']);
    expect(await cli.exited).toBe(2);
    expect(cli.output().err).toContain('--port');
  }, 30_000);
});

describe('the token from a file or the environment (never in ps)', () => {
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text, { mode: 0o600 });
    return path;
  };
  const tokenOf = (argv: string[], env: Record<string, string> = {}) => parseCliOptions(argv, env).token;
  const refusal = (argv: string[], env: Record<string, string> = {}) => {
    try {
      parseCliOptions(argv, env);
    } catch (err) {
      expect(err).toBeInstanceOf(CliUsageError);
      return (err as Error).message;
    }
    throw new Error('expected a refusal');
  };

  it('reads --token-file and SYNCLENS_TOKEN_FILE, without the trailing newline', () => {
    expect(tokenOf(['--token-file', file('unix.txt', 'from-file-1\n')])).toBe('from-file-1');
    expect(tokenOf(['--token-file', file('windows.txt', '\uFEFFfrom-file-2\r\n')])).toBe('from-file-2');
    expect(tokenOf([], { SYNCLENS_TOKEN_FILE: file('env.txt', 'from-env-file') })).toBe('from-env-file');
    expect(tokenOf(['--token', 'from-flag'])).toBe('from-flag');
    expect(tokenOf([], { SYNCLENS_TOKEN: 'from-env' })).toBe('from-env');
    // The command line wins over the environment; a token beats a token file at the same level.
    expect(tokenOf(['--token-file', file('wins.txt', 'flag-file\n')], { SYNCLENS_TOKEN: 'env' })).toBe('flag-file');
    expect(tokenOf([], { SYNCLENS_TOKEN: 'env', SYNCLENS_TOKEN_FILE: file('loses.txt', 'env-file') })).toBe('env');
  });

  it('refuses a missing, unreadable or empty token file with a clear message that never shows a token', () => {
    const missing = join(dir, 'no-such-token.txt');
    expect(refusal(['--token-file', missing])).toBe(`cannot read the token file "${missing}" given by --token-file: no such file.`);
    expect(refusal([], { SYNCLENS_TOKEN_FILE: missing })).toContain('given by SYNCLENS_TOKEN_FILE: no such file');
    expect(refusal(['--token-file', dir])).toContain('it is a folder');
    expect(refusal(['--token-file', file('empty.txt', '')])).toMatch(/token file ".*empty\.txt" given by --token-file is empty/);
    expect(refusal(['--token-file', file('newline.txt', '\n')])).toMatch(/is empty/);
    const spaced = refusal(['--token-file', file('spaced.txt', 'two words-secret\n')]);
    expect(spaced).toMatch(/contains whitespace/);
    expect(spaced).not.toContain('words-secret');
    expect(refusal(['--token', 'a', '--token-file', file('both.txt', 'b')])).toMatch(/either --token or --token-file/);
    expect(refusal([])).toMatch(/no token given.*SYNCLENS_TOKEN.*--token-file/);
  });

  it('starts with the token from a file: the API accepts it and the process list never shows it', async () => {
    const token = 'file-token-never-in-ps';
    const cli = runCli(['--port', '0', '--db', ':memory:', '--seed', 'demo', '--token-file', file('serve.txt', `${token}\n`)]);
    try {
      const url = await cli.url;
      expect((await fetch(`${url}/api/v1/companies`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      expect((await fetch(`${url}/api/v1/companies`, { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
      // What `ps` shows is the process's command line.
      const cmdline = readFileSync(`/proc/${cli.child.pid}/cmdline`, 'utf8');
      expect(cmdline).toContain('--token-file');
      expect(cmdline).not.toContain(token);
      expect(cli.output().out + cli.output().err).not.toContain(token);
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
  }, 30_000);

  it('a missing token file stops the server with exit code 2 and names the file', async () => {
    const missing = join(dir, 'gone.txt');
    const cli = runCli(['--port', '0', '--db', ':memory:'], { SYNCLENS_TOKEN_FILE: missing });
    expect(await cli.exited).toBe(2);
    expect(cli.output().err).toContain(`cannot read the token file "${missing}" given by SYNCLENS_TOKEN_FILE: no such file.`);
  }, 30_000);
});

describe('connector auto-run', () => {
  it('runs every company connector on the schedule', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const t = await startTestServer({ connectorAutoRunSeconds: 30 });
    try {
      await t.post('/companies/acme-qbo/wizard/approve', { reviewedIds: ['w1'], approveIds: ['w1'], unchecked: 'keep' });
      expect((await t.get('/companies/acme-qbo/summary')).json.pendingSyncs).toBe(1);
      vi.advanceTimersByTime(30_000);
      const summary = (await t.get('/companies/acme-qbo/summary')).json;
      expect(summary.pendingSyncs).toBe(0);
      expect(summary.connector.lastRunAt).toBe(t.clock.now().toISOString());
      expect((await t.get('/companies/acme-qbd/connector')).json.lastRunAt).toBe(t.clock.now().toISOString());
    } finally {
      await t.close();
      vi.useRealTimers();
    }
  });

  it('answers 503 with Retry-After while shutting down', async () => {
    let closing = false;
    const app = createApi({ store: new Store(openSqlite(':memory:')), token: TOKEN, pollIntervalSeconds: 60, isClosing: () => closing });
    expect((await app.request('/api/v1/health')).status).toBe(200);
    closing = true;
    const r = await app.request('/api/v1/health');
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await r.json()) as { code: string }).code).toBe('unavailable');
  });
});
