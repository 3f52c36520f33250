/**
 * `npm run demo`'s QuickBooks Online company, built on the wire: the QBO emulator and the real sync
 * server on random ports, the `demo-desktop` seed, then buildOnlineDemo. Everything asserted here is
 * read back over HTTP (the Sync API and the emulator's admin API).
 */
import { randomBytes } from 'node:crypto';
import { allPages } from '../support/all-pages.ts';
import { freePort } from '../support/free-port.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogEntry, UnsyncedEntity, WizardItem } from '../../lib/api/schema.ts';
import { buildOnlineDemo, type OnlineDemoResult } from '../../scripts/lib/demo-online.ts';
import { startServer, type RunningServer } from '../../server/app.ts';
import { startQboEmulator, type RunningQboEmulator } from '../../server/qbo-emulator/app.ts';
import { qboConfigFrom } from '../../server/quickbooks/qbo/config.ts';
import { EVERGREEN, buildDemoFixture, demoClosedBooksDate } from '../../server/seed/demo.ts';

const TOKEN = 'demo-online-test-token';
const app = { clientId: 'synclens-demo-test', clientSecret: randomBytes(16).toString('hex'), webhookVerifier: randomBytes(16).toString('hex') };

let emulator: RunningQboEmulator;
let server: RunningServer;
let result: OnlineDemoResult;
const progress: string[] = [];
const before: Record<string, unknown[]> = {};

async function get<T = any>(path: string): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

const all = <T>(path: string): Promise<T[]> => allPages<T>(path, get);

async function inQuickBooks(entity: string): Promise<Record<string, any>[]> {
  const res = await fetch(`${emulator.url}/admin/realms/${EVERGREEN.realmId}/${entity}`);
  return ((await res.json()) as { items: Record<string, any>[] }).items;
}

const company = `/companies/${EVERGREEN.id}`;


beforeAll(async () => {
  emulator = await startQboEmulator({ port: 0, realms: [{ realmId: EVERGREEN.realmId, companyName: EVERGREEN.name }] });
  // The redirect URI is part of the server's settings, so its port is chosen before it starts.
  const port = await freePort();
  const serverUrl = `http://127.0.0.1:${port}`;
  server = await startServer({
    port, db: ':memory:', token: TOKEN, seed: 'demo-desktop', secretKey: randomBytes(32),
    qbo: qboConfigFrom({
      clientId: app.clientId, clientSecret: app.clientSecret, redirectUri: `${serverUrl}/connect/qbo/callback`,
      webhookVerifier: app.webhookVerifier, apiBase: emulator.apiBase, oauthBase: emulator.oauthBase,
    }, {}),
  });
  for (const list of ['wizard?direction=export', 'wizard?direction=import', 'log', 'unsynced']) before[list] = await all(`${company}/${list}`);
  result = await buildOnlineDemo({
    serverUrl: server.url, token: TOKEN, emulatorUrl: emulator.url, realmId: EVERGREEN.realmId, companyId: EVERGREEN.id,
    now: new Date(), app, log: (line) => progress.push(line),
  });
}, 30_000);

afterAll(async () => {
  await server?.close();
  await emulator?.close();
});

describe('the demo-desktop seed', () => {
  it('starts the Online company empty and never run', async () => {
    for (const list of Object.values(before)) expect(list).toEqual([]);
  });

  it('keeps the Desktop company exactly as the demo seed has it', async () => {
    const demo = buildDemoFixture(new Date());
    const unsynced = await all<UnsyncedEntity>('/companies/cedar-ridge/unsynced');
    const expected = demo.unsynced!.filter((u) => u.companyId === 'cedar-ridge');
    expect(unsynced.map((u) => [u.errorCode, u.name]).sort()).toEqual(expected.map((u) => [u.errorCode, u.name]).sort());
    const waiting = await all<WizardItem>('/companies/cedar-ridge/wizard?direction=export');
    expect(waiting.map((w) => w.name).sort()).toEqual(demo.wizard!.filter((w) => w.companyId === 'cedar-ridge' && w.direction === 'export').map((w) => w.name).sort());
  });
});

