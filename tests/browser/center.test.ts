/**
 * The Sync Center in a real Chromium: the built extension, the reference server loaded with a
 * fixture, and the page opened as a tab (chrome-extension://<id>/sidepanel.html). Actions are
 * checked on the server's side; accessibility with axe-core in light and dark.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnsyncedPage } from '../../lib/api/schema';
import { startServer, type RunningServer } from '../../server/app';
import { bulkCenterFixture, centerFixture, LOG_SUCCESS_COUNT } from './fixtures/center-fixture';
import { buildFor, eventually, launchExtension, removeTempDirs, screenshotPath, tempDir, type ExtensionSession } from './harness';

const TOKEN = 'center-test-token';
let server: RunningServer;
let session: ExtensionSession;
let page: Page;
const bulkRequests: string[] = [];

declare const axe: { run(context?: unknown, options?: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };

async function serverUnsynced() {
  const res = await fetch(`${server.url}/api/v1/companies/evergreen/unsynced?limit=500`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return ((await res.json()) as UnsyncedPage).items;
}

const rows = () => page.getByTestId('unsynced-row');
const rowIds = () => rows().evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.unsyncedId!));

/** Row actions that do not fit their cell (the narrow layout must never need to scroll them). */
function overflowingActions(p: Page) {
  return p
    .locator('[data-testid="unsynced-row"] .ucell--actions')
    .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.closest<HTMLElement>('[data-unsynced-id]')!.dataset.unsyncedId));
}

async function narrowScreenshot(p: Page, name: string) {
  await p.setViewportSize({ width: 400, height: 800 });
  await p.getByTestId('unsynced-row').first().waitFor();
  const heights = await p.getByTestId('unsynced-row').evaluateAll((els) => [...new Set(els.map((e) => e.getBoundingClientRect().height))]);
  await p.screenshot({ path: screenshotPath(name) });
  expect(heights).toEqual([88]); // NARROW_ROW_HEIGHT: the windowing depends on it
  expect(await overflowingActions(p)).toEqual([]);
}

async function axeViolations(p: Page = page) {
  const result = await p.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  const fixture = join(tempDir('synclens-center-'), 'fixture.json');
  writeFileSync(fixture, JSON.stringify(centerFixture));
  server = await startServer({ port: 0, db: ':memory:', token: TOKEN, seed: fixture });
  const ext = await buildFor(server.url, TOKEN);
  // Extension pages forbid inline scripts and eval: axe is loaded as a file of the extension.
  copyFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), join(ext, 'axe.min.js'));
  session = await launchExtension(ext);
  session.context.on('request', (request) => {
    if (request.method() === 'POST' && /\/unsynced\/resync$/.test(new URL(request.url()).pathname)) bulkRequests.push(request.url());
  });
  page = await session.openPage('sidepanel.html#tab=unsynced&company=evergreen');
  await page.getByTestId('center-root').waitFor();
  await eventually(async () => rows().count(), (n) => n === 30, 'the 30 unsynced rows');
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  removeTempDirs();
});

