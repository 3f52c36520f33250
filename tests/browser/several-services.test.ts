/**
 * Several sync services in a real Chromium with the built extension: two reference servers with
 * the same company ids (the demo and its second business). The second service is added through
 * the options page as a user would; the badge sums both, the Sync Center groups by service and
 * acts on the right server, and a service that goes down is named while the other keeps working.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary, UnsyncedPage } from '../../lib/api/schema';
import { startServer, type RunningServer } from '../../server/app';
import { buildFor, eventually, launchExtension, removeTempDirs, screenshotPath, type ExtensionSession } from './harness';

declare const axe: { run(context?: unknown, options?: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };

const TOKEN_A = 'first-service-token';
const TOKEN_B = 'second-service-token';
let a: RunningServer;
let b: RunningServer;
let session: ExtensionSession;
let secondId = '';

async function api<T>(server: RunningServer, token: string, path: string): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}`);
  return (await res.json()) as T;
}
const waiting = async (server: RunningServer, token: string) => {
  const s = await api<Summary>(server, token, '/summary');
  return s.pendingApprovals.export + s.pendingApprovals.import;
};
async function axeViolations(p: Page) {
  await p.addScriptTag({ url: `chrome-extension://${session.extensionId}/axe.min.js` });
  const result = await p.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  [a, b] = await Promise.all([
    startServer({ port: 0, db: ':memory:', token: TOKEN_A, seed: 'demo' }),
    startServer({ port: 0, db: ':memory:', token: TOKEN_B, seed: 'demo-second' }),
  ]);
  const ext = await buildFor(a.url, TOKEN_A);
  copyFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), join(ext, 'axe.min.js'));
  session = await launchExtension(ext);
});

afterAll(async () => {
  await session?.close();
  await Promise.all([a?.close(), b?.close()]);
  removeTempDirs();
});

describe('several sync services (real browser)', () => {
  it('adds a second service in the options page; the badge then sums both', async () => {
    const onlyA = await waiting(a, TOKEN_A);
    await eventually(() => session.badgeText(), (t) => t === String(onlyA), 'the first service\'s count');

    const page = await session.openPage('options.html');
    await page.getByTestId('connection-card').first().waitFor();
    expect(await page.getByTestId('connection-card').count()).toBe(1);
    await page.getByTestId('add-connection').click();
    const card = page.getByTestId('connection-card').nth(1);
    // The new card's address field has the focus, ready to type.
    expect(await card.getByTestId('settings-api-url').evaluate((el) => el === document.activeElement)).toBe(true);
    await card.getByTestId('settings-name').fill('Oak Hill books');
    await card.getByTestId('settings-api-url').fill(b.url);
    await card.getByTestId('settings-token').fill(TOKEN_B);
    await card.getByTestId('settings-test').click();
    await eventually(() => card.getByTestId('settings-company').count(), (n) => n === 2, 'the second service\'s two companies');
    expect(await card.innerText()).toContain('Oak Hill Arborists');
    secondId = (await card.getAttribute('data-connection-id'))!;
    expect(secondId).toMatch(/^s[0-9a-z]{6}$/);
    await page.getByTestId('settings-save').click();
    await eventually(() => page.getByTestId('settings-save-result').innerText(), (t) => /saved/i.test(t), 'the save confirmation');

    const both = onlyA + (await waiting(b, TOKEN_B));
    await eventually(() => session.badgeText(), (t) => t === String(both), 'the sum of both services');
    await page.setViewportSize({ width: 760, height: 1400 });
    await page.screenshot({ path: screenshotPath('options-services.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('the Sync Center groups companies by service and resyncs on the right server only', async () => {
    const key = `${secondId}~evergreen`;
    const page = await session.openPage(`sidepanel.html#tab=unsynced&company=${encodeURIComponent(key)}`);
    await page.getByTestId('center-root').waitFor();
    const groups = page.locator('[data-testid="filter-company"] optgroup');
    await eventually(() => groups.count(), (n) => n === 2, 'one group per service');
    const labels = await groups.evaluateAll((els) => els.map((el) => el.getAttribute('label')));
    expect(labels[1]).toBe('Oak Hill books');
    expect(await page.getByTestId('filter-company').inputValue()).toBe(key);

    const rows = page.getByTestId('unsynced-row');
    await eventually(() => rows.count(), (n) => n > 0, 'the second service\'s unsynced rows');
    const rowId = (await rows.first().getAttribute('data-unsynced-id'))!;
    expect(rowId.startsWith(`${secondId}~`)).toBe(true);
    const plainId = rowId.slice(secondId.length + 1);
    const stateOn = async (server: RunningServer, token: string) =>
      (await api<UnsyncedPage>(server, token, '/companies/evergreen/unsynced?limit=500')).items.find((u) => u.id === plainId)?.state;
    const before = await stateOn(a, TOKEN_A);
    await rows.first().getByTestId('row-resync').click();
    await eventually(() => stateOn(b, TOKEN_B), (s) => s === 'resync-queued', 'the second server to queue the resync');
    expect(await stateOn(a, TOKEN_A)).toBe(before); // same id on the first server: untouched

    await page.setViewportSize({ width: 1100, height: 760 });
    await page.screenshot({ path: screenshotPath('sync-center-services.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('the popup offers the companies grouped by service and loads the chosen one\'s wizard', async () => {
    const page = await session.openPage('popup.html');
    await page.getByTestId('popup-root').waitFor();
    const groups = page.locator('[data-testid="company-switcher"] optgroup');
    await eventually(() => groups.count(), (n) => n === 2, 'one group per service in the switcher');
    const key = `${secondId}~evergreen`;
    // The first test resynced on this company, not approved: its wizard still holds every item.
    const expected = (await api<{ items: { id: string }[] }>(b, TOKEN_B, '/companies/evergreen/wizard?limit=500')).items.map((i) => i.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    await page.getByTestId('company-switcher').selectOption(key);
    const shown = () => page.getByTestId('wizard-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-item-id')!).sort());
    await eventually(shown, (ids) => JSON.stringify(ids) === JSON.stringify(expected), 'the second service\'s wizard rows');
    await page.screenshot({ path: screenshotPath('popup-services.png'), clip: { x: 0, y: 0, width: 380, height: 600 } });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('names a service that stops answering while the other keeps working', async () => {
    await b.close();
    const page = await session.openPage('sidepanel.html#tab=unsynced');
    await page.getByTestId('center-root').waitFor();
    const warning = page.locator(`[data-testid="service-warning"][data-connection-id="${secondId}"]`);
    // A poll already under way when the server stopped may still report it as up: each reload
    // asks the background for a fresh poll.
    await eventually(
      async () => {
        if ((await warning.count()) === 0) await page.reload();
        await page.getByTestId('center-root').waitFor();
        return warning.count();
      },
      (n) => n === 1,
      'a warning for the second service',
    );
    expect(await warning.innerText()).toContain('Oak Hill books');
    expect(await page.locator('[data-testid="service-warning"][data-connection-id="primary"]').count()).toBe(0);
    await eventually(() => session.badgeTitle(), (t) => t.includes('cannot reach Oak Hill books'), 'the badge tooltip naming it');
    // The Connector tab says it once under the service's heading, and its cards are the last known state.
    await page.getByTestId('tab-connector').click();
    const group = page.locator(`[data-testid="service-group"][data-connection-id="${secondId}"]`);
    await group.waitFor();
    expect(await page.locator('[data-testid="service-group"]').count()).toBe(2);
    expect(await page.getByTestId('service-warning').count()).toBe(0);
    expect(await group.getByTestId('service-status').innerText()).toContain('Oak Hill books');
    expect(await group.getByTestId('connector-last-known').count()).toBe(2);
    expect(await page.locator('[data-testid="service-group"][data-connection-id="primary"] [data-testid="connector-last-known"]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('sync-center-service-down.png') });
    await page.close();
  });
});
