/** `npm run server -- token create|list|revoke`: argument parsing, output, and the real command against a database file. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runTokenCli } from '../../server/auth/token-cli.ts';
import { parseTokenCommand } from '../../server/auth/token-command.ts';
import { CliUsageError } from '../../server/cliOptions.ts';
import { RECORD_EXAMPLES } from '../../scripts/openapi.ts';
import { startTestServer } from './helpers/server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'synclens-token-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function refusal(argv: string[], env: Record<string, string> = {}): string {
  try {
    parseTokenCommand(argv, env);
  } catch (err) {
    expect(err).toBeInstanceOf(CliUsageError);
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
}

/** Runs the command in-process, collecting what it prints. */
async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runTokenCli(argv, {}, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('parseTokenCommand', () => {
  it('reads create, list and revoke with the database found as the server finds it', async () => {
    expect(parseTokenCommand(['create', '--scopes', 'approve, read', '--label', ' Office laptop ', '--db', 'x.db'], {}))
      .toEqual({ action: 'create', db: 'x.db', scopes: ['read', 'approve'], label: 'Office laptop' });
    expect(parseTokenCommand(['create', '--scopes', 'ingest'], { SYNCLENS_DB: 'env.db' }))
      .toEqual({ action: 'create', db: 'env.db', scopes: ['ingest'], label: null });
    expect(parseTokenCommand(['list'], {})).toEqual({ action: 'list', db: '.data/synclens.db' });
    expect(parseTokenCommand(['revoke', 'tok_1', '--db', 'y.db'], { SYNCLENS_DB: 'env.db' })).toEqual({ action: 'revoke', db: 'y.db', id: 'tok_1' });
  });

  it('refuses mistakes with a message that says what to do', async () => {
    expect(refusal([])).toMatch(/name a token command.*usage:/s);
    expect(refusal(['make'])).toMatch(/unknown token command "make"/);
    expect(refusal(['create'])).toMatch(/needs --scopes, e\.g\. --scopes read,approve/);
    expect(refusal(['create', '--scopes', 'read,write,root'])).toBe('--scopes: unknown scopes "write", "root"; the scopes are read, approve, ingest, admin.');
    expect(refusal(['create', '--scopes', ' , '])).toMatch(/name at least one scope/);
    expect(refusal(['create', '--scopes', 'read', 'extra'])).toMatch(/takes no "extra"/);
    expect(refusal(['create', '--scopes', 'read', '--db', ':memory:'])).toMatch(/would lose them/);
    expect(refusal(['list', '--scopes', 'read'])).toMatch(/token list takes no --scopes/);
    expect(refusal(['revoke'])).toMatch(/exactly one token id/);
    expect(refusal(['revoke', 'a', 'b'])).toMatch(/exactly one token id/);
    expect(refusal(['revoke', 'a', '--force'])).toMatch(/Unknown option '--force'/);
  });
});

describe('runTokenCli against a database file', () => {
  it('creates (printing the token once), lists without hashes, revokes', async () => {
    const db = join(dir, 'in-process.db');
    expect(await run(['list', '--db', db])).toMatchObject({ code: 2, err: expect.stringContaining(`no database at "${db}"`) });

    const created = await run(['create', '--scopes', 'read,approve', '--label', 'Office laptop', '--db', db]);
    expect(created.code).toBe(0);
    const token = /^token: +(sl_\S+)$/m.exec(created.out)![1]!;
    const id = /^id: +(tok_\w+)$/m.exec(created.out)![1]!;
    expect(created.out).toContain('scopes: read, approve');
    expect(created.out).toMatch(/only time the token is shown/);

    const listed = await run(['list', '--db', db]);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^ID +LABEL +SCOPES +CREATED +LAST USED +REVOKED$/m);
    expect(listed.out).toMatch(new RegExp(`^${id} +Office laptop +read,approve +\\S+ +never +-$`, 'm'));
    expect(listed.out).not.toContain(token.slice(3));
    expect(listed.out).not.toMatch(/[0-9a-f]{64}/);

    expect(await run(['revoke', id, '--db', db])).toMatchObject({ code: 0, out: expect.stringContaining(`Revoked ${id}`) });
    expect(await run(['revoke', id, '--db', db])).toMatchObject({ code: 0, out: expect.stringContaining('already revoked') });
    expect(await run(['revoke', 'tok_nope', '--db', db])).toMatchObject({ code: 1, err: expect.stringContaining('no token with id "tok_nope"') });
    expect((await run(['list', '--db', db])).out).toMatch(new RegExp(`^${id} .* \\d{4}-\\d{2}-\\d{2}T\\S+Z$`, 'm'));
    expect(await run(['create', '--scopes', 'read', '--label', 'bad\u0007label', '--db', db])).toMatchObject({ code: 2, err: expect.stringContaining('control characters') });
  });
});

describe('npm run server -- token (a real process)', () => {
  function cli(args: string[]) {
    // One node process with the tsx loader, as server-cli.test.ts runs the server.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'token', ...args], { cwd: root, env: { ...process.env, SYNCLENS_DB: '' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += String(d); });
    child.stderr.on('data', (d) => { err += String(d); });
    return new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
  }

  it('creates a token the server then accepts, with its scopes only; a usage mistake exits 2', async () => {
    const db = join(dir, 'spawned.db');
    const [created, wrong] = await Promise.all([
      cli(['create', '--scopes', 'ingest', '--label', 'Job app', '--db', db]),
      cli(['create', '--scopes', 'everything', '--db', join(dir, 'never.db')]),
    ]);
    expect(created.code, created.err).toBe(0);
    const token = /^token: +(sl_\S+)$/m.exec(created.out)![1]!;
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('unknown scope "everything"');

    const t = await startTestServer({ db });
    try {
      expect((await t.call('PUT', '/companies/acme-qbo/records/Item/i-1', { token, body: { record: RECORD_EXAMPLES.Item } })).status).toBe(201);
      expect((await t.call('GET', '/companies', { token })).status).toBe(403);
    } finally {
      await t.close();
    }
  }, 30_000);
});
