/**
 * An open Sync Center follows the background's polls: after Resync a row shows "queued"; once the
 * connector has run, the next poll takes it off the list (or brings it back with its new error),
 * with nobody pressing Refresh. The extension polls every 3 s here, and the server allows it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UnsyncedPage } from '../../lib/api/schema';
import { startServer, type RunningServer } from '../../server/app';
import { centerFixture } from './fixtures/center-fixture';
import { buildFor, eventually, launchExtension, removeTempDirs, tempDir, type ExtensionSession } from './harness';

const TOKEN = 'center-polls-token';
let server: RunningServer;
let session: ExtensionSession;

async function serverRows(): Promise<UnsyncedPage['items']> {
  const res = await fetch(`${server.url}/api/v1/companies/evergreen/unsynced?limit=500`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return ((await res.json()) as UnsyncedPage).items;
}

beforeAll(async () => {
  const fixture = join(tempDir('synclens-center-polls-'), 'fixture.json');
  writeFileSync(fixture, JSON.stringify(centerFixture));
  server = await startServer({ port: 0, db: ':memory:', token: TOKEN, seed: fixture, pollIntervalSeconds: 1 });
  session = await launchExtension(await buildFor(server.url, TOKEN, 0.05));
});

afterAll(async () => {
  await session?.close();
  await server?.close();
  removeTempDirs();
});

it('a resynced row is settled by the next poll without pressing Refresh', async () => {
  const page = await session.openPage('sidepanel.html#tab=unsynced&company=evergreen');
  const row = page.locator('[data-testid="unsynced-row"][data-unsynced-id="cu-6240-0"]');
  await row.waitFor();
  await row.getByTestId('row-resync').click();
  await eventually(async () => (await serverRows()).find((u) => u.id === 'cu-6240-0')?.state, (s) => s === 'resync-queued', 'the resync to reach the server');
  await eventually(() => row.textContent(), (text) => !!text && /queued/i.test(text), 'the row to show queued');

  await fetch(`${server.url}/api/v1/companies/evergreen/connector/run`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
  const after = (await serverRows()).find((u) => u.id === 'cu-6240-0');
  if (after) {
    // Failed again: the row stays, with what QuickBooks said this time, and no longer queued.
    expect(after.state).toBe('failed');
    await eventually(() => row.textContent(), (text) => !!text && !/queued/i.test(text), 'the row to show its new error');
  } else {
    await eventually(() => row.count(), (n) => n === 0, 'the synced row to leave the list');
  }
  const shown = await page.getByTestId('unsynced-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-unsynced-id')));
  expect(shown).toContain('cu-6240-1');
});
