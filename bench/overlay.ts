/**
 * The QuickBooks Online overlay's targets, in Chromium with the built extension and the QuickBooks
 * test double: content-script size, chip latency after a route change (cached and not), and list
 * markers for 100 rows from one request.
 *
 * The chip probe times from the moment the content script can observe the route change (the
 * Navigation API's `navigate` event, which WXT turns into `wxt:locationchange`; the event's own
 * timeStamp, taken before any listener runs) to the moment the chip's shadow DOM shows a known
 * status (a MutationObserver on the chip's shadow root, so it fires at the first microtask after
 * the change, not at a polling frame). The frame that then paints it is reported too. The
 * baseline is the page's own frame interval, measured in the same run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ALL_ENTRIES } from '../lib/errors/catalog/index';
import { startServer } from '../server/app';
import { buildFor, launchExtension, removeTempDirs, tempDir } from '../tests/browser/harness';
import { FRAME_INTERVAL, median, times, type BenchRow } from './report';

const TOKEN = 'bench-token';
const REALM = '9130357766542011';
const ROWS = 100;
const RUNS = 15;
const CONTENT_SCRIPT_BUDGET = 20 * 1024; // issue 13 (was 25 KB)

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const fixture = {
  companies: [{ id: 'evergreen', name: 'Evergreen Tree & Landscape', system: 'qbo', realmId: REALM }],
  links: Array.from({ length: ROWS }, (_, i) => ({
    companyId: 'evergreen', entityType: 'Invoice', qbId: String(2000 + i), localId: `job-${i}`, name: `Client ${i}`, lastSyncedAt: ago(30),
  })),
  // Half the rows wait for approval, so half the list gets a marker.
  wizard: Array.from({ length: ROWS / 2 }, (_, i) => ({
    id: `w-${i}`, companyId: 'evergreen', direction: 'export', entityType: 'Invoice', localId: `job-${i * 2}`, qbId: String(2000 + i * 2),
    name: `Client ${i * 2}`, change: 'update', detectedAt: ago(5),
  })),
};
const records = { invoices: fixture.links.map((l) => ({ id: l.qbId, number: l.qbId, name: l.name })), customers: [], bills: [] };

/**
 * Navigates client-side and resolves with { dom, painted }: ms from the navigate event's timeStamp
 * to the chip showing a known status in its shadow DOM, and to the frame after that (in-page clock).
 */
const CHIP_AFTER_NAVIGATION = (path: string) => `new Promise((resolve) => {
  let observed = null;
  const statusOf = () => {
    const host = document.querySelector('synclens-chip');
    return host && host.shadowRoot && host.shadowRoot.querySelector('[data-testid="synclens-chip"]')?.getAttribute('data-status');
  };
  const watched = new Set();
  const done = () => {
    const dom = performance.now() - observed;
    page.disconnect();
    shadow.disconnect();
    requestAnimationFrame(() => resolve({ dom, painted: performance.now() - observed }));
  };
  const check = () => {
    if (observed === null) return;
    const host = document.querySelector('synclens-chip');
    if (host && host.shadowRoot && !watched.has(host.shadowRoot)) {
      watched.add(host.shadowRoot);
      shadow.observe(host.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
    }
    const status = statusOf();
    if (status && status !== 'unknown') done();
  };
  const page = new MutationObserver(check);
  const shadow = new MutationObserver(check);
  page.observe(document, { subtree: true, childList: true });
  navigation.addEventListener('navigate', (event) => { observed = event.timeStamp; }, { once: true });
  window.fakeQboNavigate(${JSON.stringify(path)});
  check();
})`;

