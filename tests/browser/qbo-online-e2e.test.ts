/**
 * QuickBooks Online end to end, in a real Chromium, with nothing faked: the QBO emulator (its
 * Accounting API, OAuth, signed webhooks and its QuickBooks-like web app) and the reference sync
 * server, each on a random port; the company connected through the real OAuth flow; the extension
 * built for that server as a demo build that accepts the emulator's origin as QuickBooks Online.
 *
 * The job app's new customer, item and invoice wait in the popup's Export list → approved there →
 * the connector runs → the emulator holds the invoice → its page in the emulator's web app shows
 * the chip "synced" → someone changes the invoice in QuickBooks (a signed webhook follows) → the
 * popup's Import list offers the change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../../scripts/lib/build-extension';
import { mountWebApp } from '../../server/qbo-emulator/web-app/index';
import { COMPANY, REALM, TOKEN, startQboWorld, type QboWorld } from '../server/helpers/qbo-world';
import { eventually, launchExtension, removeTempDirs, screenshotPath, tempDir, type ExtensionSession } from './harness';

/** A second company in the emulator that SyncLens does not follow. */
const OTHER_REALM = '4620816365002';
const TODAY = new Date().toISOString().slice(0, 10);

let world: QboWorld;
let session: ExtensionSession;
let qbIds: { customer: string; item: string; invoice: string };
let extensionDir: string;

async function openPopup(): Promise<Page> {
  const popup = await session.openPage('popup.html');
  await popup.getByTestId('popup-root').waitFor();
  const switcher = popup.getByTestId('company-switcher');
  if ((await switcher.count()) && (await switcher.inputValue()) !== COMPANY) await switcher.selectOption(COMPANY);
  return popup;
}

