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
/** One row with a name too long for any column (and a code whose catalog title is long). */
const LONG_NAME = 'Greenfield Municipal Parks & Recreation Department — North District Maintenance Yard';
const longRow = { ...centerFixture.unsynced[0]!, id: 'cu-long', localId: 'job-long', name: LONG_NAME, docNumber: null, errorCode: '6000', errorMessage: 'Business Validation Error: the transaction could not be saved.' };
const ROWS = centerFixture.unsynced.length + 1;
let server: RunningServer;
let session: ExtensionSession;
let page: Page;
const bulkRequests: string[] = [];

declare const axe: {
  run(context?: unknown, options?: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; any: { message: string }[] }[] }[] }>;
};

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
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')}${n.any[0] ? ` (${n.any[0].message})` : ''}`).join(', ')}`);
}

/** axe in light and in dark mode (prefers-color-scheme), back to light after. */
async function axeBothSchemes(what: string, p: Page = page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await p.emulateMedia({ colorScheme });
    expect(await axeViolations(p), `${what}, ${colorScheme}`).toEqual([]);
  }
  await p.emulateMedia({ colorScheme: 'light' });
}

/** Text of ours that a person should never read: addresses and the browser's network words. */
const TECHNICAL = /https?:\/\/|127\.0\.0\.1|Failed to fetch|ECONNREFUSED|TypeError/;

/** Each tab's box, and whether it is inside the viewport and really on top at its centre. */
function tabPlacement(p: Page) {
  return p.getByRole('tab').evaluateAll((tabs) =>
    tabs.map((tab) => {
      const r = tab.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return {
        id: tab.getAttribute('data-testid'),
        inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5 && r.width > 0,
        onTop: top !== null && tab.contains(top),
        clipped: tab.scrollWidth > tab.clientWidth + 1,
      };
    }),
  );
}

