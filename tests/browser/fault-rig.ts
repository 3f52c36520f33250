/**
 * The rig shared by the fault-injection suites (faults.test.ts, faults-actions.test.ts): the real
 * reference server (a file database, so it can be restarted with another token), the fault proxy
 * in front of it on a random port, and Chromium with the extension built once for the proxy's
 * address, polling every 3 s. The extension only ever talks to the proxy; the tests check the
 * server itself directly (its HTTP API with the token, never through the proxy).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { LogPage, WizardPage } from '../../lib/api/schema';
import { startServer, type RunningServer } from '../../server/app';
import { registerChange } from '../../server/store/wizard';
import { startFaultProxy, type FaultProxy, type ProxyRequest } from '../support/fault-proxy';
import { buildFor, eventually, launchExtension, removeTempDirs, tempDir, type ExtensionSession } from './harness';

export const COMPANY = 'acme-qbo';
/** Every approve, whatever the company (a glob over the path). */
export const APPROVE = '/api/v1/companies/*/wizard/approve';
export const WIZARD = '/api/v1/companies/*/wizard';
export const SUMMARY = '/api/v1/summary';
/** The extension polls every 3 s (Chromium allows short alarms unpacked); the server hints 1 s. */
const POLL_MINUTES = 0.05;

/** What chrome.action shows. */
export interface Badge {
  text: string;
  title: string;
  /** [r, g, b, a] */
  color: number[];
}
export const RED = [197, 34, 31, 255];

export interface FaultRig {
  readonly server: RunningServer;
  readonly proxy: FaultProxy;
  readonly session: ExtensionSession;
  /** The token the server accepts now (changes with restartServer). */
  readonly token: string;
  /** GET on the server itself (not through the proxy), with the current token. */
  api<T>(path: string): Promise<T>;
  /** Stops the server and starts it again on the same port and database, with this token. */
  restartServer(token: string): Promise<void>;
  /**
   * Leaves exactly `count` new items waiting in the wizard (everything else waiting or kept is
   * cleared on the server), named `<tag> 1`, `<tag> 2`…; the last one is an import. Returns their ids.
   */
  freshItems(tag: string, count: number): Promise<string[]>;
  /** Adds `count` items named `<tag> <from>`… to what is waiting; returns their ids. */
  addItems(tag: string, count: number, from?: number): Promise<string[]>;
  /** The ids waiting in the wizard, on the server. */
  waitingIds(): Promise<string[]>;
  /** The names of pending log entries (approved items) whose name starts with `tag `, on the server. */
  pendingNames(tag: string): Promise<string[]>;
  /** Opens an extension page as a tab (closed by closePages). */
  openPage(path: string): Promise<Page>;
  /** Opens the popup (as a tab) and waits until it lists exactly `ids`. */
  openPopup(ids: readonly string[]): Promise<Page>;
  /** The badge, or null while no service worker is running. */
  badge(): Promise<Badge | null>;
  /** Stops the extension's service worker (CDP `ServiceWorker.stopAllWorkers` from an extension page) and waits until it has stopped. */
  stopWorker(page: Page): Promise<void>;
  /** Approve requests that reached the proxy since the log was last cleared. */
  approves(): ProxyRequest[];
  /** Closes the pages openPopup opened (after each test). */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

export const rowIds = (page: Page): Promise<string[]> =>
  page.getByTestId('wizard-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-item-id') ?? ''));

export const sorted = (ids: readonly string[]): string[] => [...ids].sort();

/** The page's text for a test id, '' when it is not there. */
export async function textOf(page: Page, testId: string): Promise<string> {
  const el = page.getByTestId(testId);
  return (await el.count()) ? ((await el.first().textContent()) ?? '') : '';
}

