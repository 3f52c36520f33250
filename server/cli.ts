/**
 * Command line: npm run server -- --port 8787 --db .data/synclens.db --token <token>
 *   [--seed demo | --seed <fixture.json>] [--auto-run <seconds>] [--host 127.0.0.1] [--poll <seconds>]
 * Port, database and token can also come from SYNCLENS_PORT, SYNCLENS_DB and SYNCLENS_TOKEN.
 */
import { parseArgs } from 'node:util';
import { startServer } from './app.ts';

function fail(message: string): never {
  console.error(`synclens server: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' }, token: { type: 'string' },
    seed: { type: 'string' }, 'auto-run': { type: 'string' }, poll: { type: 'string' },
  },
  strict: true,
});
const whole = (name: string, raw: string | undefined, fallback: number): number => {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) fail(`--${name} must be a whole number, got "${raw}"`);
  return Number(raw);
};
const token = values.token ?? process.env.SYNCLENS_TOKEN;
if (!token) fail('no token given. Pass --token <token> or set SYNCLENS_TOKEN (there is no default token).');

const server = await startServer({
  token,
  port: whole('port', values.port ?? process.env.SYNCLENS_PORT, 8787),
  host: values.host ?? '127.0.0.1',
  db: values.db ?? process.env.SYNCLENS_DB ?? '.data/synclens.db',
  seed: values.seed ?? null,
  connectorAutoRunSeconds: whole('auto-run', values['auto-run'], 0),
  pollIntervalSeconds: whole('poll', values.poll, 60),
}).catch((err: Error) => fail(err.message));

console.log(`SyncLens sync server listening on ${server.url} (API at ${server.url}/api/v1)`);
const stop = (signal: string) => {
  console.log(`${signal}: closing`);
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
