import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestServer, TOKEN, type TestServer } from './helpers/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'synclens-autorun-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let errors: string[];
let infos: string[];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  errors = [];
  infos = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { errors.push(args.map(String).join(' ')); });
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => { infos.push(args.map(String).join(' ')); });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const TICK_MS = 30_000;

async function pendingAndLastRun(t: TestServer, company: string) {
  const s = await t.get(`/companies/${company}/summary`);
  expect(s.status).toBe(200);
  return { pending: s.json.pendingSyncs as number, lastRunAt: s.json.connector.lastRunAt as string };
}

/** One approved change waiting for the connector in each company. */
async function approveOneEach(t: TestServer) {
  expect((await t.post('/companies/acme-qbo/wizard/approve', { reviewedIds: ['w1'], approveIds: ['w1'], unchecked: 'keep' })).status).toBe(200);
  expect((await t.post('/companies/acme-qbd/wizard/approve', { reviewedIds: ['w5'], approveIds: ['w5'], unchecked: 'keep' })).status).toBe(200);
}

describe('connector auto-run that fails', () => {
  it('a run that throws is logged (without the token), the other company still runs, the server answers, and the next tick succeeds', async () => {
    const t = await startTestServer({ connectorAutoRunSeconds: TICK_MS / 1000 });
    try {
      await approveOneEach(t);
      const before = await pendingAndLastRun(t, 'acme-qbo');
      // A failing step inside the run: QuickBooks' side of acme-qbo refuses the run's last write.
      t.server.store.db.exec(`CREATE TEMP TRIGGER inject_failure BEFORE UPDATE OF last_run_at ON companies
        WHEN NEW.id = 'acme-qbo' BEGIN SELECT RAISE(ABORT, 'injected connector failure'); END`);
      t.clock.advance(60_000);

      expect(() => vi.advanceTimersByTime(TICK_MS)).not.toThrow();

      expect(await pendingAndLastRun(t, 'acme-qbo')).toEqual(before); // rolled back as one transaction
      expect(await pendingAndLastRun(t, 'acme-qbd')).toEqual({ pending: 0, lastRunAt: t.clock.now().toISOString() });
      expect((await t.get('/health')).status).toBe(200);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('company "acme-qbo"');
      expect(errors[0]).toContain('injected connector failure');
      expect(errors[0]).toContain('trying again in 30 s');
      expect(errors.join('\n')).not.toContain(TOKEN);

      t.server.store.db.exec('DROP TRIGGER inject_failure');
      t.clock.advance(60_000);
      vi.advanceTimersByTime(TICK_MS);
      expect(await pendingAndLastRun(t, 'acme-qbo')).toEqual({ pending: 0, lastRunAt: t.clock.now().toISOString() });
      expect(infos.some((l) => l.includes('company "acme-qbo" succeeded again'))).toBe(true);
      expect(errors).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('a database locked by another connection (BEGIN EXCLUSIVE): the tick gives up at once, the server keeps serving, and the next tick succeeds', async () => {
    const path = join(dir, 'locked.db');
    const t = await startTestServer({ db: path, connectorAutoRunSeconds: TICK_MS / 1000 });
    const other = new Database(path);
    try {
      await approveOneEach(t);
      const before = { qbo: await pendingAndLastRun(t, 'acme-qbo'), qbd: await pendingAndLastRun(t, 'acme-qbd') };
      other.exec('BEGIN EXCLUSIVE');
      t.clock.advance(60_000);

      const started = performance.now();
      expect(() => vi.advanceTimersByTime(TICK_MS)).not.toThrow();
      // The server does nothing else while a tick runs: it must not wait for the lock.
      expect(performance.now() - started).toBeLessThan(2_000);

      // Reads still work in WAL mode while the other connection holds the write lock.
      expect(await pendingAndLastRun(t, 'acme-qbo')).toEqual(before.qbo);
      expect(await pendingAndLastRun(t, 'acme-qbd')).toEqual(before.qbd);
      expect(errors).toHaveLength(1); // the lock is reported once per tick, not once per company
      expect(errors[0]).toMatch(/scheduled connector run for company "acme-qbo" failed \(SQLITE_BUSY/);
      expect(errors.join('\n')).not.toContain(TOKEN);

      // A request that must write meanwhile is told to come back (503 + Retry-After), not a 500.
      const refused = await t.post('/companies/acme-qbo/connector/run');
      expect(refused.status).toBe(503);
      expect(refused.json.code).toBe('unavailable');
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(await pendingAndLastRun(t, 'acme-qbo')).toEqual(before.qbo);

      other.exec('ROLLBACK');
      t.clock.advance(60_000);
      vi.advanceTimersByTime(TICK_MS);
      const now = t.clock.now().toISOString();
      expect(await pendingAndLastRun(t, 'acme-qbo')).toEqual({ pending: 0, lastRunAt: now });
      expect(await pendingAndLastRun(t, 'acme-qbd')).toEqual({ pending: 0, lastRunAt: now });
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      await t.close();
    }
  });
});