describe('Sync Center (real browser)', () => {
  it('lists every unsynced entity with counts per kind of problem; screenshot', async () => {
    expect(await page.getByTestId('category-counts').innerText()).toMatch(/24 duplicates/);
    expect(await page.getByTestId('category-counts').innerText()).toMatch(/4 deleted in QuickBooks/);
    await page.setViewportSize({ width: 1280, height: 760 });
    await page.screenshot({ path: screenshotPath('sync-center.png') });
    await narrowScreenshot(page, 'sync-center-narrow.png');
    await page.setViewportSize({ width: 1000, height: 800 });
  });

  it('filters by code', async () => {
    await page.getByTestId('filter-code').selectOption('6140');
    await eventually(rowIds, (ids) => ids.length === 2 && ids.every((id) => id.startsWith('cu-6140-')), 'only the 6140 rows');
    await page.getByTestId('filter-code').selectOption('');
    await eventually(async () => rows().count(), (n) => n === 30, 'all rows again');
  });

  it('bulk-resyncs 20 rows in one request and the server queues exactly those', async () => {
    await page.getByTestId('filter-code').selectOption('6240');
    await eventually(async () => rows().count(), (n) => n === 22, 'the 22 rows of 6240');
    const chosen = (await rowIds()).slice(0, 20);
    for (const id of chosen) await page.locator(`[data-unsynced-id="${id}"] [data-testid="row-select"]`).check();
    await page.getByTestId('bulk-resync').click();
    await page.getByTestId('bulk-result').waitFor();
    expect(await page.getByTestId('bulk-result').innerText()).toBe('20 queued');
    expect(bulkRequests).toHaveLength(1);
    const onServer = await serverUnsynced();
    const queued = onServer.filter((u) => u.state === 'resync-queued').map((u) => u.id).sort();
    expect(queued).toEqual([...chosen].sort());
    for (const id of chosen) expect(await page.locator(`[data-unsynced-id="${id}"]`).getAttribute('data-state')).toBe('resync-queued');
    await page.getByTestId('filter-code').selectOption('');
  });

  it('Clear ID asks first, then unlinks the record on the server', async () => {
    const id = 'cu-610-30';
    const row = page.locator(`[data-unsynced-id="${id}"]`);
    await row.getByTestId('row-clear-id').click();
    const confirm = page.getByTestId('clear-id-confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toMatch(/creates a\s+new\s+QuickBooks record/);
    expect((await serverUnsynced()).find((u) => u.id === id)!.qbId).toBe('2030');
    await confirm.getByTestId('confirm-clear-id').click();
    await eventually(async () => (await serverUnsynced()).find((u) => u.id === id)!.qbId, (q) => q === null, 'the server to clear the id');
    await eventually(() => row.getByTestId('row-state').innerText(), (t) => t === 'ID cleared', 'the row to say the id is cleared');
  });

  it('Explain shows the catalog explanation under the row', async () => {
    const row = page.locator('[data-unsynced-id="cu-6210-50"]');
    await row.getByTestId('row-explain').click();
    const explanation = page.getByTestId('row-explanation');
    await explanation.waitFor();
    expect(await explanation.innerText()).toContain('6210');
    await row.getByTestId('row-explain').click();
    expect(await page.getByTestId('row-explanation').count()).toBe(0);
  });

  it('no accessibility violations on the Unsynced tab, light and dark', async () => {
    await page.addScriptTag({ url: `chrome-extension://${session.extensionId}/axe.min.js` });
    expect(await axeViolations()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    // The side panel's width: rows collapse to three lines.
    await page.setViewportSize({ width: 400, height: 800 });
    expect(await axeViolations()).toEqual([]);
    await page.setViewportSize({ width: 1000, height: 800 });
  });

  it('sync log: status tabs with counts, and a second page', async () => {
    await page.getByTestId('tab-log').click();
    await page.getByTestId('log-tab-success').click();
    await eventually(() => page.getByTestId('log-tab-success').innerText(), (t) => t.includes(String(LOG_SUCCESS_COUNT)), 'the success count');
    await eventually(async () => page.getByTestId('log-row').count(), (n) => n === 50, 'the first page');
    await page.getByTestId('log-load-more').click();
    await eventually(async () => page.getByTestId('log-row').count(), (n) => n === LOG_SUCCESS_COUNT, 'the second page');
    expect(await page.getByTestId('log-load-more').count()).toBe(0);
    // 3 Pending entries from the fixture plus the 20 the bulk Resync queued.
    expect(await page.getByTestId('log-tab-pending').innerText()).toMatch(/Pending\s*23$/);
    await page.getByTestId('log-tab-failed').click();
    await eventually(async () => page.getByTestId('log-row').count(), (n) => n === 4, 'the failed entries');
    expect(await axeViolations()).toEqual([]);
  });

  it('connector cards: the stale Web Connector is explained', async () => {
    await page.getByTestId('tab-connector').click();
    const cards = page.getByTestId('connector-card');
    await eventually(() => cards.count(), (n) => n === 2, 'two connector cards');
    const cedar = page.locator('[data-testid="connector-card"][data-company-id="cedar"]');
    expect(await cedar.getAttribute('data-state')).toBe('stale');
    expect(await cedar.getByTestId('connector-action').innerText()).toContain('Update Selected');
    expect(await page.locator('[data-testid="connector-card"][data-company-id="evergreen"]').getAttribute('data-state')).toBe('ok');
    expect(await axeViolations()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('tabs work from the keyboard', async () => {
    await page.getByTestId('tab-connector').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('tab-history').getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('history-chart').or(page.getByText('No history yet')).first().waitFor();
    await page.keyboard.press('Home');
    expect(await page.getByTestId('tab-unsynced').getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tab-unsynced');
  });
});

describe('Sync Center keyboard and narrow layout, 300 rows, in Spanish (real browser)', () => {
  let bigServer: RunningServer;
  let es: ExtensionSession;
  let esPage: Page;
  const focused = () =>
    esPage.evaluate(() => {
      const row = document.activeElement?.closest<HTMLElement>('[data-testid="unsynced-row"]');
      return row ? { id: row.dataset.unsyncedId!, rowIndex: Number(row.getAttribute('aria-rowindex')), isRow: row === document.activeElement } : null;
    });

  beforeAll(async () => {
    const fixture = join(tempDir('synclens-center-big-'), 'fixture.json');
    writeFileSync(fixture, JSON.stringify(bulkCenterFixture(300, 0)));
    bigServer = await startServer({ port: 0, db: ':memory:', token: TOKEN, seed: fixture });
    const ext = await buildFor(bigServer.url, TOKEN);
    copyFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), join(ext, 'axe.min.js'));
    es = await launchExtension(ext, ['--lang=es']);
    esPage = await es.openPage('sidepanel.html#tab=unsynced&company=evergreen');
    await esPage.getByTestId('center-root').waitFor();
    await eventually(() => esPage.getByTestId('shown-count').innerText(), (t) => t.includes('300'), 'the 300 rows');
  });

  afterAll(async () => {
    await es?.close();
    await bigServer?.close();
  });

  it('the arrow keys walk past the first window; Home, End, Enter and Space work on the focused row', async () => {
    const first = await esPage.getByTestId('unsynced-row').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.unsyncedId!));
    expect(first.length).toBeLessThan(300);
    // One tab stop in the table: Tab from the select-all checkbox's column leads into it.
    expect(await esPage.locator('[data-testid="unsynced-row"][tabindex="0"]').count()).toBe(1);
    await esPage.locator('[data-testid="unsynced-row"][tabindex="0"]').focus();
    const steps = first.length + 10;
    for (let i = 0; i < steps; i++) await esPage.keyboard.press('ArrowDown');
    const walked = await focused();
    expect(walked).toMatchObject({ rowIndex: steps + 2, isRow: true });
    expect(first).not.toContain(walked!.id);
    // The focused row is inside the scroll box's visible part.
    const inView = await esPage.evaluate(() => {
      const row = document.activeElement!.getBoundingClientRect();
      const box = document.querySelector('[data-testid="unsynced-scroller"]')!.getBoundingClientRect();
      return row.top >= box.top - 1 && row.bottom <= box.bottom + 1;
    });
    expect(inView).toBe(true);

    await esPage.keyboard.press('End');
    expect(await focused()).toMatchObject({ rowIndex: 301, isRow: true });
    await esPage.keyboard.press('Home');
    expect(await focused()).toMatchObject({ rowIndex: 2, isRow: true });
    await esPage.keyboard.press('PageDown');
    expect((await focused())!.rowIndex).toBeGreaterThan(3);

    const id = (await focused())!.id;
    const row = esPage.locator(`[data-unsynced-id="${id}"]`);
    await esPage.keyboard.press('Space');
    expect(await row.getByTestId('row-select').isChecked()).toBe(true);
    await esPage.keyboard.press('Enter');
    await esPage.getByTestId('row-explanation').waitFor();
    expect(await row.getByTestId('row-explain').getAttribute('aria-expanded')).toBe('true');
    await esPage.keyboard.press('Enter');
    expect(await esPage.getByTestId('row-explanation').count()).toBe(0);
    await esPage.keyboard.press('Space');
    expect(await row.getByTestId('row-select').isChecked()).toBe(false);
    // Tab leaves the row for its own controls, the first being its checkbox.
    await esPage.keyboard.press('Tab');
    expect(await esPage.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('row-select');
  });

  it('at 400 px in Spanish the row actions fit, the links are icons with their full names; screenshot', async () => {
    await narrowScreenshot(esPage, 'sync-center-narrow-es.png');
    const row = esPage.getByTestId('unsynced-row').first();
    expect(await row.getByTestId('row-resync').innerText()).toBe('Volver a sincronizar');
    for (const testId of ['row-open-qbo', 'row-open-local']) {
      const link = row.getByTestId(testId);
      expect(await link.locator('svg').count()).toBe(1);
      expect((await link.boundingBox())!.width).toBeLessThanOrEqual(32);
      expect(await link.getAttribute('title')).toMatch(/\S{3}/);
      expect(await link.evaluate((a) => a.textContent!.trim())).toMatch(/\S{3}/); // the screen-reader name
    }
    await esPage.addScriptTag({ url: `chrome-extension://${es.extensionId}/axe.min.js` });
    expect(await axeViolations(esPage)).toEqual([]);
    await esPage.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(esPage)).toEqual([]);
    await esPage.emulateMedia({ colorScheme: 'light' });
  });
});