/** The rows of one direction in the popup, as "title · name" texts. */
async function rowsIn(popup: Page, direction: 'export' | 'import'): Promise<string[]> {
  return popup
    .getByTestId(`section-${direction}`)
    .getByTestId('wizard-row')
    .evaluateAll((rows) => rows.map((row) => (row.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

/** The QuickBooks id the connector got for a job-app record (from the success log). */
async function qbIdOf(entityType: string, localId: string): Promise<string> {
  const log = await world.api('GET', `/companies/${COMPANY}/log?status=success&limit=500`);
  const entry = (log.json.items as { entityType: string; localId: string; qbId: string }[]).find((e) => e.entityType === entityType && e.localId === localId);
  if (!entry) throw new Error(`no successful sync of ${entityType} ${localId}: ${log.text.slice(0, 500)}`);
  return entry.qbId;
}

const chipOn = (page: Page) => page.getByTestId('synclens-chip');
async function chipStatus(page: Page): Promise<string | null> {
  return (await chipOn(page).count()) ? chipOn(page).getAttribute('data-status') : null;
}

beforeAll(async () => {
  world = await startQboWorld({
    realms: [REALM, OTHER_REALM],
    emulator: { latencyMs: 0, extraRoutes: (app, state) => mountWebApp(app, state) },
  });
  const connected = await world.connect();
  if (connected.status !== 200) throw new Error(`connecting the company failed: ${connected.status} ${connected.text}`);
  extensionDir = await buildExtension({
    apiUrl: world.server.url,
    apiToken: TOKEN,
    outDir: tempDir('synclens-ext-'),
    demoQboOrigin: world.emulator.url,
  });
  session = await launchExtension(extensionDir);
});

afterAll(async () => {
  await session?.close();
  await world?.close();
  removeTempDirs();
});

describe('QuickBooks Online, end to end through the emulator', () => {
  it('the demo build adds exactly the emulator’s origin (with its port) to where the overlay runs', () => {
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
      content_scripts: { matches: string[] }[];
      web_accessible_resources: { matches: string[] }[];
      host_permissions: string[];
    };
    const expected = ['https://*.qbo.intuit.com/*', `${world.emulator.url}/*`].sort();
    expect(manifest.content_scripts.map((s) => [...s.matches].sort())).toEqual([expected]);
    // The overlay fetches its stylesheet from the extension: the page's origin must be allowed to.
    expect(manifest.web_accessible_resources.map((r) => [...r.matches].sort())).toEqual([expected]);
    expect(manifest.host_permissions).toContain(`${world.emulator.url}/*`);
  });

  it('the job app’s new customer, item and invoice wait in the popup’s Export list', async () => {
    for (const [type, localId, record] of [
      ['Customer', 'c-7', { displayName: 'Maple Street HOA', email: 'board@maple.example' }],
      ['Item', 'i-7', { name: 'Crown thinning', kind: 'Service', unitPrice: 180 }],
      ['Invoice', 'inv-7', { customerId: 'c-7', docNumber: 'J-1042', txnDate: TODAY, memo: 'Two oaks by the gate', lines: [{ itemId: 'i-7', description: 'Crown thinning, two oaks', quantity: 2, unitPrice: 180, amount: 360 }] }],
    ] as const) {
      const reply = await world.ingest(type, localId, record);
      expect(reply.status, reply.text).toBeLessThan(300);
    }
    const popup = await openPopup();
    const rows = await eventually(() => rowsIn(popup, 'export'), (r) => r.length === 3, 'three rows to export');
    expect(rows.join('\n')).toMatch(/Maple Street HOA/);
    expect(rows.join('\n')).toMatch(/Crown thinning/);
    expect(rows.join('\n')).toMatch(/J-1042/);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.screenshot({ path: screenshotPath('qbo-e2e-popup-export.png') });
    await popup.close();
  });

  it('approved in the popup and sent by the connector, the invoice is in QuickBooks', async () => {
    const popup = await openPopup();
    await eventually(() => rowsIn(popup, 'export'), (r) => r.length === 3, 'three rows to export');
    await popup.getByTestId('approve-checked').click();
    await eventually(() => popup.getByTestId('approve-result').textContent(), (t) => !!t && /3\b/.test(t), 'the popup to confirm three approved');
    await popup.close();

    const run = await world.run();
    expect(run.status, run.text).toBe(200);
    expect(run.json).toMatchObject({ succeeded: 3, failed: 0 });
    qbIds = { customer: await qbIdOf('Customer', 'c-7'), item: await qbIdOf('Item', 'i-7'), invoice: await qbIdOf('Invoice', 'inv-7') };

    const held = await world.admin('GET', `/realms/${REALM}/invoice/${qbIds.invoice}`);
    expect(held.status, held.text).toBe(200);
    expect(held.json.Invoice).toMatchObject({ DocNumber: 'J-1042', TotalAmt: 360, CustomerRef: { value: qbIds.customer } });
    expect(held.json.Invoice.Line[0].SalesItemLineDetail.ItemRef.value).toBe(qbIds.item);
  });

  it('a job-app change waiting for approval marks the invoice’s row on the emulator’s list, until it is approved and sent', async () => {
    const edited = await world.ingest('Invoice', 'inv-7', {
      customerId: 'c-7', docNumber: 'J-1042', txnDate: TODAY, memo: 'Two oaks by the gate; bring the lift',
      lines: [{ itemId: 'i-7', description: 'Crown thinning, two oaks', quantity: 2, unitPrice: 180, amount: 360 }],
    });
    expect(edited.status, edited.text).toBeLessThan(300);
    const page = await session.context.newPage();
    await page.goto(`${world.emulator.url}/app/invoices`);
    const marker = page.locator(`a[href="/app/invoice?txnId=${qbIds.invoice}"] + [data-testid="row-marker"]`);
    await eventually(() => marker.count(), (n) => n === 1, 'a marker beside the invoice’s row');
    expect(await marker.getAttribute('data-status')).toBe('awaiting-approval');
    expect(await page.getByTestId('row-marker').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('qbo-e2e-invoice-list.png') });
    await page.close();

    // Approved in the popup (the extension then forgets the statuses it had cached) and sent.
    const popup = await openPopup();
    await eventually(() => rowsIn(popup, 'export'), (r) => r.length === 1, 'the change in the Export list');
    await popup.getByTestId('approve-checked').click();
    await popup.getByTestId('approve-result').waitFor();
    await popup.close();
    const run = await world.run();
    expect(run.json, run.text).toMatchObject({ succeeded: 1, failed: 0 });
    expect((await world.admin('GET', `/realms/${REALM}/invoice/${qbIds.invoice}`)).json.Invoice.PrivateNote).toBe('Two oaks by the gate; bring the lift');
  });

  it('the invoice’s page in the emulator’s web app shows the chip “synced” for the followed company', async () => {
    const page = await session.context.newPage();
    await page.goto(`${world.emulator.url}/app/invoice?txnId=${qbIds.invoice}`);
    expect(await page.getByTestId('emulator-banner').textContent()).toContain('not Intuit');
    await eventually(() => chipStatus(page), (s) => s === 'synced', 'the chip to say synced');
    expect(await chipOn(page).textContent()).toContain('Bright Lawn');
    const chipCss = await page.evaluate(() => document.querySelector('synclens-chip')?.shadowRoot?.querySelector('style')?.textContent?.length ?? 0);
    expect(chipCss, 'the chip’s stylesheet loaded').toBeGreaterThan(100);
    await page.screenshot({ path: screenshotPath('qbo-e2e-invoice-chip.png') });

    // A plain link is a full page load: the content script runs again on the customer's page.
    await page.locator('main').getByRole('link', { name: 'Maple Street HOA' }).first().click();
    await page.waitForURL(/\/app\/customerdetail\?nameId=/);
    await eventually(() => chipStatus(page), (s) => s === 'synced', 'the customer’s chip to say synced');
    await page.close();
  });

  it('the company QuickBooks shows decides: after switching to a company SyncLens does not follow, no chip', async () => {
    const page = await session.context.newPage();
    await page.goto(`${world.emulator.url}/app/invoices`);
    await page.getByTestId('company-switcher').locator('select').selectOption(OTHER_REALM);
    await page.getByTestId('company-switcher').getByRole('button', { name: 'Switch' }).click();
    await page.waitForURL(/\/app\/invoices$/);
    // Same id, other company: the background reads the realm cookie and shows nothing.
    await page.goto(`${world.emulator.url}/app/invoice?txnId=${qbIds.invoice}`);
    await page.waitForTimeout(1500);
    expect(await chipOn(page).count()).toBe(0);
    await page.goto(`${world.emulator.url}/app/switchCompany?companyId=${REALM}&navigationURL=${encodeURIComponent(`invoice?txnId=${qbIds.invoice}`)}`);
    await eventually(() => chipStatus(page), (s) => s === 'synced', 'the chip back after switching back');
    await page.close();
  });

  it('a change made in QuickBooks arrives by webhook and waits in the popup’s Import list', async () => {
    const changed = await world.admin('PATCH', `/realms/${REALM}/invoice/${qbIds.invoice}`, { PrivateNote: 'Gate code 4471; dog in the yard' });
    expect(changed.status, changed.text).toBe(200);

    const popup = await openPopup();
    const rows = await eventually(
      async () => {
        await popup.getByTestId('refresh').click();
        await popup.waitForTimeout(300);
        return rowsIn(popup, 'import');
      },
      (r) => r.some((text) => text.includes('J-1042')),
      'the changed invoice in the Import list',
    );
    expect(rows).toHaveLength(1);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.screenshot({ path: screenshotPath('qbo-e2e-popup-import.png') });
    await popup.close();

    // The emulator's page shows QuickBooks' new copy (a picture of the chip beside it, for review).
    const page = await session.context.newPage();
    await page.goto(`${world.emulator.url}/app/invoice?txnId=${qbIds.invoice}`);
    expect(await page.locator('main').textContent()).toContain('Gate code 4471');
    await eventually(() => chipStatus(page), (s) => s !== null && s !== 'unknown', 'the chip to settle');
    await page.screenshot({ path: screenshotPath('qbo-e2e-invoice-changed.png') });
    await page.close();
  });

});
