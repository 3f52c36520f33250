// The QuickBooks Online emulator's command line: options, and a real process on a random port.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { planFromArgs } from '../../server/qbo-emulator/cli-options.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('options', () => {
  it('takes an app, webhook and companies from arguments, the secret from the environment', () => {
    const plan = planFromArgs([
      '--port', '8790', '--client-id', 'app-1', '--redirect-uri', 'http://127.0.0.1:8787/cb', '--redirect-uri', 'http://localhost:8787/cb',
      '--webhook-url', 'http://127.0.0.1:8787/webhooks/qbo', '--webhook-verifier', 'v-1',
      '--realm', '9130355377', '--company', 'Bright Lawn', '--realm', '9130355378', '--latency-ms', '25',
    ], { QBO_EMULATOR_CLIENT_SECRET: 'from-env' });
    expect(plan.generated).toEqual({ clientSecret: null, webhookVerifier: null });
    expect(plan.options).toMatchObject({
      port: 8790, host: '127.0.0.1', latencyMs: 25,
      realms: [{ realmId: '9130355377', companyName: 'Bright Lawn' }, { realmId: '9130355378', companyName: 'Company 9130355378' }],
      apps: [{
        clientId: 'app-1', clientSecret: 'from-env', redirectUris: ['http://127.0.0.1:8787/cb', 'http://localhost:8787/cb'],
        webhookUrl: 'http://127.0.0.1:8787/webhooks/qbo', webhookVerifier: 'v-1',
      }],
    });
  });

  it.each([
    [['--port', 'eighty'], /--port/],
    [['--realm', 'abc'], /--realm/],
    [['--client-id', 'x'], /secret/],
    [['--client-secret', 'x'], /--client-id/],
    [['--webhook-format', 'xml'], /--webhook-format/],
    [['--bogus'], /bogus/],
    [['--company', 'No Realm'], /--realm/],
  ])('refuses %j', (argv, message) => {
    expect(() => planFromArgs(argv, {})).toThrow(message);
  });
});

describe('process', () => {
  let child: ChildProcess | null = null;
  afterEach(() => {
    if (child?.pid && child.exitCode === null) child.kill('SIGTERM');
    child = null;
  });

  it('starts, prints its address and admin endpoints without the given secret, and serves', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'server/qbo-emulator/cli.ts', '--port', '0', '--client-id', 'cli-app'], {
      cwd: ROOT, env: { ...process.env, QBO_EMULATOR_CLIENT_SECRET: 'cli-secret-from-env' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed: ${output}`)), 15_000);
      child!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match && output.includes('/admin/webhooks')) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child!.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
      child!.once('exit', (code) => { clearTimeout(timer); reject(new Error(`exited ${code}: ${output}`)); });
    });
    expect(output).not.toContain('cli-secret-from-env');
    expect(output).toContain('client id cli-app');
    const realms = await (await fetch(`${address}/admin/realms`)).json();
    expect(realms.realms).toEqual([{ realmId: '9130357766542011', companyName: 'Evergreen Tree & Landscape', closedBooksDate: null }]);
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});
