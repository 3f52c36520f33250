/**
 * The QuickBooks Online overlay in a real Chromium: QuickBooks-like pages served on the real host
 * name (a small single-page app that navigates with pushState and re-renders after a save), the
 * built extension, and the reference server loaded with a fixture.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnsyncedPage } from '../../lib/api/schema';
import { startServer, type RunningServer } from '../../server/app';
import { REALM_A, REALM_B, REALM_UNFOLLOWED, fakeQboRecords, overlayFixture } from './fixtures/overlay-fixture';
import { buildFor, evaluateInContentWorld, eventually, launchExtension, removeTempDirs, screenshotPath, tempDir, type ExtensionSession } from './harness';

const TOKEN = 'overlay-test-token';
const QBO = 'https://qbo.intuit.com';
let server: RunningServer;
let session: ExtensionSession;
let page: Page;
const linkRequests: string[] = [];

const appHtml = readFileSync(new URL('./fake-qbo/app.html', import.meta.url), 'utf8').replace(
  '<script>',
  `<script>window.FAKE_QBO = ${JSON.stringify(fakeQboRecords)};</script>\n<script>`,
);

async function setRealm(realm: string) {
  await session.context.addCookies([{ name: 'qbo.currentcompanyid', value: realm, domain: '.qbo.intuit.com', path: '/', secure: true }]);
}

const chip = () => page.getByTestId('synclens-chip');
async function chipStatus(): Promise<string | null> {
  return (await chip().count()) ? chip().getAttribute('data-status') : null;
}
async function expectChip(status: string) {
  await eventually(chipStatus, (s) => s === status, `the chip to show "${status}"`);
}
/** Client-side navigation, as QuickBooks does it: no document load. */
async function navigate(path: string) {
  await page.evaluate((p) => (window as unknown as { fakeQboNavigate(p: string): void }).fakeQboNavigate(p), path);
}
/**
 * The chip acts only after the browser has reported it fully visible for a moment (the
 * clickjacking guard, lib/overlay/visibility.ts): a person reads before clicking, so do the tests.
 */
const settle = () => page.waitForTimeout(800);