export async function benchOverlay(): Promise<BenchRow[]> {
  const dir = tempDir('synclens-bench-overlay-');
  writeFileSync(join(dir, 'fixture.json'), JSON.stringify(fixture));
  const server = await startServer({ port: 0, db: ':memory:', token: TOKEN, seed: join(dir, 'fixture.json') });
  const extension = await buildFor(server.url, TOKEN);
  const bundle = readFileSync(join(extension, 'content-scripts/qbo.js'));
  const gz = gzipSync(bundle, { level: 9 }).length;
  // The error catalog loads on demand in the background, never with the page's script.
  const bundleText = bundle.toString('utf8');
  const catalogLeaks = ALL_ENTRIES.filter((e) => e.meaning.length > 40 && bundleText.includes(e.meaning.slice(0, 40))).length;
  const session = await launchExtension(extension);
  const html = readFileSync(new URL('../tests/browser/fake-qbo/app.html', import.meta.url), 'utf8').replace(
    '<script>',
    `<script>window.FAKE_QBO = ${JSON.stringify(records)};</script>\n<script>`,
  );
  try {
    await session.context.route('https://qbo.intuit.com/**', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await session.context.addCookies([{ name: 'qbo.currentcompanyid', value: REALM, domain: '.qbo.intuit.com', path: '/', secure: true }]);
    const linkRequests: string[] = [];
    session.context.on('request', (r) => void (r.url().includes('/links?') && linkRequests.push(r.url())));
    const warm = await session.openPage('popup.html'); // first poll: the background learns the companies
    await warm.getByTestId('popup-root').waitFor();
    await warm.close();

    const page = await session.context.newPage();
    await page.goto('https://qbo.intuit.com/app/homepage');
    await page.waitForTimeout(500);

    // One API round trip from the browser, for the "not cached" budget.
    const roundTrips: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await fetch(`${server.url}/api/v1/companies/evergreen/links?entityType=Invoice&qbIds=${9000 + i}`, { headers: { authorization: `Bearer ${TOKEN}` } });
      roundTrips.push(performance.now() - t);
    }
    type Chip = { dom: number; painted: number };
    const toHomepage = async () => {
      await page.evaluate(`window.fakeQboNavigate('/app/homepage')`);
      await page.waitForFunction(() => !document.querySelector('synclens-chip'));
    };
    const uncached: Chip[] = [];
    const cached: Chip[] = [];
    const frames: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const id = 2000 + 2 * i + 1;
      frames.push((await page.evaluate(FRAME_INTERVAL)) as number);
      await toHomepage();
      uncached.push((await page.evaluate(CHIP_AFTER_NAVIGATION(`/app/invoice?txnId=${id}`))) as Chip);
      await toHomepage();
      cached.push((await page.evaluate(CHIP_AFTER_NAVIGATION(`/app/invoice?txnId=${id}`))) as Chip);
    }

    linkRequests.length = 0;
    const t = Date.now();
    await page.evaluate(`window.fakeQboNavigate('/app/invoices')`);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="row-marker"]').length === n, ROWS / 2);
    const markersMs = Date.now() - t;
    const markerRequests = linkRequests.length;

    const rtt = median(roundTrips);
    const frame = median(frames);
    const cachedDom = median(cached.map((c) => c.dom));
    const cachedPainted = median(cached.map((c) => c.painted));
    const uncachedDom = median(uncached.map((c) => c.dom));
    const uncachedPainted = median(uncached.map((c) => c.painted));
    const cachedRatio = cachedDom / frame;
    return [
      { key: 'content-script-gzip', name: 'Content-script bundle, gzipped', value: `${(gz / 1024).toFixed(1)} KB (${gz} bytes)`, figure: { value: gz, unit: 'bytes' },
        target: '≤ 20 KB', pass: gz <= CONTENT_SCRIPT_BUDGET },
      { name: 'Error catalog entries found in the content-script bundle', value: String(catalogLeaks), target: '0', pass: catalogLeaks === 0 },
      {
        key: 'chip-cached',
        name: `Chip after a route change, record cached: route change observed (navigate event) → chip shows its status in the DOM (median of ${RUNS}; painted at the next frame, ${cachedPainted.toFixed(1)} ms)`,
        value: `${cachedDom.toFixed(1)} ms`,
        baseline: `one frame of this page, measured in the same run: ${frame.toFixed(1)} ms`,
        ratio: cachedRatio,
        figure: { value: cachedRatio, unit: '×' },
        target: `≤ ${times(1)} (within one frame)`,
        pass: cachedRatio <= 1,
      },
      {
        key: 'chip-uncached',
        name: `Chip after a route change, not cached: same probe (median of ${RUNS}; painted at the next frame, ${uncachedPainted.toFixed(1)} ms)`,
        value: `${uncachedDom.toFixed(1)} ms`,
        baseline: `one API round trip from Node, same run (median of ${RUNS}): ${rtt.toFixed(1)} ms`,
        figure: { value: uncachedDom, unit: 'ms' },
        target: `≤ round trip + 50 ms = ${(rtt + 50).toFixed(0)} ms`,
        pass: uncachedDom <= rtt + 50,
      },
      { name: `Markers for ${ROWS} list rows`, value: `${markerRequests} request(s) to /links, ${markersMs} ms`, target: '1 request', pass: markerRequests === 1 },
    ];
  } finally {
    await session.close();
    await server.close();
    removeTempDirs();
  }
}
