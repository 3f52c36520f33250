/**
 * The API token is unreachable from QuickBooks pages (issue 8 §1), tested where the boundary is: in
 * a real Chromium, from inside the content script's own world on a QuickBooks Online page, as
 * code that took over the page's renderer could act. It finds no token anywhere it can look, and
 * no way to change a connection or where a token is sent.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { REALM_A, fakeQboRecords, overlayFixture } from './fixtures/overlay-fixture';
import { buildFor, evaluateInContentWorld, eventually, launchExtension, removeTempDirs, tempDir, type ExtensionSession } from './harness';

const BUILD_TOKEN = 'build-time-token-0001';
/** The token the user saves in the options: the one that must never be found from the page. */
const SAVED_TOKEN = 'saved-in-options-token-7f3a9c';
const QBO = 'https://qbo.intuit.com';

let server: RunningServer;
let session: ExtensionSession;
let page: Page;
let evil: Server;
let evilUrl: string;
const evilRequests: string[] = [];

const appHtml = readFileSync(new URL('./fake-qbo/app.html', import.meta.url), 'utf8').replace(
  '<script>',
  `<script>window.FAKE_QBO = ${JSON.stringify(fakeQboRecords)};</script>\n<script>`,
);

const inContent = <T>(expression: string) => evaluateInContentWorld<T>(session, page, expression);

/** Runs a chrome.* call in the content world and reports what happened, without throwing. */
const attempt = (call: string) =>
  inContent<{ ok: boolean; value?: unknown; error?: string }>(
    `(async () => { try { return { ok: true, value: await (${call}) }; } catch (e) { return { ok: false, error: String(e && e.message || e) }; } })()`,
  );

beforeAll(async () => {
  evil = createServer((req, res) => {
    evilRequests.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  evilUrl = `http://localhost:${(evil.address() as AddressInfo).port}`;

  const fixture = join(tempDir('synclens-trust-'), 'fixture.json');
  writeFileSync(fixture, JSON.stringify(overlayFixture));
  server = await startServer({ port: 0, db: ':memory:', token: SAVED_TOKEN, seed: fixture });
  session = await launchExtension(await buildFor(server.url, BUILD_TOKEN));
  await session.context.route(`${QBO}/**`, (route) => route.fulfill({ contentType: 'text/html', body: appHtml }));
  await session.context.addCookies([{ name: 'qbo.currentcompanyid', value: REALM_A, domain: '.qbo.intuit.com', path: '/', secure: true }]);

  // The user saves the service's real token in the options page, as people do.
  const options = await session.openPage('options.html');
  const saved = await options.evaluate(
    ([url, token]) =>
      chrome.runtime.sendMessage({
        command: 'settings.save',
        payload: { pollMinutes: 5, connections: [{ id: 'primary', name: 'Evergreen books', apiUrl: url, token, followedCompanyIds: [] }] },
      }),
    [server.url, SAVED_TOKEN],
  );
  expect(saved).toMatchObject({ ok: true });
  await options.close();
  await eventually(() => session.badgeText(), (text) => text === '1', 'the first poll with the saved token');

  page = await session.context.newPage();
  await page.goto(`${QBO}/app/invoice?txnId=1001`);
  await page.getByTestId('synclens-chip').waitFor();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  await new Promise((resolve) => evil?.close(resolve));
  removeTempDirs();
});

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

describe('the token is unreachable from a QuickBooks page (issue 8 §1)', () => {
  it('the content script world cannot read storage.local or storage.session', async () => {
    for (const area of ['local', 'session']) {
      const read = await attempt(`chrome.storage.${area}.get(null)`);
      expect(read.ok, `storage.${area} read from a QuickBooks page`).toBe(false);
      expect(read.error).toMatch(/not allowed/i);
    }
    const sync = await attempt('chrome.storage.sync.get(null)');
    expect(JSON.stringify(sync)).not.toContain(SAVED_TOKEN);
  });

  it('no token anywhere the content script world can look: storage, its IndexedDB, the page, its own replies', async () => {
    const everything = await inContent<string>(`(async () => {
      const seen = [];
      for (const area of ['local', 'session', 'sync']) {
        try { seen.push(JSON.stringify(await chrome.storage[area].get(null))); } catch (e) { seen.push(String(e)); }
      }
      // The extension's vault lives at the extension's origin; here the name opens the page's own, empty database.
      const dbs = indexedDB.databases ? await indexedDB.databases() : [];
      seen.push(JSON.stringify(dbs));
      const vault = await new Promise((resolve) => {
        const open = indexedDB.open('synclens-vault');
        open.onsuccess = () => { const names = [...open.result.objectStoreNames]; open.result.close(); resolve(names); };
        open.onerror = () => resolve('error');
      });
      seen.push(JSON.stringify(vault));
      for (const command of ['settings.get', 'state.get', 'overlay.context']) {
        seen.push(JSON.stringify(await chrome.runtime.sendMessage({ command, payload: {} })));
      }
      seen.push(document.documentElement.outerHTML);
      return seen.join('\\n');
    })()`);
    expect(everything).not.toContain(SAVED_TOKEN);
    expect(everything).not.toContain(BUILD_TOKEN);
    expect(everything).toContain('"configured":true'); // the overlay's own lookup still works
  });

  it('cannot change a connection or where its token goes: not by storage, not by message', async () => {
    const rewritten = { connections: [{ id: 'primary', name: '', apiUrl: evilUrl, token: '', followedCompanyIds: [] }], pollMinutes: 1 };
    const write = await attempt(`chrome.storage.local.set(${JSON.stringify({ settings: rewritten, pollGates: {} })})`);
    expect(write.ok).toBe(false);
    for (const command of ['settings.save', 'settings.test']) {
      const payload = command === 'settings.save' ? rewritten : { apiUrl: evilUrl, connectionId: 'primary' };
      const reply = await inContent<{ ok: boolean; error?: { code: string } }>(`chrome.runtime.sendMessage(${JSON.stringify({ command, payload })})`);
      expect(reply, command).toMatchObject({ ok: false, error: { code: 'rejected' } });
    }
    // The next poll still goes to the real service with the saved token, and nothing reached the other address.
    const popup = await session.openPage('popup.html');
    await popup.getByTestId('refresh').click();
    await eventually(async () => (await session.badgeTitle()).includes('waiting'), (ok) => ok, 'a fresh poll');
    await popup.close();
    expect(evilRequests).toEqual([]);
    const settings = await (await session.openPage('options.html')).evaluate(() => chrome.runtime.sendMessage({ command: 'settings.get', payload: {} }));
    expect(settings).toMatchObject({ ok: true, data: { connections: [{ apiUrl: server.url, hasToken: true }] } });
  });
});
