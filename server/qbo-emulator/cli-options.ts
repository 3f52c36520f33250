/** Turns the emulator CLI's arguments (and QBO_EMULATOR_CLIENT_SECRET) into start options. */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { QboEmulatorOptions } from './app.ts';

export class UsageError extends Error {}

const DEFAULT_REALM = { realmId: '9130357766542011', companyName: 'Evergreen Tree & Landscape' };
const DEFAULT_REDIRECT = 'http://127.0.0.1:8787/connect/qbo/callback';

export interface CliPlan {
  options: QboEmulatorOptions;
  /** Secrets the CLI made up (null when given): shown once at start, or nobody could use them. */
  generated: { clientSecret: string | null; webhookVerifier: string | null };
}

export function planFromArgs(argv: string[], env: NodeJS.ProcessEnv): CliPlan {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' }, host: { type: 'string' },
        'client-id': { type: 'string' }, 'client-secret': { type: 'string' }, 'redirect-uri': { type: 'string', multiple: true },
        'webhook-url': { type: 'string' }, 'webhook-verifier': { type: 'string' }, 'webhook-format': { type: 'string' },
        realm: { type: 'string', multiple: true }, company: { type: 'string', multiple: true },
        'latency-ms': { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const whole = (name: string, raw: string | undefined, fallback: number, max: number): number => {
    if (raw === undefined) return fallback;
    if (!/^\d{1,9}$/.test(raw) || Number(raw) > max) throw new UsageError(`--${name} must be a whole number up to ${max}, got "${raw}"`);
    return Number(raw);
  };
  const realmIds = values.realm ?? [];
  const companies = values.company ?? [];
  if (companies.length > realmIds.length) throw new UsageError('each --company needs its own --realm before it.');
  for (const id of realmIds) if (!/^\d{1,20}$/.test(id)) throw new UsageError(`--realm must be digits (a QuickBooks company id), got "${id}"`);
  const realms = realmIds.length
    ? realmIds.map((realmId, i) => ({ realmId, companyName: companies[i] ?? `Company ${realmId}` }))
    : [DEFAULT_REALM];
  const format = values['webhook-format'];
  if (format !== undefined && format !== 'cloudevents' && format !== 'legacy') throw new UsageError('--webhook-format must be cloudevents or legacy.');

  const secretGiven = values['client-secret'] ?? env.QBO_EMULATOR_CLIENT_SECRET;
  if (secretGiven && !values['client-id']) throw new UsageError('a client secret was given without --client-id.');
  const generatedSecret = values['client-id'] ? null : randomBytes(24).toString('base64url');
  const clientSecret = secretGiven ?? generatedSecret;
  if (!clientSecret) throw new UsageError('--client-id needs a secret: pass --client-secret or set QBO_EMULATOR_CLIENT_SECRET.');
  const webhookUrl = values['webhook-url'] ?? null;
  const generatedVerifier = webhookUrl && !values['webhook-verifier'] ? randomBytes(16).toString('base64url') : null;
  return {
    generated: { clientSecret: generatedSecret, webhookVerifier: generatedVerifier },
    options: {
      port: whole('port', values.port, 8790, 65535),
      host: values.host ?? '127.0.0.1',
      latencyMs: whole('latency-ms', values['latency-ms'], 0, 60_000),
      webhookFormat: format as 'cloudevents' | 'legacy' | undefined,
      realms,
      apps: [{
        clientId: values['client-id'] ?? 'synclens-demo-app',
        clientSecret,
        redirectUris: values['redirect-uri'] ?? [DEFAULT_REDIRECT],
        webhookUrl,
        webhookVerifier: values['webhook-verifier'] ?? generatedVerifier,
      }],
    },
  };
}