describe('buildOnlineDemo', () => {
  it('connected the company through OAuth: the connector is healthy and has run', async () => {
    const connector = await get(`${company}/connector`);
    expect(connector.state).toBe('ok');
    expect(connector.lastRunAt).toBeTruthy();
  });

  it('put every record of the job app into QuickBooks Online', async () => {
    expect(result.synced).toEqual({ Item: 14, Vendor: 5, Customer: 60, Invoice: 200, Estimate: 20, Payment: 40, PurchaseOrder: 10 });
    const invoices = await inQuickBooks('invoice');
    const live = invoices.filter((i) => i.status !== 'Deleted');
    // 200 synced, one deleted in QuickBooks since, one typed straight into QuickBooks.
    expect(live).toHaveLength(200);
    const numbers = new Set(live.map((i) => i.DocNumber));
    const deleted = invoices.filter((i) => i.status === 'Deleted').map((i) => i.DocNumber);
    expect(deleted).toHaveLength(1);
    for (let n = 1100; n < 1300; n++) if (!deleted.includes(String(n))) expect(numbers.has(String(n)), `invoice ${n}`).toBe(true);
    expect(numbers.has('1301') || numbers.has('1302')).toBe(false); // the refused ones never got in
  });

  it('lists the six failures in the Sync Center with QuickBooks\' own code, message and detail', async () => {
    const unsynced = await all<UnsyncedEntity>(`${company}/unsynced`);
    expect(unsynced).toHaveLength(6);
    expect(result.failures).toHaveLength(6);
    const details: Record<string, RegExp> = {
      '6240': /already using this name/,
      '5010': /working on this at the same time/,
      '6210': new RegExp(`closed through ${demoClosedBooksDate(new Date())}`),
      '6140': /DocNumber=1300 is assigned to TxnType=Invoice/,
    };
    for (const failure of result.failures) {
      const entity = unsynced.find((u) => u.localId === failure.localId);
      expect(entity, failure.story).toBeDefined();
      expect(entity!.errorCode, failure.story).toBe(failure.code);
      expect(entity!.errorMessage.length, failure.story).toBeGreaterThan(5);
      if (details[failure.code]) expect(entity!.errorDetail, failure.story).toMatch(details[failure.code]!);
    }
    const byStory = (words: string) => unsynced.find((u) => u.localId === result.failures.find((f) => f.story.includes(words))!.localId)!;
    // Two 610s with different causes: the Detail tells them apart, as QuickBooks' does.
    expect(byStory('deleted in QuickBooks').errorDetail).toMatch(/deleted this transaction/);
    expect(byStory('made inactive').errorDetail).toMatch(/made inactive/);
    expect(unsynced.map((u) => u.errorCode).sort()).toEqual(['5010', '610', '610', '6140', '6210', '6240']);
  });

  it('logs each refusal with the intuit_tid QuickBooks gave', async () => {
    const failed = await all<LogEntry>(`${company}/log?status=failed`);
    expect(failed).toHaveLength(6);
    for (const entry of failed) expect(entry.intuitTid, entry.name).toMatch(/\S/);
  });

  it('leaves job-app changes waiting in the Export wizard', async () => {
    const waiting = await all<WizardItem>(`${company}/wizard?direction=export`);
    expect(waiting).toHaveLength(12);
    expect(result.exportWaiting).toBe(12);
    const kinds = waiting.map((w) => `${w.entityType} ${w.change}`).sort();
    expect(kinds).toEqual([...Array(4).fill('Customer create'), 'Customer update', ...Array(4).fill('Invoice create'), ...Array(3).fill('Invoice update')]);
  });

  it('lists the changes made in QuickBooks, delivered by signed webhooks, in the Import wizard', async () => {
    const waiting = await all<WizardItem>(`${company}/wizard?direction=import`);
    expect(result.importWaiting).toBe(6);
    expect(waiting.map((w) => `${w.entityType} ${w.change}`).sort()).toEqual([
      'Customer update', 'Customer update', 'Invoice create', 'Invoice delete', 'Item update', 'Payment create',
    ]);
    expect(waiting.find((w) => w.entityType === 'Item')!.changedFields).toEqual(['active']);
    const deliveries = ((await (await fetch(`${emulator.url}/admin/webhooks`)).json()) as { deliveries: { status: number; signature: string | null }[] }).deliveries;
    expect(deliveries.length).toBeGreaterThan(0);
    for (const d of deliveries) {
      expect(d.status).toBe(200);
      expect(d.signature).toBeTruthy();
    }
  });

  it('prints progress without any secret', () => {
    expect(progress.length).toBeGreaterThan(8);
    const text = progress.join('\n');
    for (const secret of [app.clientSecret, app.webhookVerifier, TOKEN]) expect(text).not.toContain(secret);
  });
});
