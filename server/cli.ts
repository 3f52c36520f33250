/**
 * SYNCLENS_TOKEN_FILE=<path> npm run server -- --port 8787 --db .data/synclens.db
 *   [--seed demo | --seed demo-desktop | --seed demo-wire | --seed demo-second | --seed <fixture.json>] [--auto-run <seconds>] [--host 127.0.0.1] [--poll <seconds>]
 *   [--qbo-client-id <id> --qbo-redirect-uri <url> [--qbo-environment sandbox|production] [--qbo-webhook-verifier <token>]
 *    [--qbo-api-base <url>] [--qbo-oauth-base <url>]]   (client secret best from SYNCLENS_QBO_CLIENT_SECRET; docs/quickbooks-online.md)
 * The token comes from SYNCLENS_TOKEN, a file (--token-file <path> or SYNCLENS_TOKEN_FILE) or --token <token> (which shows
 * in the process list). Port and database can also come from SYNCLENS_PORT and SYNCLENS_DB. The database is a SQLite file
 * path or a postgres:// URL (PostgreSQL, which several server instances may share: [--db-pool <n>] [--lease-seconds <n>];
 * every setting and its variable in docs/deployment.md).
 *
 * npm run server -- token create --scopes read,approve [--label "Office laptop"] [--db <path>] | token list | token revoke <id>
 */
import { startServer } from './app.ts';
import { parseCliOptions } from './cliOptions.ts';
import { runTokenCli } from './auth/token-cli.ts';

// `token create|list|revoke` manages API tokens and exits; anything else starts the server.
if (process.argv[2] === 'token') process.exit(await runTokenCli(process.argv.slice(3), process.env));

try {
  const server = await startServer(parseCliOptions(process.argv.slice(2), process.env));
  console.log(`SyncLens sync server listening on ${server.url} (API at ${server.url}/api/v1)`);
  const stop = (signal: string) => {
    console.log(`${signal}: closing`);
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  console.error(`synclens server: ${(err as Error).message}`);
  process.exit(2);
}
