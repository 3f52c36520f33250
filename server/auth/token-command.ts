/**
 * Parses `npm run server -- token create|list|revoke ...` (the arguments after `token`) the way
 * server/cliOptions.ts parses the server's own options: node:util parseArgs, CliUsageError with a
 * message that says what to write instead.
 */
import { parseArgs } from 'node:util';
import { CliUsageError } from '../cliOptions.ts';
import { SCOPES, SCOPE_DESCRIPTIONS, parseScopeList, type Scope } from './scopes.ts';

export type TokenCommand =
  | { action: 'create'; db: string; scopes: Scope[]; label: string | null }
  | { action: 'list'; db: string }
  | { action: 'revoke'; db: string; id: string };

export const TOKEN_USAGE = [
  'usage: npm run server -- token create --scopes <read,approve,ingest,admin> [--label "<text>"] [--db <path>]',
  '       npm run server -- token list [--db <path>]',
  '       npm run server -- token revoke <id> [--db <path>]',
  `scopes: ${SCOPES.map((s) => `${s} (${SCOPE_DESCRIPTIONS[s]})`).join('; ')}`,
].join('\n');

/**
 * Parses the arguments after `token`. The database is found as the server finds it (--db,
 * SYNCLENS_DB, .data/synclens.db); a database in memory is refused since its tokens would vanish.
 */
export function parseTokenCommand(argv: string[], env: NodeJS.ProcessEnv): TokenCommand {
  const [action, ...rest] = argv;
  if (action !== 'create' && action !== 'list' && action !== 'revoke') {
    throw new CliUsageError(`${action ? `unknown token command "${action.slice(0, 40)}"` : 'name a token command'}.\n${TOKEN_USAGE}`);
  }
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: { db: { type: 'string' }, scopes: { type: 'string' }, label: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    throw new CliUsageError(`${(err as Error).message}\n${TOKEN_USAGE}`);
  }
  const db = values.db || env.SYNCLENS_DB || '.data/synclens.db';
  if (db === ':memory:') throw new CliUsageError('tokens must go into the server\'s database file; --db :memory: would lose them.');
  const refuse = (option: string) => {
    if (values[option as keyof typeof values] !== undefined) throw new CliUsageError(`token ${action} takes no --${option}.`);
  };
  if (action === 'create') {
    if (positionals.length) throw new CliUsageError(`token create takes no "${positionals[0]!.slice(0, 40)}"; use --scopes and --label.`);
    if (values.scopes === undefined) throw new CliUsageError(`token create needs --scopes, e.g. --scopes read,approve.\n${TOKEN_USAGE}`);
    let scopes: Scope[];
    try {
      scopes = parseScopeList(values.scopes);
    } catch (err) {
      throw new CliUsageError(`--scopes: ${(err as Error).message}.`);
    }
    return { action, db, scopes, label: values.label?.trim() || null };
  }
  refuse('scopes');
  refuse('label');
  if (action === 'list') {
    if (positionals.length) throw new CliUsageError(`token list takes no "${positionals[0]!.slice(0, 40)}".`);
    return { action, db };
  }
  if (positionals.length !== 1) throw new CliUsageError(`token revoke needs exactly one token id (see: npm run server -- token list).\n${TOKEN_USAGE}`);
  return { action, db, id: positionals[0]! };
}
