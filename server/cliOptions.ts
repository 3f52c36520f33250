/** Turns command-line arguments and SYNCLENS_* environment variables into StartOptions. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { StartOptions } from './app.ts';
import { QboConfigError, qboConfigFrom, secretKeyFrom } from './quickbooks/qbo/config.ts';

export class CliUsageError extends Error {}

export function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv): StartOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' }, host: { type: 'string' }, db: { type: 'string' }, token: { type: 'string' }, 'token-file': { type: 'string' },
        seed: { type: 'string' }, 'auto-run': { type: 'string' }, poll: { type: 'string' },
        'qbo-client-id': { type: 'string' }, 'qbo-client-secret': { type: 'string' }, 'qbo-redirect-uri': { type: 'string' },
        'qbo-environment': { type: 'string' }, 'qbo-webhook-verifier': { type: 'string' }, 'qbo-api-base': { type: 'string' },
        'qbo-oauth-base': { type: 'string' }, 'public-url': { type: 'string' }, 'lease-seconds': { type: 'string' },
        'db-pool': { type: 'string' },
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
  const positive = (name: string, raw: string | undefined, fallback: number): number => {
    const n = whole(name, raw, fallback);
    if (n < 1) throw new CliUsageError(`--${name} must be at least 1, got "${raw}"`);
    return n;
  };
  const token = resolveToken(values.token, values['token-file'], env);
  let qbo;
  let secretKey;
  try {
    qbo = qboConfigFrom({
      clientId: values['qbo-client-id'], clientSecret: values['qbo-client-secret'], redirectUri: values['qbo-redirect-uri'],
      environment: values['qbo-environment'], webhookVerifier: values['qbo-webhook-verifier'], apiBase: values['qbo-api-base'],
      oauthBase: values['qbo-oauth-base'],
    }, env);
    secretKey = secretKeyFrom(env);
  } catch (err) {
    if (err instanceof QboConfigError) throw new CliUsageError(err.message);
    throw err;
  }
  return {
    qbo,
    secretKey,
    token,
    port: whole('port', values.port ?? env.SYNCLENS_PORT, 8787),
    host: values.host || env.SYNCLENS_HOST || '127.0.0.1',
    db: values.db || env.SYNCLENS_DB || '.data/synclens.db',
    dbPoolSize: positive('db-pool', values['db-pool'] ?? env.SYNCLENS_DB_POOL, 10),
    leaseSeconds: positive('lease-seconds', values['lease-seconds'] ?? env.SYNCLENS_LEASE_SECONDS, 30),
    seed: values.seed ?? null,
    connectorAutoRunSeconds: whole('auto-run', values['auto-run'] ?? env.SYNCLENS_AUTO_RUN, 0),
    pollIntervalSeconds: whole('poll', values.poll, 60),
    publicUrl: values['public-url'] || env.SYNCLENS_PUBLIC_URL || undefined,
    webConnector: webConnectorLogin(env),
  };
}

/** SYNCLENS_QBWC_USER / SYNCLENS_QBWC_PASSWORD: both or neither; the password is never echoed. */
function webConnectorLogin(env: NodeJS.ProcessEnv): { userName: string; password: string } | null {
  const userName = env.SYNCLENS_QBWC_USER?.trim();
  const password = env.SYNCLENS_QBWC_PASSWORD;
  if (!userName && !password) return null;
  if (!userName || !password) throw new CliUsageError('set both SYNCLENS_QBWC_USER and SYNCLENS_QBWC_PASSWORD, or neither.');
  if (password.length < 8) throw new CliUsageError('SYNCLENS_QBWC_PASSWORD must be at least 8 characters.');
  return { userName, password };
}

/**
 * The token, from (first given wins) --token, --token-file, SYNCLENS_TOKEN or SYNCLENS_TOKEN_FILE.
 * The environment and a file keep it out of the process list (`ps`); --token does not. Messages
 * name the source and the file, never the token or the file's contents.
 */
function resolveToken(flag: string | undefined, flagFile: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag && flagFile) throw new CliUsageError('give either --token or --token-file, not both.');
  let token: string;
  let source: string;
  if (flag) [token, source] = [flag, '--token'];
  else if (flagFile) [token, source] = [readTokenFile(flagFile, '--token-file'), `the token file "${flagFile}"`];
  else if (env.SYNCLENS_TOKEN) [token, source] = [env.SYNCLENS_TOKEN, 'SYNCLENS_TOKEN'];
  else if (env.SYNCLENS_TOKEN_FILE) {
    [token, source] = [readTokenFile(env.SYNCLENS_TOKEN_FILE, 'SYNCLENS_TOKEN_FILE'), `the token file "${env.SYNCLENS_TOKEN_FILE}"`];
  } else {
    throw new CliUsageError('no token given. Set SYNCLENS_TOKEN, or put it in a file and pass --token-file <path> or set SYNCLENS_TOKEN_FILE '
      + '(--token <token> works too, but shows in the process list). There is no default token.');
  }
  // A Bearer token is one run of visible characters: one with spaces inside could never be sent.
  if (/\s/.test(token)) throw new CliUsageError(`the token from ${source} contains whitespace; a token is one word.`);
  return token;
}

function readTokenFile(path: string, option: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable');
    throw new CliUsageError(`cannot read the token file "${path}" given by ${option}: ${why}.`);
  }
  // Editors and `echo` end the file with a newline (some editors start it with a BOM); neither is part of the token.
  const token = text.replace(/^\uFEFF/, '').replace(/[\r\n\t ]+$/, '');
  if (!token) throw new CliUsageError(`the token file "${path}" given by ${option} is empty.`);
  return token;
}
