/**
 * The extension in a Chromium whose UI language is Spanish, with the real server: the popup and
 * the Sync Center speak Spanish through chrome.i18n (placeholders filled, numbers and dates in the
 * Spanish format), and no message key shows instead of its text.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { buildFor, launchExtension, removeTempDirs, tempDir, type ExtensionSession } from './harness';

const TOKEN = 'browser-i18n-token';
let server: RunningServer;
let session: ExtensionSession;
/** The page's extension API, as far as this test reads it. */
declare const chrome: { i18n: { getMessage(key: string): string } };
const RAW_KEY = /\b(common|status|popup|chip|explain|connector|entity|change|direction|time|action|system|center|log|category|badge|err)[A-Z][A-Za-z]+\b/;

beforeAll(async () => {
  server = await startServer({ port: 0, db: join(tempDir('synclens-db-'), 'sync.db'), token: TOKEN, seed: 'demo' });
  // Chromium on Linux takes its UI language from --lang (and LANGUAGE for the wrapper script).
  process.env.LANGUAGE = 'es';
  process.env.LANG = 'es_ES.UTF-8';
  session = await launchExtension(await buildFor(server.url, TOKEN), ['--lang=es']);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  removeTempDirs();
});

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

describe('Spanish UI in the real browser', () => {
  it('the extension formats with the language of the Spanish catalog', async () => {
    const page = await session.openPage('popup.html');
    await page.getByTestId('popup-root').waitFor();
    expect(await page.evaluate(() => chrome.i18n.getMessage('catalogLanguage'))).toBe('es');
    await page.close();
  });

  it('the popup shows the Sync Wizard in Spanish', async () => {
    const page = await session.openPage('popup.html');
    await page.getByTestId('wizard-row').first().waitFor();
    await expect.poll(() => page.getByTestId('approve-checked').textContent()).toMatch(/^Aprobar marcados \(\d[\d.,]*\)$/);
    expect(await page.getByTestId('unchecked-mode').locator('option').allTextContents()).toEqual(['Conservar no marcados', 'Descartar no marcados']);
    expect(await page.evaluate(() => [document.title, document.documentElement.lang])).toEqual(['SyncLens', 'es']);
    const text = await visibleText(page);
    expect(text).toContain('Exportar a QuickBooks');
    expect(text).not.toMatch(RAW_KEY);
    expect(text).not.toMatch(/Approve checked|Keep unchecked|Nothing waiting|waiting in Pending/);
    await page.close();
  });

  it('the Sync Center shows its tabs and the unsynced list in Spanish', async () => {
    const page = await session.openPage('sidepanel.html');
    await page.getByTestId('unsynced-row').first().waitFor();
    expect(await page.getByTestId('tab-unsynced').textContent()).toMatch(/^Sin sincronizar \(\d+\)$/);
    expect(await page.getByTestId('tab-log').textContent()).toBe('Registro de sincronización');
    expect(await page.title()).toBe('Centro de sincronización de SyncLens');
    await page.getByTestId('row-explain').first().click();
    await page.getByTestId('row-explanation').waitFor();
    const text = await visibleText(page);
    expect(text).toContain('Volver a sincronizar');
    expect(text).toContain('Borrar ID');
    expect(text).not.toMatch(RAW_KEY);
    expect(text).not.toMatch(/Resync selected|Showing \d|Last attempt|Clear the QuickBooks ID/);
    await page.close();
  });
});