async function unsynced(id: string) {
  const res = await fetch(`${server.url}/api/v1/companies/evergreen/unsynced?limit=500`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return ((await res.json()) as UnsyncedPage).items.find((u) => u.id === id);
}

beforeAll(async () => {
  const fixture = join(tempDir('synclens-overlay-'), 'fixture.json');
  writeFileSync(fixture, JSON.stringify(overlayFixture));
  server = await startServer({ port: 0, db: ':memory:', token: TOKEN, seed: fixture });
  session = await launchExtension(await buildFor(server.url, TOKEN));
  await session.context.route(`${QBO}/**`, (route) => route.fulfill({ contentType: 'text/html', body: appHtml }));
  session.context.on('request', (request) => {
    if (request.url().includes('/links?')) linkRequests.push(request.url());
  });
  await setRealm(REALM_A);
  // The background learns the companies on its first poll.
  const popup = await session.openPage('popup.html');
  await popup.getByTestId('popup-root').waitFor();
  await popup.close();
  page = await session.context.newPage();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  removeTempDirs();
});

describe('QuickBooks Online overlay', () => {
  it('shows each record’s status as the app moves between routes', async () => {
    await page.goto(`${QBO}/app/invoice?txnId=1001`);
    await expectChip('synced');
    await navigate('/app/customerdetail?nameId=57');
    await expectChip('synced');
    await navigate('/app/bill?txnId=302');
    await expectChip('pending');
    await navigate('/app/invoice?txnId=1003');
    await expectChip('awaiting-approval');
    await navigate('/app/invoice?txnId=1004');
    await expectChip('not-linked');
  });

  it('explains a failed invoice’s 6240 in plain words', async () => {
    await navigate('/app/invoice?txnId=1002');
    await expectChip('failed');
    expect(await page.getByTestId('chip-error-code').textContent()).toBe('6240');
    expect(await page.getByTestId('chip-explanation').textContent()).toMatch(/name/i);
    await page.screenshot({ path: screenshotPath('chip-failed.png') });
  });

  it('does nothing when the page fades or covers the chip, however real the click (clickjacking)', async () => {
    await settle();
    // The page fades our host element: a trusted click on a chip the user cannot really see.
    await page.evaluate(() => document.querySelector<HTMLElement>('synclens-chip')!.style.setProperty('opacity', '0.5'));
    await page.waitForTimeout(300);
    await page.getByTestId('chip-resync').click();
    await eventually(() => chip().textContent(), (text) => !!text && /covers or fades/.test(text), 'the chip to say why it did nothing');
    await page.screenshot({ path: screenshotPath('chip-covered.png') });
    await page.evaluate(() => document.querySelector<HTMLElement>('synclens-chip')!.style.removeProperty('opacity'));

    // A nearly transparent layer that lets clicks through, laid over the chip (a decoy on top).
    await page.evaluate(() => {
      const r = document.querySelector('synclens-chip')!.getBoundingClientRect();
      const cover = Object.assign(document.createElement('div'), { id: 'cover' });
      Object.assign(cover.style, {
        position: 'fixed', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px`,
        background: 'rgb(255 255 255 / 0.05)', pointerEvents: 'none', zIndex: '2147483647',
      });
      document.body.append(cover);
    });
    await settle();
    await page.getByTestId('chip-resync').click();
    await page.getByTestId('chip-clear-id').click();
    await page.waitForTimeout(1000);
    expect(await page.getByTestId('clear-id-confirm').count()).toBe(0);
    expect((await unsynced('u-6240'))?.state).toBe('failed'); // nothing was applied on the server
    await page.evaluate(() => document.getElementById('cover')?.remove());
  });

  it('refuses, from the content script’s own world, an action on a record the tab does not show', async () => {
    // The tab shows invoice 1002 (u-6240); customer 58's unsynced entity u-610 was never shown here.
    const reply = await evaluateInContentWorld<{ ok: boolean; error?: { code: string; message: string } }>(
      session,
      page,
      `chrome.runtime.sendMessage({ command: 'unsynced.clearId', payload: { companyId: 'evergreen', unsyncedId: 'u-610' } })`,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(reply.error!.message).not.toContain(new URL(server.url).host);
    expect((await unsynced('u-610'))?.qbId).toBe('58');
  });

  it('Resync changes the server’s state and the chip', async () => {
    await settle();
    await page.getByTestId('chip-resync').click();
    await eventually(async () => (await unsynced('u-6240'))?.state, (s) => s === 'resync-queued', 'the entity to be queued');
    await expectChip('pending');
  });

  it('Clear ID asks first, then unlinks the record', async () => {
    await navigate('/app/customerdetail?nameId=58');
    await expectChip('failed');
    await settle();
    await page.getByTestId('chip-clear-id').click();
    const confirm = page.getByTestId('clear-id-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toMatch(/new QuickBooks record/);
    expect((await unsynced('u-610'))?.qbId).toBe('58'); // nothing happens before confirming
    await confirm.getByRole('button', { name: 'Clear ID' }).click();
    await eventually(async () => (await unsynced('u-610'))?.qbId ?? null, (id) => id === null, 'the QuickBooks id to be cleared');
  });

  it('comes back after QuickBooks re-renders the page on save', async () => {
    await navigate('/app/invoice?txnId=1001');
    await expectChip('synced');
    await page.locator('#save').click();
    await eventually(() => page.locator('[data-automation-id="RethinkLayout_header"]').count(), (n) => n === 1, 'the page to re-render');
    await expectChip('synced');
    expect(await page.locator('synclens-chip').count()).toBe(1);
  });

  it('marks list rows from one batched request', async () => {
    linkRequests.length = 0;
    await navigate('/app/invoices');
    await eventually(() => page.getByTestId('row-marker').count(), (n) => n === 2, 'two row markers');
    const statuses = await page.getByTestId('row-marker').evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
    expect(statuses.sort()).toEqual(['awaiting-approval', 'pending']);
    expect(await chip().count()).toBe(0);
    expect(linkRequests.filter((u) => u.includes('entityType=Invoice'))).toHaveLength(1);
  });

  it('removes the chip on a route it does not know', async () => {
    await navigate('/app/invoice?txnId=1001');
    await expectChip('synced');
    await navigate('/app/homepage');
    await eventually(() => chip().count(), (n) => n === 0, 'the chip to go');
  });

  it('never shows a record of another company', async () => {
    await setRealm(REALM_B);
    await page.goto(`${QBO}/app/invoice?txnId=1004`);
    await expectChip('synced'); // Birchwood's invoice 1004, not Evergreen's (not linked there)
    await setRealm(REALM_UNFOLLOWED);
    await page.goto(`${QBO}/app/invoice?txnId=1001`);
    await page.waitForTimeout(1500);
    expect(await chip().count()).toBe(0);
    await setRealm(REALM_A);
  });

  it('a crafted link naming another company in its URL does not move the chip off the company QuickBooks shows', async () => {
    await setRealm(REALM_A);
    await page.goto(`${QBO}/app/invoice?txnId=1004&companyId=${REALM_B}`);
    // Evergreen's invoice 1004 (not linked), as the realm cookie says; not Birchwood's (synced).
    await expectChip('not-linked');
    expect(await chip().textContent()).toContain('Evergreen');
  });

  it('keeps the chip folded across page loads, through the background (the page cannot reach storage)', async () => {
    await page.goto(`${QBO}/app/invoice?txnId=1001`);
    await expectChip('synced');
    const toggle = () => chip().locator('[aria-expanded]');
    expect(await toggle().getAttribute('aria-expanded')).toBe('true');
    await toggle().click();
    expect(await toggle().getAttribute('aria-expanded')).toBe('false');
    await page.reload();
    await expectChip('synced');
    await eventually(() => toggle().getAttribute('aria-expanded'), (v) => v === 'false', 'the chip to stay folded');
    await toggle().click();
    await eventually(() => toggle().getAttribute('aria-expanded'), (v) => v === 'true', 'the chip to unfold');
  });

  it('a tab opened before SyncLens has its company list shows the chip once the list arrives, without a reload', async () => {
    // As after a browser start with tabs restored: the background knows no company yet.
    await session.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('synclens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('companies', 'readwrite');
            tx.objectStore('companies').clear();
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
    );
    const early = await session.context.newPage();
    await early.goto(`${QBO}/app/invoice?txnId=1001`);
    const earlyChip = early.getByTestId('synclens-chip');
    await early.waitForTimeout(1500);
    expect(await earlyChip.count()).toBe(1); // waiting, not gone
    expect(await earlyChip.getAttribute('data-status')).toBe('unknown');
    // The company list arrives (the popup polls on opening).
    const popup = await session.openPage('popup.html');
    await popup.getByTestId('popup-root').waitFor();
    await popup.close();
    await eventually(async () => ((await earlyChip.count()) ? earlyChip.getAttribute('data-status') : null), (s) => s === 'synced', 'the early tab’s chip');
    await early.close();
  });

  it('opens “Explain a QuickBooks error” from the background', async () => {
    await page.goto(`${QBO}/app/homepage`);
    await page.waitForTimeout(300);
    await session.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: 'https://qbo.intuit.com/*' });
      await chrome.tabs.sendMessage(tab!.id!, { notice: 'overlay.openExplain' });
    });
    const box = page.getByTestId('explain-box');
    await box.waitFor();
    await page.getByTestId('explain-input').fill('<IntuitResponse><Fault type="ValidationFault"><Error code="6140"><Message>Duplicate Document Number Error</Message></Error></Fault></IntuitResponse>');
    await page.getByRole('button', { name: 'Explain' }).click();
    await eventually(() => page.getByTestId('explain-result').textContent(), (t) => !!t && t.includes('6140'), 'the explanation');
    await page.screenshot({ path: screenshotPath('explain-box.png') });
  });
});

declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};
