/**
 * npm run qbwc-sim as a process against the real server: one run, QWCLog-like lines, the password
 * taken from QBWC_SIM_PASSWORD and never printed; usage errors exit with 2.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.ts';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../server/qbwc-sim/cli.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const PASSWORD = 'cli test password';
let t: TestServer | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

it('runs one session and prints a line per call without the password', async () => {
  t = await startTestServer({ webConnector: { userName: 'cli-user', password: PASSWORD } });
  const { stdout } = await run(TSX, [CLI, '--url', `${t.server.url}/qbwc`, '--user', 'cli-user', '--company-name', 'CLI Lawn'],
    { env: { ...process.env, QBWC_SIM_PASSWORD: PASSWORD }, timeout: 30_000 });
  expect(stdout).toContain("company file \"CLI Lawn\"");
  expect(stdout).toMatch(/serverVersion\(\)/);
  expect(stdout).toMatch(/authenticate\(\) username = 'cli-user'/);
  expect(stdout).toMatch(/Run finished: (done|none)/);
  expect(stdout).not.toContain(PASSWORD);
}, 40_000);

it('a wrong password ends the run as nvu (exit 1); missing options are usage errors (exit 2)', async () => {
  t = await startTestServer({ webConnector: { userName: 'cli-user', password: PASSWORD } });
  const refused = await run(TSX, [CLI, '--url', `${t.server.url}/qbwc`, '--user', 'cli-user', '--password', 'wrong password'], { timeout: 30_000 })
    .then(() => null, (e: { code: number; stdout: string }) => e);
  expect(refused?.code).toBe(1);
  const stdout = refused?.stdout ?? '';
  expect(stdout).toContain('Run finished: nvu');
  expect(stdout).not.toContain('wrong password');
  const failed = await run(TSX, [CLI, '--url', `${t.server.url}/qbwc`, '--user', 'cli-user'], { env: { ...process.env, QBWC_SIM_PASSWORD: '' }, timeout: 30_000 })
    .then(() => null, (e: { code: number; stderr: string }) => e);
  expect(failed?.code).toBe(2);
  expect(failed?.stderr).toContain('a password is required');
}, 40_000);
