/**
 * `npm run demo`: the whole product on one machine.
 *
 * 1. The QuickBooks Online emulator (127.0.0.1:8790): Intuit's OAuth and Accounting API on a local port.
 * 2. The reference sync server (127.0.0.1:8787) with a fresh database (.data/demo.db) and both
 *    companies empty (the `demo-wire` seed), each filled over the wire: the Online company is
 *    connected to the emulator through the real OAuth flow, then filled by buildOnlineDemo; the
 *    Desktop company gets a Web Connector login and is filled by buildDesktopDemo through Web
 *    Connector sessions (server/qbwc-sim: an emulated company file and the Web Connector simulator
 *    calling the server's POST /qbwc). Each gets the job app's records through the ingestion API,
 *    synced, then a working day of changes and failures. The Online connector runs on a schedule;
 *    the simulated Web Connector runs every few minutes in this process, so Desktop changes approved
 *    in the extension really wait in Pending for its next session.
 * 3. A second sync service (another business, 127.0.0.1:8788) for trying several services side by side.
 * 4. The extension, built pre-configured for the first service into .output/chrome-mv3.
 *
 * Ports: SYNCLENS_PORT (server), SYNCLENS_SECOND_PORT (default: the next port), SYNCLENS_QBO_EMULATOR_PORT.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CompanyList } from '../lib/api/schema';
import { startServer, type RunningServer } from '../server/app';
import { startQboEmulator, type RunningQboEmulator } from '../server/qbo-emulator/app';
import { mountWebApp } from '../server/qbo-emulator/web-app/index';
import { qboConfigFrom } from '../server/quickbooks/qbo/config';
import { CEDAR_RIDGE, DEMO_WEB_CONNECTOR_MINUTES, EVERGREEN } from '../server/seed/demo';
import { buildExtension } from './lib/build-extension';
import { buildDesktopDemo, scheduleWebConnector, type DesktopDemoResult, type WebConnectorSchedule } from './lib/demo-desktop';
import { buildOnlineDemo, type OnlineDemoResult } from './lib/demo-online';

const HOST = '127.0.0.1';
const port = (name: string, fallback: number) => Number(process.env[name] || fallback);
const DEMO_PORT = port('SYNCLENS_PORT', 8787);
const SECOND_PORT = port('SYNCLENS_SECOND_PORT', DEMO_PORT + 1);
const EMULATOR_PORT = port('SYNCLENS_QBO_EMULATOR_PORT', 8790);
// The demo's tokens are public on purpose: the server has no default token outside the demo.
const DEMO_TOKEN = 'synclens-demo-token';
const SECOND_TOKEN = 'synclens-demo-token-2';
const DB_PATH = resolve('.data/demo.db');
const SECOND_DB_PATH = resolve('.data/demo-second.db');
const CONNECTOR_AUTO_RUN_SECONDS = 15 * 60;

// The sync service's app at the emulator. Made up per run and never printed: a client secret and a
// webhook verifier are secrets even here. The token encryption key is per run too, since the
// database is fresh on every start.
const QBO_APP = { clientId: 'synclens-demo', clientSecret: randomBytes(24).toString('base64url'), webhookVerifier: randomBytes(24).toString('base64url') };
// The Desktop company's Web Connector login: made up per run and printed, since the demo's Web
// Connector (or a real one on this machine) needs it; a real deployment never prints it.
const WEB_CONNECTOR = { userName: CEDAR_RIDGE.id, password: randomBytes(9).toString('base64url') };

mkdirSync('.data', { recursive: true });
for (const path of [DB_PATH, SECOND_DB_PATH]) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });

const running: { close(): Promise<void> }[] = [];
const stop = async (code = 0) => {
  await Promise.allSettled(running.reverse().map((r) => r.close()));
  process.exit(code);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

let emulator: RunningQboEmulator;
let server: RunningServer;
let second: RunningServer;
let online: OnlineDemoResult;
let desktop: DesktopDemoResult;
let webConnector: WebConnectorSchedule;
try {
  // The emulator also serves its QuickBooks-like web app (server/qbo-emulator/web-app) on this address.
  emulator = await startQboEmulator({
    port: EMULATOR_PORT, host: HOST, realms: [{ realmId: EVERGREEN.realmId, companyName: EVERGREEN.name }],
    extraRoutes: (app, state) => mountWebApp(app, state),
  });
  running.push(emulator);
  console.log(`QuickBooks Online emulator: ${emulator.url}  (admin API: ${emulator.url}/admin/realms/${EVERGREEN.realmId}/customer)`);

  const serverUrl = `http://${HOST}:${DEMO_PORT}`;
  server = await startServer({
    port: DEMO_PORT,
    host: HOST,
    db: DB_PATH,
    token: DEMO_TOKEN,
    seed: 'demo-wire',
    connectorAutoRunSeconds: CONNECTOR_AUTO_RUN_SECONDS,
    webConnector: WEB_CONNECTOR,
    secretKey: randomBytes(32),
    qbo: qboConfigFrom({
      clientId: QBO_APP.clientId, clientSecret: QBO_APP.clientSecret, redirectUri: `${serverUrl}/connect/qbo/callback`,
      webhookVerifier: QBO_APP.webhookVerifier, apiBase: emulator.apiBase, oauthBase: emulator.oauthBase,
    }, {}),
  });
  running.push(server);
  console.log(`Sync server: ${server.url}  (database ${DB_PATH}, fresh demo data)`);

  console.log(`Connecting ${EVERGREEN.name} to the emulator and filling it over the wire…`);
  online = await buildOnlineDemo({
    serverUrl: server.url, token: DEMO_TOKEN, emulatorUrl: emulator.url, realmId: EVERGREEN.realmId, companyId: EVERGREEN.id,
    now: new Date(), app: QBO_APP,
  });

  console.log(`Filling ${CEDAR_RIDGE.name} through Web Connector sessions (simulated Web Connector, emulated company file)…`);
  desktop = await buildDesktopDemo({
    serverUrl: server.url, token: DEMO_TOKEN, companyId: CEDAR_RIDGE.id, ...WEB_CONNECTOR, companyFilePath: CEDAR_RIDGE.companyFile,
    companyName: CEDAR_RIDGE.name, now: () => new Date(),
  });
  webConnector = scheduleWebConnector({
    url: `${server.url}/qbwc`, ...WEB_CONNECTOR, file: desktop.file, companyFilePath: CEDAR_RIDGE.companyFile,
    everyMs: DEMO_WEB_CONNECTOR_MINUTES * 60_000,
  });
  running.push({ close: async () => webConnector.stop() });

  second = await startServer({
    port: SECOND_PORT,
    host: HOST,
    db: SECOND_DB_PATH,
    token: SECOND_TOKEN,
    seed: 'demo-second',
    connectorAutoRunSeconds: CONNECTOR_AUTO_RUN_SECONDS,
  });
  running.push(second);
  console.log(`Second sync service: ${second.url}  (another business, database ${SECOND_DB_PATH})`);
} catch (err) {
  console.error(`The demo could not start: ${(err as Error).message}`);
  await stop(1);
  throw err; // not reached: stop() exits
}

const companies = ((await (await fetch(`${server.url}/api/v1/companies`, { headers: { authorization: `Bearer ${DEMO_TOKEN}` } })).json()) as CompanyList).items;

console.log('Building the extension pre-configured for it…');
// The demo's one extension build: demo-only build options (such as the emulator's web app as a
// QuickBooks Online origin) belong in this call.
const extensionDir = await buildExtension({ apiUrl: server.url, apiToken: DEMO_TOKEN, demoQboOrigin: emulator.url });

const clockTime = (d: Date) => d.toTimeString().slice(0, 5);
const customerUrl = `${emulator.url}/admin/realms/${EVERGREEN.realmId}/customer/${online.sampleCustomer.qbId}`;
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
The API token for this demo is "${DEMO_TOKEN}". The QuickBooks Online connector runs every ${CONNECTOR_AUTO_RUN_SECONDS / 60} minutes;
run it now (approved items leave Pending, kept ones come back to the wizard) with:
${companies.filter((c) => c.system === 'qbo').map((c) => `  curl -X POST -H "Authorization: Bearer ${DEMO_TOKEN}" ${server.url}/api/v1/companies/${c.id}/connector/run   # ${c.name}`).join('\n')}

${CEDAR_RIDGE.name} is on QuickBooks Desktop and syncs only when the QuickBooks Web Connector runs. Here a
simulated Web Connector in this process calls the sync service's SOAP endpoint ${server.url}/qbwc every
${DEMO_WEB_CONNECTOR_MINUTES} minutes and hands each qbXML request to an emulated company file. Its ${desktop.failures.length} failures in the Sync Center
are QuickBooks Desktop's own status codes (${desktop.failures.map((f) => f.code).join(', ')}).
What you approve for it waits in Pending until the next session, at ${clockTime(webConnector.nextRunAt())}${process.stdin.isTTY ? ' (press Enter to run one now)' : ''}.
QuickBooks' changes are read once per interval: the session at ${clockTime(webConnector.nextRunAt())} brings the ${desktop.changedInQuickBooks.length} changes
made "in QuickBooks Desktop" meanwhile into the Import wizard (${desktop.changedInQuickBooks.join('; ')}).
  Web Connector user name: ${WEB_CONNECTOR.userName}
  Web Connector password:  ${WEB_CONNECTOR.password}   (made up for this run)
  Its .qwc file (the Connector tab downloads it too):
    curl -OJ -H "Authorization: Bearer ${DEMO_TOKEN}" ${server.url}/api/v1/companies/${CEDAR_RIDGE.id}/connector/qwc
The simulator also runs on its own, with a company file of its own, against a server you start:
see "npm run qbwc-sim" in server/qbwc-sim/README.md.

${EVERGREEN.name} is really connected to QuickBooks Online: to the emulator at ${emulator.url},
through Intuit's OAuth 2.0 flow, Accounting API and signed webhooks, exactly as it would be to Intuit.
Its ${online.failures.length} failures in the Sync Center are QuickBooks' own refusals (${online.failures.map((f) => f.code).join(', ')}).
Change something "in QuickBooks" and watch an Import item appear (the webhook arrives within a second):
  curl -X PATCH -H "Content-Type: application/json" -d '{"PrimaryPhone":{"FreeFormNumber":"(503) 555-0123"}}' \\
    ${customerUrl}   # ${online.sampleCustomer.name}
Objects as QuickBooks holds them: ${emulator.url}/admin/realms/${EVERGREEN.realmId}/invoice (or customer, item, payment…).
See them as pages, with SyncLens's chip and list markers on them: ${emulator.url}/app/invoices (this demo build treats the emulator as QuickBooks Online).
To connect a real Intuit sandbox company instead, see docs/quickbooks-online.md.

Several businesses? A second sync service runs at ${second.url}. In SyncLens's options press
"Add another sync service", enter ${second.url} and the token "${SECOND_TOKEN}", then Save:
the badge sums both, and the popup and Sync Center group companies by service.

Press Ctrl+C to stop the servers.`);

// Enter runs a Web Connector session now, as "Update Selected" does in the real Web Connector.
if (process.stdin.isTTY) process.stdin.on('data', () => void webConnector.runNow().catch(() => undefined));
