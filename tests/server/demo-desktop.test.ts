/**
 * `npm run demo`'s QuickBooks Desktop company, built on the wire: the real sync server on a random
 * port (the `demo-wire` seed, a Web Connector login), then buildDesktopDemo, whose records reach the
 * emulated company file only through Web Connector sessions against POST /qbwc. Everything about the
 * sync service is read back over HTTP; QuickBooks' side is read from the company file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry, UnsyncedEntity, WizardItem } from '../../lib/api/schema.ts';
import { buildDesktopDemo, scheduleWebConnector, type DesktopDemoResult, type WebConnectorSchedule } from '../../scripts/lib/demo-desktop.ts';
import { startServer, type RunningServer } from '../../server/app.ts';
import { allPages } from '../support/all-pages.ts';
import { CEDAR_RIDGE, DEMO_WEB_CONNECTOR_MINUTES, EVERGREEN, demoClosedBooksDate } from '../../server/seed/demo.ts';
import { testClock } from './helpers/server.ts';

const TOKEN = 'demo-desktop-test-token';
const LOGIN = { userName: 'cedar-ridge', password: 'demo-desktop-test-password' };
const company = `/companies/${CEDAR_RIDGE.id}`;
const clock = testClock('2026-05-14T15:00:00.000Z');

let server: RunningServer;
let result: DesktopDemoResult;
let schedule: WebConnectorSchedule;
const progress: string[] = [];
const sessions: string[] = [];

async function get<T = any>(path: string): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

const all = <T>(path: string): Promise<T[]> => allPages<T>(path, get);

beforeAll(async () => {
  server = await startServer({ port: 0, db: ':memory:', token: TOKEN, seed: 'demo-wire', webConnector: LOGIN, now: clock.now });
  const started = Date.now();
  result = await buildDesktopDemo({
    serverUrl: server.url, token: TOKEN, companyId: CEDAR_RIDGE.id, ...LOGIN, companyFilePath: CEDAR_RIDGE.companyFile,
    companyName: CEDAR_RIDGE.name, now: clock.now, log: (line) => progress.push(line),
  });
  // The demo must be ready within a few seconds of starting.
  expect(Date.now() - started).toBeLessThan(10_000);
  schedule = scheduleWebConnector({
    url: `${server.url}/qbwc`, ...LOGIN, file: result.file, companyFilePath: CEDAR_RIDGE.companyFile,
    everyMs: DEMO_WEB_CONNECTOR_MINUTES * 60_000, log: (line) => sessions.push(line),
  });
}, 30_000);

afterAll(async () => {
  schedule?.stop();
  await server?.close();
});

describe('the demo-wire seed', () => {
  it('leaves the Online company empty for buildOnlineDemo', async () => {
    for (const list of ['wizard?direction=export', 'wizard?direction=import', 'log', 'unsynced']) {
      expect(await all(`/companies/${EVERGREEN.id}/${list}`), list).toEqual([]);
    }
  });
});

describe('buildDesktopDemo', () => {
  it('sent every job-app record to the company file through Web Connector sessions', async () => {
    expect(result.synced).toEqual({ Item: 9, Vendor: 4, Customer: 30, Invoice: 80, Estimate: 16, ReceivePayment: 24, PurchaseOrder: 6 });
    expect(result.initialSessions).toBeGreaterThanOrEqual(1);
    const connector = await get(`${company}/connector`);
    expect(connector).toMatchObject({ kind: 'web-connector', state: 'ok' });
    expect(connector.lastRunAt).toBeTruthy();
    const synced = await all<LogEntry>(`${company}/log?status=success&direction=export`);
    // Every record of the first load is linked to the ListID / TxnID QuickBooks Desktop gave it.
    const invoice = result.file.list('Invoice').find((i) => i.RefNumber === '1100')!;
    expect(synced.find((e) => e.docNumber === '1100')).toMatchObject({ qbId: invoice.TxnID });
  });

  it('lists the five failures in the Sync Center with QuickBooks Desktop\'s own status codes', async () => {
    const unsynced = await all<UnsyncedEntity>(`${company}/unsynced`);
    expect(unsynced.map((u) => u.errorCode).sort()).toEqual(['3100', '3120', '3140', '3180', '3200']);
    expect(result.failures.map((f) => f.code).sort()).toEqual(['3100', '3120', '3140', '3180', '3200']);
    for (const failure of result.failures) {
      expect(unsynced.find((u) => u.localId === failure.localId)?.errorCode, failure.story).toBe(failure.code);
    }
    const byCode = (code: string) => unsynced.find((u) => u.errorCode === code)!;
    expect(byCode('3100').errorMessage).toContain('"Greenway Supply"');
    expect(byCode('3140').errorMessage).toMatch(/inactive/);
    expect(byCode('3180').errorMessage).toContain(`closing date of the company (${demoClosedBooksDate(clock.now())})`);
    expect(byCode('3200').errorMessage).toMatch(/edit sequence .* out-of-date/);
    // Nothing refused reached QuickBooks: the customer's e-mail there is still the old one.
    const customer = result.file.list('Customer').find((c) => c.Name === byCode('3200').name)!;
    expect(String(customer.Email)).not.toMatch(/^office\./);
    expect(result.file.list('Customer').filter((c) => c.Name === 'Greenway Supply')).toHaveLength(0);
  });

  it('leaves job-app changes waiting in the Export wizard and nothing in the Import wizard yet', async () => {
    const exports = await all<WizardItem>(`${company}/wizard?direction=export`);
    expect(exports).toHaveLength(6);
    expect(result.exportWaiting).toBe(6);
    expect(exports.filter((w) => w.change === 'create').map((w) => w.entityType).sort()).toEqual(['Customer', 'Customer', 'Customer', 'Invoice']);
    expect(exports.filter((w) => w.change === 'update')).toHaveLength(2);
    expect(await all(`${company}/wizard?direction=import`)).toEqual([]);
    expect(await all(`${company}/log?status=pending`)).toEqual([]);
  });

  it('approved changes wait in Pending until the next Web Connector session; QuickBooks Desktop\'s changes come back as Import items with it', async () => {
    const waiting = await all<WizardItem>(`${company}/wizard?direction=export`);
    const newCustomer = waiting.find((w) => w.entityType === 'Customer')!;
    const approved = await fetch(`${server.url}/api/v1${company}/wizard/approve`, {
      method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reviewedIds: [newCustomer.id], approveIds: [newCustomer.id], unchecked: 'keep' }),
    });
    expect(approved.status).toBe(200);
    // POST /connector/run does not sync a Web Connector company: only a session does.
    const run = await fetch(`${server.url}/api/v1${company}/connector/run`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(run.status).toBe(200);
    expect((await all<LogEntry>(`${company}/log?status=pending`)).map((e) => e.localId)).toEqual([newCustomer.localId]);

    // The Web Connector's next run, one schedule interval later.
    clock.advance(DEMO_WEB_CONNECTOR_MINUTES * 60_000 + 1_000);
    const session = await schedule.runNow();
    expect(session.outcome, session.lastError).toBe('done');
    expect(sessions.at(-1)).toMatch(/Cedar Ridge Lawn Care.*Sync complete: 1 synced, 0 failed\. Next run at \d\d:\d\d\./);
    expect(await all(`${company}/log?status=pending`)).toEqual([]);
    expect(result.file.list('Customer').some((c) => c.Name === newCustomer.name)).toBe(true);

    const imports = await all<WizardItem>(`${company}/wizard?direction=import`);
    expect(imports).toHaveLength(result.changedInQuickBooks.length);
    expect(imports.filter((i) => i.change === 'create').map((i) => [i.entityType, i.name].join(' ')).sort()).toEqual([
      expect.stringMatching(/^Customer Walnut Grove Preschool/), expect.stringMatching(/^Payment /),
    ]);
    expect(imports.filter((i) => i.change === 'update').map((i) => i.entityType).sort()).toEqual(['Customer', 'Customer', 'Item']);
  });

  it('offers the .qwc file the printout points at: this server\'s /qbwc, the demo\'s user name, never the password', async () => {
    const res = await fetch(`${server.url}/api/v1${company}/connector/qwc`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const qwc = await res.text();
    expect(qwc).toContain(`<AppURL>${server.url}/qbwc</AppURL>`);
    expect(qwc).toContain(`<UserName>${LOGIN.userName}</UserName>`);
    expect(qwc).not.toContain(LOGIN.password);
    expect(await get(`${company}/connector`)).toMatchObject({ intervalMinutes: DEMO_WEB_CONNECTOR_MINUTES });
  });

  it('never prints the Web Connector password in its progress lines or session lines', () => {
    expect(progress.length).toBeGreaterThan(5);
    for (const line of [...progress, ...sessions]) expect(line).not.toContain(LOGIN.password);
  });
});
