/**
 * Real-browser test harness: Debian's Chromium (or CHROME_PATH) driven by playwright-core, with the
 * extension built for a reference server started in-process on a random port. Nothing is mocked.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { buildExtension } from '../../scripts/lib/build-extension';

/** The slice of the extension API these tests evaluate inside the service worker. */
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
};

export function findChrome(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found for the real-browser tests. Install it (Debian: `apt-get install -y chromium`) ' +
        'or set CHROME_PATH to a Chromium/Chrome binary. The tests never download a browser.',
    );
  }
  return found;
}

export interface ExtensionSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Opens an extension page (popup.html, options.html…) as a tab. */
  openPage(path: string): Promise<Page>;
  badgeText(): Promise<string>;
  badgeTitle(): Promise<string>;
  close(): Promise<void>;
}

const tempDirs: string[] = [];
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Where a test writes a picture: `test-results/screenshots/<name>` (ignored by git), so a test run
 * never changes the tree. `npm run screenshots` (scripts/screenshots.ts) points SYNCLENS_SCREENSHOTS_DIR
 * elsewhere and copies the pictures to docs/screenshots on purpose.
 */
export function screenshotPath(name: string): string {
  const dir = resolve(process.env.SYNCLENS_SCREENSHOTS_DIR || join('test-results', 'screenshots'));
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

export async function buildFor(apiUrl: string, apiToken: string, pollMinutes?: number): Promise<string> {
  return buildExtension({ apiUrl, apiToken, pollMinutes, outDir: tempDir('synclens-ext-') });
}

export async function launchExtension(extensionDir: string, extraArgs: string[] = []): Promise<ExtensionSession> {
  const context = await chromium.launchPersistentContext(tempDir('synclens-profile-'), {
    executablePath: findChrome(),
    headless: true,
    viewport: { width: 1000, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const currentWorker = () => context.serviceWorkers()[0] ?? worker;
  return {
    context,
    worker,
    extensionId,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    badgeText: () => currentWorker().evaluate(() => chrome.action.getBadgeText({})),
    badgeTitle: () => currentWorker().evaluate(() => chrome.action.getTitle({})),
    close: () => context.close(),
  };
}

/** Polls `read` until `accept` holds, for state that changes asynchronously in the browser. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}

/**
 * Evaluates `expression` in the extension's content script world on `target` (its isolated world,
 * found with CDP), as code that took over the page's renderer could: `chrome.*` there is the
 * content script's. Promises are awaited; the value comes back as JSON.
 */
export async function evaluateInContentWorld<T>(session: ExtensionSession, target: Page, expression: string): Promise<T> {
  const cdp = await session.context.newCDPSession(target);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context as (typeof contexts)[number]));
  await cdp.send('Runtime.enable');
  try {
    const world = contexts.filter((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${session.extensionId}`).at(-1);
    if (!world) throw new Error('The SyncLens content script world was not found on this page');
    const result = await cdp.send('Runtime.evaluate', { contextId: world.id, expression, awaitPromise: true, returnByValue: true });
    if (result.exceptionDetails) throw new Error(`Evaluation in the content script world failed: ${result.exceptionDetails.text}`);
    return result.result.value as T;
  } finally {
    await cdp.detach();
  }
}
