/**
 * `npm run server -- token create|list|revoke`: manages API tokens in the server's database, a
 * SQLite file or a PostgreSQL URL (the server may be running on it meanwhile: SQLite's WAL lets
 * both work, and PostgreSQL serves many connections). Prints a new token once.
 */
import { existsSync } from 'node:fs';
import { CliUsageError } from '../cliOptions.ts';
import { openDatabase } from '../db/open.ts';
import { isPostgresUrl, redactDatabaseUrl } from '../db/sql-database.ts';
import { Store } from '../store/store.ts';
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenInfo } from './api-tokens.ts';
import { parseTokenCommand, type TokenCommand } from './token-command.ts';

export interface CliOutput { out(line: string): void; err(line: string): void }
const consoleOutput: CliOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Runs the command given after `token`; returns the process exit code (0 done, 1 not found, 2 usage or failure). */
export async function runTokenCli(argv: string[], env: NodeJS.ProcessEnv, io: CliOutput = consoleOutput): Promise<number> {
  let command: TokenCommand;
  try {
    command = parseTokenCommand(argv, env);
  } catch (err) {
    if (!(err instanceof CliUsageError)) throw err;
    io.err(`synclens token: ${err.message}`);
    return 2;
  }
  const shown = redactDatabaseUrl(command.db);
  if (command.action !== 'create' && !isPostgresUrl(command.db) && !existsSync(command.db)) {
    io.err(`synclens token: no database at "${shown}"; pass the server's --db (or set SYNCLENS_DB).`);
    return 2;
  }
  let db;
  try {
    db = await openDatabase(command.db);
  } catch (err) {
    io.err(`synclens token: cannot open the database "${shown}": ${(err as Error).message}`);
    return 2;
  }
  try {
    return await run(new Store(db), command, io);
  } catch (err) {
    io.err(`synclens token: ${(err as Error).message}`);
    return 2;
  } finally {
    await db.close();
  }
}

async function run(store: Store, command: TokenCommand, io: CliOutput): Promise<number> {
  switch (command.action) {
    case 'create': {
      const { id, token } = await createApiToken(store, { scopes: command.scopes, label: command.label });
      io.out(`id:     ${id}`);
      io.out(`scopes: ${command.scopes.join(', ')}`);
      if (command.label) io.out(`label:  ${command.label}`);
      io.out(`token:  ${token}`);
      io.out('This is the only time the token is shown: the server keeps just its hash. Store it now.');
      return 0;
    }
    case 'list': {
      const tokens = await listApiTokens(store);
      if (tokens.length === 0) {
        io.out('No API tokens yet. Create one: npm run server -- token create --scopes read,approve --label "Office laptop"');
        return 0;
      }
      for (const line of table(tokens)) io.out(line);
      return 0;
    }
    case 'revoke': {
      const result = await revokeApiToken(store, command.id);
      if (result === 'not-found') {
        io.err(`synclens token: no token with id "${command.id.slice(0, 64)}" (see: npm run server -- token list).`);
        return 1;
      }
      io.out(result === 'revoked' ? `Revoked ${command.id}: it is refused from the next request on.` : `${command.id} was already revoked.`);
      return 0;
    }
  }
}

/** Aligned columns; never a hash. */
function table(tokens: ApiTokenInfo[]): string[] {
  const rows = [
    ['ID', 'LABEL', 'SCOPES', 'CREATED', 'LAST USED', 'REVOKED'],
    ...tokens.map((t) => [t.id, t.label ?? '-', t.scopes.join(','), t.createdAt, t.lastUsedAt ?? 'never', t.revokedAt ?? '-']),
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
  return rows.map((r) => r.map((cell, col) => cell.padEnd(widths[col]!)).join('  ').trimEnd());
}
