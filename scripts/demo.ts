/**
 * `npm run demo`: the whole product on its embedded defaults, on one machine.
 * Starts the reference sync server on 127.0.0.1:8787 with a freshly seeded SQLite database
 * (.data/demo.db), builds the extension pre-configured for it into .output/chrome-mv3, and prints
 * how to load it. The connector runs on a schedule, as the Web Connector's auto-run would.
 * A second sync service (another business, on the next port) is started too, for trying several
 * services side by side: the extension is not pre-configured for it; the printout says how to add it.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CompanyList } from '../lib/api/schema';
import { startServer } from '../server/app';
import { buildExtension } from './lib/build-extension';

const DEMO_PORT = Number(process.env.SYNCLENS_PORT ?? 8787);
// The demo's token is public on purpose: the server has no default token outside the demo.
const DEMO_TOKEN = 'synclens-demo-token';
const DB_PATH = resolve('.data/demo.db');
const SECOND_PORT = DEMO_PORT + 1;
const SECOND_TOKEN = 'synclens-demo-token-2';
const SECOND_DB_PATH = resolve('.data/demo-second.db');
const CONNECTOR_AUTO_RUN_SECONDS = 15 * 60;

mkdirSync('.data', { recursive: true });
for (const path of [DB_PATH, SECOND_DB_PATH]) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });

const server = await startServer({
  port: DEMO_PORT,
  db: DB_PATH,
  token: DEMO_TOKEN,
  seed: 'demo',
  connectorAutoRunSeconds: CONNECTOR_AUTO_RUN_SECONDS,
});
console.log(`Sync server: ${server.url}  (database ${DB_PATH}, fresh demo data)`);
const second = await startServer({
  port: SECOND_PORT,
  db: SECOND_DB_PATH,
  token: SECOND_TOKEN,
  seed: 'demo-second',
  connectorAutoRunSeconds: CONNECTOR_AUTO_RUN_SECONDS,
});
console.log(`Second sync service: ${second.url}  (another business, database ${SECOND_DB_PATH})`);

const companies = ((await (await fetch(`${server.url}/api/v1/companies`, { headers: { authorization: `Bearer ${DEMO_TOKEN}` } })).json()) as CompanyList).items;

console.log('Building the extension pre-configured for it…');
const extensionDir = await buildExtension({ apiUrl: server.url, apiToken: DEMO_TOKEN });

console.log(`
Extension ready: ${extensionDir}

Load it in Chrome:
  1. Open chrome://extensions
  2. Turn on "Developer mode" (top right)
  3. Click "Load unpacked" and choose the folder above
  4. Pin SyncLens (puzzle-piece icon > pin): the badge shows how many syncs wait for approval

Load it in Edge:
  1. Open edge://extensions
  2. Turn on "Developer mode" (left side)
  3. Click "Load unpacked" and choose the folder above

Try it: click the SyncLens icon, uncheck a row or two, choose Keep or Clear, press "Approve checked".
The API token for this demo is "${DEMO_TOKEN}". The connector runs every ${CONNECTOR_AUTO_RUN_SECONDS / 60} minutes;
run it now (approved items leave Pending, kept ones come back to the wizard) with:
${companies.map((c) => `  curl -X POST -H "Authorization: Bearer ${DEMO_TOKEN}" ${server.url}/api/v1/companies/${c.id}/connector/run   # ${c.name}`).join('\n')}

Several businesses? A second sync service runs at ${second.url}. In SyncLens's options press
"Add another sync service", enter ${second.url} and the token "${SECOND_TOKEN}", then Save:
the badge sums both, and the popup and Sync Center group companies by service.

Press Ctrl+C to stop the servers.`);

const stop = async () => {
  await Promise.all([server.close(), second.close()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
