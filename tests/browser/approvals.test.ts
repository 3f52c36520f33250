/**
 * The morning routine in a real Chromium with the built extension and the real reference server:
 * badge count, popup sections, approve with Keep and with Clear, badge updated at once, offline
 * and recovery.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyList, Summary, WizardPage } from '../../lib/api/schema';
import { startServer, type RunningServer } from '../../server/app';
import { buildFor, eventually, launchExtension, removeTempDirs, screenshotPath, tempDir, type ExtensionSession } from './harness';

const TOKEN = 'browser-test-token';
let server: RunningServer;
let session: ExtensionSession;
let dbPath: string;

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...init.headers },
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
const totalWaiting = (s: Pick<Summary, 'pendingApprovals'>) => s.pendingApprovals.export + s.pendingApprovals.import;
const wizardIds = async (companyId: string) =>
  (await api<WizardPage>(`/companies/${companyId}/wizard?limit=500`)).items.map((i) => i.id);

async function openPopup(): Promise<Page> {
  const page = await session.openPage('popup.html');
  await page.getByTestId('popup-root').waitFor();
  await page.getByTestId('wizard-row').first().waitFor();
  return page;
}

/** Unchecks the first `count` rows, approves the rest with the given mode, returns the ids. */
async function approveAllBut(page: Page, count: number, mode: 'keep' | 'clear'): Promise<{ unchecked: string[]; shown: string[] }> {
  const rows = page.getByTestId('wizard-row');
  await eventually(() => rows.count(), (n) => n > count, `more than ${count} rows`);
  const shown = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-item-id')!));
  const unchecked: string[] = [];
  for (let index = 0; index < count; index++) {
    const row = rows.nth(index);
    unchecked.push((await row.getAttribute('data-item-id'))!);
    await row.getByTestId('wizard-row-checkbox').uncheck();
  }
  await page.getByTestId('unchecked-mode').selectOption(mode);
  await page.getByTestId('approve-checked').click();
  await page.getByTestId('approve-result').waitFor();
  return { unchecked, shown };
}

beforeAll(async () => {
  dbPath = join(tempDir('synclens-db-'), 'sync.db');
  server = await startServer({ port: 0, db: dbPath, token: TOKEN, seed: 'demo' });
  session = await launchExtension(await buildFor(server.url, TOKEN));
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  removeTempDirs();
});

describe('approvals in the real browser', () => {
  let companyId: string;

  it('shows the number waiting for approval as the badge', async () => {
    const summary = await api<Summary>('/summary');
    expect(totalWaiting(summary)).toBeGreaterThan(0);
    await eventually(() => session.badgeText(), (t) => t === String(totalWaiting(summary)), 'the seeded badge count');
    expect(await session.badgeTitle()).toContain('waiting for approval');
  });

  it('lists both sections in the popup and approves with Keep: unchecked items return after a run', async () => {
    const page = await openPopup();
    // The README's picture: the popup at its real size, as the office manager first sees it.
    await page.setViewportSize({ width: 400, height: 600 });
    await page.screenshot({ path: screenshotPath('popup.png') });
    // The page loads one file before its first paint: the popup's classic script, styled by the
    // stylesheet the build wrote into the page (scripts/lib/popup-page.ts).
    const loads = await page.evaluate(() => ({
      scripts: [...document.scripts].map((s) => ({ src: new URL(s.src).pathname, module: s.type === 'module' })),
      links: document.querySelectorAll('link[rel="stylesheet"], link[rel="modulepreload"]').length,
      styled: getComputedStyle(document.querySelector('[data-testid="wizard-row"]')!).height,
    }));
    expect(loads).toEqual({ scripts: [{ src: '/popup-app.js', module: false }], links: 0, styled: '52px' });
    await expect(page.getByTestId('section-export').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('section-import').isVisible()).resolves.toBe(true);

    const companies = await api<CompanyList>('/companies');
    const switcher = page.getByTestId('company-switcher');
    companyId = (await switcher.count()) ? await switcher.inputValue() : companies.items[0]!.id;

    const before = await api<Summary>('/summary');
    const { unchecked, shown } = await approveAllBut(page, 2, 'keep');
    const approvedCount = shown.length - unchecked.length;
    await expect(page.getByTestId('approve-result').textContent()).resolves.toMatch(new RegExp(`${approvedCount}\\b`));

    // The server has the approved ones pending, and the two unchecked ones are off the list for now.
    const remaining = await wizardIds(companyId);
    for (const id of shown) expect(remaining).not.toContain(id);
    const after = await api<Summary>('/summary');
    expect(after.pendingSyncs).toBe(before.pendingSyncs + approvedCount);

    // The badge follows at once: no waiting for the (5-minute) alarm.
    await eventually(() => session.badgeText(), (t) => t === (totalWaiting(after) ? String(totalWaiting(after)) : ''), 'the badge after approving');

    await api(`/companies/${companyId}/connector/run`, { method: 'POST', headers: { 'idempotency-key': 'run-after-keep' } });
    const afterRun = await wizardIds(companyId);
    for (const id of unchecked) expect(afterRun).toContain(id);

    await page.close();
  });

  it('approves with Clear: unchecked items are gone for good', async () => {
    // The two kept back by the previous test are offered again: approve one, clear the other.
    const page = await openPopup();
    const { unchecked, shown } = await approveAllBut(page, 1, 'clear');
    const remaining = await wizardIds(companyId);
    for (const id of shown) expect(remaining).not.toContain(id);
    await api(`/companies/${companyId}/connector/run`, { method: 'POST', headers: { 'idempotency-key': 'run-after-clear' } });
    const afterRun = await wizardIds(companyId);
    for (const id of unchecked) expect(afterRun).not.toContain(id);
    await page.close();
  });

  it('shows "?" and the cached data when the server is down, and recovers when it is back', async () => {
    const port = server.port;
    // Look at a company that still has items waiting, so the cache has rows to show offline.
    const waiting = (await api<Summary>('/summary')).companies.find((c) => totalWaiting(c) > 0)!;
    const before = await session.openPage('popup.html');
    await before.getByTestId('popup-root').waitFor();
    if (await before.getByTestId('company-switcher').count()) await before.getByTestId('company-switcher').selectOption(waiting.companyId);
    await before.getByTestId('wizard-row').first().waitFor();
    await before.close();
    const countBefore = await session.badgeText();
    await server.close();

    // Opening the popup asks the background to poll now.
    const page = await session.openPage('popup.html');
    await page.getByTestId('state-offline').waitFor();
    await expect(page.getByTestId('wizard-row').count()).resolves.toBeGreaterThan(0);
    await eventually(() => session.badgeText(), (t) => t === '?', 'the unreachable badge');
    expect(await session.badgeTitle()).toMatch(/since/i);
    await page.close();

    server = await startServer({ port, db: dbPath, token: TOKEN, seed: null });
    const again = await session.openPage('popup.html');
    await eventually(() => session.badgeText(), (t) => t !== '?', 'the badge to recover');
    await again.getByTestId('wizard-row').first().waitFor();
    expect(await again.getByTestId('state-offline').count()).toBe(0);
    expect(await session.badgeText()).toBe(countBefore);
    await again.close();
  });
});