beforeAll(async () => {
  const fixture = join(tempDir('synclens-center-'), 'fixture.json');
  writeFileSync(fixture, JSON.stringify({ ...centerFixture, unsynced: [...centerFixture.unsynced, longRow] }));
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
  await eventually(async () => rows().count(), (n) => n === ROWS, 'every unsynced row');
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
    await eventually(async () => rows().count(), (n) => n === ROWS, 'all rows again');
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

  it('no accessibility violations on the Unsynced tab, light and dark, with an explanation or the Clear ID confirmation open', async () => {
    await page.addScriptTag({ url: `chrome-extension://${session.extensionId}/axe.min.js` });
    await axeBothSchemes('the list');
    for (const width of [1000, 400]) {
      // 400 px is the side panel's width: rows collapse to three lines.
      await page.setViewportSize({ width, height: 800 });
      const explained = page.locator('[data-unsynced-id="cu-6210-50"]');
      await explained.getByTestId('row-explain').click();
      await page.getByTestId('row-explanation').scrollIntoViewIfNeeded();
      // The error-code badge on its own tint is the smallest coloured text of the explanation.
      await axeBothSchemes(`an explanation open at ${width} px`);
      await explained.getByTestId('row-explain').click();
      const linked = page.locator('[data-unsynced-id="cu-610-31"]');
      await linked.getByTestId('row-clear-id').click();
      await page.getByTestId('clear-id-confirm').scrollIntoViewIfNeeded();
      await axeBothSchemes(`the Clear ID confirmation open at ${width} px`);
      await page.getByTestId('cancel-clear-id').click();
      expect(await page.getByTestId('clear-id-confirm').count()).toBe(0);
    }
    await page.setViewportSize({ width: 1000, height: 800 });
  });

  it('at 1280 px names and catalog titles are not cut off while the message has room; the full text shows on hover and keyboard focus', async () => {
    await page.setViewportSize({ width: 1280, height: 760 });
    await page.getByTestId('unsynced-scroller').evaluate((el) => el.scrollTo(0, 0));
    const cutOff = await page
      .locator('[data-testid="unsynced-row"]:not([data-unsynced-id="cu-long"])')
      .evaluateAll((els) =>
        els.flatMap((row) =>
          [...row.querySelectorAll<HTMLElement>('[data-testid="row-name"], [data-testid="row-code-title"]')]
            .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
            .map((e) => e.textContent),
        ),
      );
    expect(cutOff).toEqual([]);

    const row = page.locator('[data-unsynced-id="cu-long"]');
    const name = row.getByTestId('row-name');
    // Hover: the browser's tooltip holds the full name and the full catalog title.
    expect(await name.getAttribute('title')).toBe(LONG_NAME);
    expect(await row.getByTestId('row-code-title').getAttribute('title')).toMatch(/\S{4}/);
    const shown = () =>
      name.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
        return {
          whole: el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1,
          inside: r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight,
          onTop: top !== null && el.contains(top),
        };
      });
    expect((await shown()).whole).toBe(false); // too long for any column: cut off until focused
    // Keyboard focus (the row holds the table's tab stop) shows the whole name.
    await row.focus();
    expect(await shown()).toEqual({ whole: true, inside: true, onTop: true });
    // So does focus on one of the row's controls reached with the keyboard.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('row-select');
    expect(await shown()).toEqual({ whole: true, inside: true, onTop: true });
    await page.screenshot({ path: screenshotPath('sync-center-long-name.png') });
    await page.setViewportSize({ width: 1000, height: 800 });
  });

  it('sync log: status tabs with counts, and a second page', async () => {
    await page.getByTestId('tab-log').click();
    await page.getByTestId('log-tab-success').click();
    await eventually(() => page.getByTestId('log-tab-success').innerText(), (t) => t.includes(String(LOG_SUCCESS_COUNT)), 'the success count');
    await eventually(async () => page.getByTestId('log-row').count(), (n) => n === 50, 'the first page');
    // A click without scrolling: scrolled into view, the list's end loads the next page by itself
    // (and the button goes away mid-click).
    await page.getByTestId('log-load-more').dispatchEvent('click');
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

  it('history with one day says that it builds up day by day, not an empty chart of "1 days"', async () => {
    await page.getByTestId('tab-history').click();
    const note = page.getByTestId('history-building');
    await note.waitFor();
    expect(await note.innerText()).toMatch(/History builds up day by day: 1 day so far/);
    expect(await page.getByTestId('center-root').innerText()).not.toMatch(/\b1 days\b/);
    expect(await page.locator('.history__svg').count()).toBe(0);
    // The day's numbers are there in words.
    expect(await page.getByTestId('history-today').innerText()).toMatch(/Unsynced\s*\d+/);
    await axeBothSchemes('the History tab with one day');
  });

  it('tabs work from the keyboard', async () => {
    await page.getByTestId('tab-connector').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('tab-history').getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('history-chart').or(page.getByTestId('history-building')).first().waitFor();
    await page.keyboard.press('Home');
    expect(await page.getByTestId('tab-unsynced').getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tab-unsynced');
  });

  it('with the sync service down: one clear message, no address, no red line repeating it', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    await page.getByTestId('tab-unsynced').click();
    await server.close();
    await page.getByTestId('refresh').click();
    await page.getByTestId('state-offline').waitFor();
    // The refresh and the lists it reloads have all answered.
    await eventually(() => page.getByTestId('unsynced-tab').getAttribute('aria-busy'), (b) => b === 'false', 'the lists to settle');
    await eventually(() => page.getByTestId('refresh').isEnabled(), (on) => on, 'the refresh to finish');
    const text = await page.getByTestId('center-root').innerText();
    expect(text).not.toMatch(TECHNICAL);
    expect(text).toMatch(/Can't reach the sync service/);
    // The banner says it once; the cached rows stay, with no error line under the banner.
    expect(await page.getByTestId('unsynced-error').count()).toBe(0);
    expect(await page.locator('.inline-error, [role="alert"]').count()).toBe(0);
    expect(await rows().count()).toBe(ROWS);
    await page.screenshot({ path: screenshotPath('sync-center-offline.png') });
    // The sync log is never cached: another status says when it will appear, without the address,
    // and never leaves the entries of the status shown before under the new one.
    await page.getByTestId('tab-log').click();
    await page.getByTestId('log-tab-pending').click();
    await page.getByTestId('log-waiting').waitFor();
    expect(await page.getByTestId('log-row').count()).toBe(0);
    expect(await page.getByTestId('center-root').innerText()).not.toMatch(TECHNICAL);
    expect(await page.locator('.inline-error, [role="alert"]').count()).toBe(0);
    await page.getByTestId('tab-unsynced').click();
    await page.setViewportSize({ width: 1000, height: 800 });
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

  it('at 400 px in Spanish all four tabs are inside the panel, visible and whole', async () => {
    await esPage.setViewportSize({ width: 400, height: 800 });
    const placement = await tabPlacement(esPage);
    expect(placement.map((p) => p.id)).toEqual(['tab-unsynced', 'tab-log', 'tab-connector', 'tab-history']);
    for (const p of placement) expect(p, p.id!).toMatchObject({ inside: true, onTop: true, clipped: false });
    // And still one line of tabs in a wide tab.
    await esPage.setViewportSize({ width: 1000, height: 800 });
    const tops = await esPage.getByRole('tab').evaluateAll((tabs) => new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top))).size);
    expect(tops).toBe(1);
    await esPage.setViewportSize({ width: 400, height: 800 });
    await esPage.getByTestId('tab-history').click();
    await esPage.getByTestId('history-building').waitFor();
    const note = await esPage.getByTestId('history-building').innerText();
    expect(note).toMatch(/día a día: 1 día hasta ahora/);
    expect(await esPage.getByTestId('center-root').innerText()).not.toMatch(/\b1 días\b/);
    await esPage.screenshot({ path: screenshotPath('sync-center-history-es.png') });
    await esPage.getByTestId('tab-unsynced').click();
  });

  it('at 1280 and 1000 px in Spanish the row actions and the column headings fit', async () => {
    // The columns are measured once the wide layout applies (after the media query changes).
    for (const width of [1280, 1000]) {
      await esPage.setViewportSize({ width, height: 800 });
      await esPage.getByTestId('unsynced-row').first().waitFor();
      await eventually(() => overflowingActions(esPage), (ids) => ids.length === 0, `the actions to fit at ${width} px`, 5_000);
      const headers = await esPage.locator('.urow--head [role="columnheader"]').evaluateAll((cells) =>
        cells.filter((c) => c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1).map((c) => c.textContent),
      );
      expect(headers, `${width} px`).toEqual([]);
    }
    // At 1000 px the Spanish actions take two lines inside the row.
    const tall = await esPage.locator('[data-testid="unsynced-row"] .ucell--actions').evaluateAll((cells) =>
      cells.filter((c) => c.scrollHeight > c.closest<HTMLElement>('[role="row"]')!.clientHeight).length,
    );
    expect(tall).toBe(0);
    await esPage.screenshot({ path: screenshotPath('sync-center-medium-es.png') });
  });
});