export async function startFaultRig(prefix: string): Promise<FaultRig> {
  const dir = tempDir(`synclens-${prefix}-`);
  const fixture = join(dir, 'fixture.json');
  const now = new Date().toISOString();
  writeFileSync(
    fixture,
    JSON.stringify({
      companies: [
        {
          id: COMPANY,
          name: 'Acme Tree Service',
          system: 'qbo',
          realmId: '9130350000000001',
          connector: { kind: 'qbo-api', lastContactAt: now, lastRunAt: now },
        },
      ],
    }),
  );
  const dbPath = join(dir, 'sync.db');
  const first = 'fault-suite-token';
  let token = first;
  let server = await startServer({ port: 0, db: dbPath, token, seed: fixture, pollIntervalSeconds: 1 });
  const proxy = await startFaultProxy({ upstream: server.url });
  const session = await launchExtension(await buildFor(proxy.url, token, POLL_MINUTES));
  const pages: Page[] = [];
  let imports = 0;

  async function api<T>(path: string): Promise<T> {
    const res = await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET ${path} → ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }

  const rig: FaultRig = {
    get server() {
      return server;
    },
    proxy,
    session,
    get token() {
      return token;
    },
    api,
    async restartServer(next) {
      const port = server.port;
      await server.close();
      token = next;
      server = await startServer({ port, db: dbPath, token, seed: null, pollIntervalSeconds: 1 });
    },
    async freshItems(tag, count) {
      const store = server.store;
      await store.write(() => store.db.prepare("UPDATE wizard_items SET state = 'cleared' WHERE state IN ('waiting', 'kept')").run());
      return rig.addItems(tag, count);
    },
    async addItems(tag, count, from = 1) {
      const store = server.store;
      const ids: string[] = [];
      for (let i = from; i < from + count; i++) {
        const asImport = i === count && count > 1;
        const item = asImport
          ? await registerChange(store, { companyId: COMPANY, direction: 'import', entityType: 'Payment', qbId: String(9000 + ++imports), name: `${tag} ${i}`, change: 'create', amount: 100 + i })
          : await registerChange(store, { companyId: COMPANY, direction: 'export', entityType: 'Customer', localId: `${tag}-${i}`, name: `${tag} ${i}`, change: 'create' });
        ids.push(item.id);
      }
      return ids;
    },
    async waitingIds() {
      return (await api<WizardPage>(`/companies/${COMPANY}/wizard?limit=500`)).items.map((i) => i.id);
    },
    async pendingNames(tag) {
      const log = await api<LogPage>(`/companies/${COMPANY}/log?status=pending&limit=500`);
      return log.items.map((e) => e.name).filter((name) => name.startsWith(`${tag} `));
    },
    async openPage(path) {
      const page = await session.openPage(path);
      pages.push(page);
      return page;
    },
    async openPopup(ids) {
      const page = await rig.openPage('popup.html');
      await page.getByTestId('popup-root').waitFor();
      await eventually(() => rowIds(page), (shown) => JSON.stringify(sorted(shown)) === JSON.stringify(sorted(ids)), `the popup to list ${ids.join(', ')}`);
      return page;
    },
    async badge() {
      for (const worker of [...session.context.serviceWorkers()].reverse()) {
        try {
          return await worker.evaluate(async () => {
            const action = (globalThis as unknown as { chrome: { action: Record<string, (d: object) => Promise<unknown>> } }).chrome.action;
            const [text, title, color] = await Promise.all([action.getBadgeText!({}), action.getTitle!({}), action.getBadgeBackgroundColor!({})]);
            return { text, title, color } as Badge;
          });
        } catch {
          // A stopped worker: try the next one.
        }
      }
      return null;
    },
    async stopWorker(page) {
      const cdp = await session.context.newCDPSession(page);
      try {
        const stopped = new Promise<void>((resolve) => {
          cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
            if (versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`) && v.runningStatus === 'stopped')) resolve();
          });
        });
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await stopped;
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    approves: () => proxy.matching('POST', APPROVE),
    async closePages() {
      for (const page of pages.splice(0)) await page.close().catch(() => undefined);
    },
    async close() {
      for (const page of pages) await page.close().catch(() => undefined);
      await session.close();
      await proxy.close();
      await server.close();
      removeTempDirs();
    },
  };
  return rig;
}

/** Waits for the badge to satisfy `accept` (the worker may be restarting meanwhile). */
export function badgeWhen(rig: FaultRig, accept: (badge: Badge) => boolean, what: string, timeoutMs?: number): Promise<Badge | null> {
  return eventually(() => rig.badge(), (b) => b !== null && accept(b), what, timeoutMs);
}

/**
 * Starts recording every text the element with this test id shows (and every data-state of the
 * waiting actions), so a state that lasts only a moment (confirming, before the retry answers) is
 * still seen. Read with `seen`.
 */
export async function record(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __seen?: { results: string[]; states: string[] } };
    if (w.__seen) return;
    const seen = { results: [] as string[], states: [] as string[] };
    w.__seen = seen;
    const look = () => {
      const result = document.querySelector('[data-testid="approve-result"]')?.textContent ?? '';
      if (result && seen.results.at(-1) !== result) seen.results.push(result);
      for (const el of document.querySelectorAll('[data-testid="waiting-action"]')) {
        const state = el.getAttribute('data-state') ?? '';
        if (seen.states.at(-1) !== state) seen.states.push(state);
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    look();
  });
}

export function seen(page: Page): Promise<{ results: string[]; states: string[] }> {
  return page.evaluate(() => (window as unknown as { __seen: { results: string[]; states: string[] } }).__seen);
}
