import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogPage } from '../../lib/api/schema.ts';
import { insertLogEntry } from '../../server/store/syncLog.ts';
import { queryPlan } from './helpers/query-plan.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

// acme-qbd has no log entries in the small fixture: these are all of its entries.
const ENTRIES = [
  { id: 'e1', direction: 'export', entityType: 'Invoice', status: 'success', at: '2026-02-27T23:59:59.999Z', name: 'Invoice 1001' },
  { id: 'e2', direction: 'export', entityType: 'Invoice', status: 'failed', at: '2026-02-28T00:00:00.000Z', name: 'Invoice 1002' },
  { id: 'e3', direction: 'import', entityType: 'Payment', status: 'success', at: '2026-02-28T12:00:00.000Z', name: 'Payment Oak Lane' },
  { id: 'e4', direction: 'export', entityType: 'Customer', status: 'pending', at: '2026-02-28T23:59:59.999Z', name: 'Oak Lane HOA' },
  { id: 'e5', direction: 'import', entityType: 'Invoice', status: 'failed', at: '2026-03-01T00:00:00.000Z', name: 'Invoice 1003' },
  // Stored in another notation: normalized on insert so the date filters still compare correctly.
  { id: 'e6', direction: 'export', entityType: 'Invoice', status: 'pending', at: '2026-03-01T09:30:00+01:00', name: 'Invoice 1004' },
] as const;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.server.store.write(async () => {
    for (const e of ENTRIES) await insertLogEntry(t.server.store, { ...e, companyId: 'acme-qbd', localId: `L-${e.id}`, attempt: 1 });
  });
});
afterAll(async () => { await t.close(); });

async function log(query: string) {
  const r = await t.get(`/companies/acme-qbd/log${query}`);
  expect(r.status).toBe(200);
  const page = v.parse(LogPage, r.json);
  return { ids: page.items.map((i) => i.id).sort(), counts: page.counts };
}

describe('GET /log: direction, from, to and counts', () => {
  it('counts every status for the same filters', async () => {
    expect(await log('')).toEqual({ ids: ['e1', 'e2', 'e3', 'e4', 'e5', 'e6'], counts: { pending: 2, success: 2, failed: 2 } });
  });

  it('keeps counting all statuses when the page is filtered by one', async () => {
    expect(await log('?status=failed')).toEqual({ ids: ['e2', 'e5'], counts: { pending: 2, success: 2, failed: 2 } });
  });

  it('filters by direction, and the counts follow', async () => {
    expect(await log('?direction=import')).toEqual({ ids: ['e3', 'e5'], counts: { pending: 0, success: 1, failed: 1 } });
    expect(await log('?direction=export&status=pending')).toEqual({ ids: ['e4', 'e6'], counts: { pending: 2, success: 1, failed: 1 } });
  });

  it('treats dates as whole UTC days, both ends inclusive', async () => {
    expect((await log('?from=2026-02-28&to=2026-02-28')).ids).toEqual(['e2', 'e3', 'e4']);
    expect((await log('?from=2026-03-01')).ids).toEqual(['e5', 'e6']);
    expect((await log('?to=2026-02-27')).ids).toEqual(['e1']);
  });

  it('accepts ISO instants for a local day, inclusive at both ends', async () => {
    // 28 Feb in UTC+01:00 is 27 Feb 23:00Z .. 28 Feb 22:59:59.999Z.
    const from = encodeURIComponent('2026-02-28T00:00:00+01:00');
    const to = encodeURIComponent('2026-02-28T23:59:59.999+01:00');
    expect((await log(`?from=${from}&to=${to}`)).ids).toEqual(['e1', 'e2', 'e3']);
    expect((await log(`?from=2026-03-01T08:30:00.000Z&to=2026-03-01T08:30:00.000Z`)).ids).toEqual(['e6']);
  });

  it('combines every filter with the counts and paging', async () => {
    const first = await t.get('/companies/acme-qbd/log?direction=export&from=2026-02-28&entityType=Invoice&limit=1');
    expect(first.json.items.map((i: { id: string }) => i.id)).toEqual(['e6']);
    expect(first.json.counts).toEqual({ pending: 1, success: 0, failed: 1 });
    const second = await t.get(`/companies/acme-qbd/log?direction=export&from=2026-02-28&entityType=Invoice&limit=1&cursor=${encodeURIComponent(first.json.nextCursor)}`);
    expect(second.json.items.map((i: { id: string }) => i.id)).toEqual(['e2']);
    expect(second.json.nextCursor).toBeNull();
  });

  it.each([
    ['direction=sideways', 'direction'],
    ['from=2026-13-01', 'from'],
    ['from=2026-02-31', 'from'],
    ['to=yesterday', 'to'],
    ['to=2026-02-28T10:00:00', 'to'], // an instant without a zone is ambiguous
    ['from=2026-03-02&to=2026-03-01', 'to'],
  ])('refuses %s with a problem naming %s', async (query, param) => {
    const r = await t.get(`/companies/acme-qbd/log?${query}`);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.json.code).toBe('bad-request');
    expect(r.json.errors.map((e: { path: string }) => e.path)).toContain(param);
  });

  it('uses an index for the direction and date filters', async () => {
    const plan = async (sql: string) => (await queryPlan(t.server.store.db, sql)).text;
    expect(await plan("SELECT * FROM log_entries WHERE company_id = 'x' AND direction = 'export' ORDER BY seq DESC")).toContain('log_company_direction');
    const byDate = "SELECT status, COUNT(*) FROM log_entries WHERE company_id = 'x' AND at >= '2026' AND at < '2027' GROUP BY status";
    // PostgreSQL's planner picks among the indexes by its statistics (on an empty table, the one that
    // spares it a sort); SQLite's choice is fixed, so there the date index itself is checked.
    if (t.server.store.db.dialect === 'sqlite') expect(await plan(byDate)).toContain('log_company_at');
    else expect((await queryPlan(t.server.store.db, byDate)).usesIndex).toBe(true);
  });
});
