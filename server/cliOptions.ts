/** Turns command-line arguments and SYNCLENS_* environment variables into StartOptions. */
import { parseArgs } from 'node:util';
import type { StartOptions } from './app.ts';

export class CliUsageError extends Error {}

export function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv): StartOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' }, token: { type: 'string' },
        seed: { type: 'string' }, 'auto-run': { type: 'string' }, poll: { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    throw new CliUsageError((err as Error).message);
  }
  const whole = (name: string, raw: string | undefined, fallback: number): number => {
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d+$/.test(raw)) throw new CliUsageError(`--${name} must be a whole number, got "${raw}"`);
    return Number(raw);
  };
  const token = values.token || env.SYNCLENS_TOKEN;
  if (!token) throw new CliUsageError('no token given. Pass --token <token> or set SYNCLENS_TOKEN (there is no default token).');
  return {
    token,
    port: whole('port', values.port ?? env.SYNCLENS_PORT, 8787),
    host: values.host ?? '127.0.0.1',
    db: values.db || env.SYNCLENS_DB || '.data/synclens.db',
    seed: values.seed ?? null,
    connectorAutoRunSeconds: whole('auto-run', values['auto-run'], 0),
    pollIntervalSeconds: whole('poll', values.poll, 60),
  };
}
