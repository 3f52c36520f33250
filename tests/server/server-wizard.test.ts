import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApproveResult, LogEntry } from '../../lib/api/schema.ts';
import { registerChange } from '../../server/store/wizard.ts';
import { snapshot, startTestServer, type TestServer } from './helpers/server.ts';

let t: TestServer;
beforeEach(async () => { t = await startTestServer(); });
afterEach(async () => { await t.close(); });

const wizardIds = async (company = 'acme-qbo') => ((await t.get(`/companies/${company}/wizard`)).json.items as { id: string }[]).map((i) => i.id);
const approve = (body: unknown, headers?: Record<string, string>) => t.post('/companies/acme-qbo/wizard/approve', body, headers);

describe('approve', () => {
  it('turns approved items into pending log entries (attempt 1) and counts them', async () => {
    const r = await approve({ reviewedIds: ['w1', 'w2', 'w3', 'w4'], approveIds: ['w1', 'w4'], unchecked: 'keep' });
    expect(r.status).toBe(200);
    const result = v.parse(ApproveResult, r.json);
    expect(result).toMatchObject({ approved: 2, kept: 2, cleared: 0, skipped: 0 });
    const pending = (await t.get('/companies/acme-qbo/log?status=pending')).json.items.map((e: unknown) => v.parse(LogEntry, e));
    expect(pending.map((e: LogEntry) => e.id).sort()).toEqual([...result.pendingLogIds].sort());
    expect(pending.every((e: LogEntry) => e.attempt === 1)).toBe(true);
    expect(pending.map((e: LogEntry) => e.name).sort()).toEqual(['Oak Hill Estates', 'Payment for Invoice 1001']);
    expect(await wizardIds()).toEqual([]);
    const summary = (await t.get('/companies/acme-qbo/summary')).json;
    expect(summary.pendingApprovals).toEqual({ export: 0, import: 0 });
    expect(summary.pendingSyncs).toBe(2);
  });

  it('keep: unchecked items hide now and come back after the next connector run', async () => {
    await approve({ reviewedIds: ['w1', 'w2', 'w3'], approveIds: ['w1'], unchecked: 'keep' });
    expect(await wizardIds()).toEqual(['w4']);
    const run = await t.post('/companies/acme-qbo/connector/run');
    expect(run.json.returnedToWizard).toBe(2);
    expect(await wizardIds()).toEqual(['w2', 'w3', 'w4']);
  });

  it('clear: unchecked items are dismissed for good, and return only when the record changes again', async () => {
    const r = await approve({ reviewedIds: ['w2', 'w3'], approveIds: [], unchecked: 'clear' });
    expect(r.json).toMatchObject({ approved: 0, kept: 0, cleared: 2 });
    await t.post('/companies/acme-qbo/connector/run');
    expect(await wizardIds()).toEqual(['w1', 'w4']);
    const item = await registerChange(t.server.store, { companyId: 'acme-qbo', direction: 'export', entityType: 'Customer', localId: 'cust-1', qbId: '101',
      name: 'Maple Street HOA', change: 'update', changedFields: ['Email'] });
    expect(item.id).not.toBe('w2');
    expect(await wizardIds()).toEqual(['w1', 'w4', item.id]);
  });

  it('leaves items that arrived after the review untouched', async () => {
    const late = await registerChange(t.server.store, { companyId: 'acme-qbo', direction: 'import', entityType: 'Customer', qbId: '102', localId: 'cust-2',
      name: 'Dana Fox', change: 'update', changedFields: ['Phone'] });
    // The office reviewed the list as it was before `late` arrived.
    const r = await approve({ reviewedIds: ['w1', 'w2', 'w3', 'w4'], approveIds: ['w1'], unchecked: 'clear' });
    expect(r.json).toMatchObject({ approved: 1, cleared: 3, skipped: 0 });
    expect(await wizardIds()).toEqual([late.id]);
  });

  it('skips reviewed ids that are unknown or no longer waiting', async () => {
    await approve({ reviewedIds: ['w1'], approveIds: ['w1'], unchecked: 'keep' });
    const r = await approve({ reviewedIds: ['w1', 'ghost', 'w5'], approveIds: ['w1'], unchecked: 'keep' });
    // w5 belongs to the other company, so it is unknown here.
    expect(r.json).toMatchObject({ approved: 0, kept: 0, cleared: 0, skipped: 3, pendingLogIds: [] });
    expect(await wizardIds('acme-qbd')).toEqual(['w5']);
  });

  it('refreshes a waiting item when the same record changes again instead of listing it twice', async () => {
    const item = await registerChange(t.server.store, { companyId: 'acme-qbo', direction: 'export', entityType: 'Customer', localId: 'cust-1',
      name: 'Maple Street HOA', change: 'update', changedFields: ['Email'] });
    expect(item.id).toBe('w2');
    expect(item.changedFields).toEqual(['Phone', 'Email']);
  });

  it('approves 2,000 items in one request', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2000; i++) {
      ids.push((await registerChange(t.server.store, { companyId: 'acme-qbo', direction: 'export', entityType: 'Customer', localId: `many-${i}`, name: `Client ${i}`, change: 'create' })).id);
    }
    const r = await approve({ reviewedIds: ids, approveIds: ids.slice(0, 1500), unchecked: 'clear' });
    expect(r.json).toMatchObject({ approved: 1500, cleared: 500 });
    expect(r.json.pendingLogIds).toHaveLength(1500);
    expect((await t.get('/companies/acme-qbo/summary')).json.pendingSyncs).toBe(1500);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first reply and changes nothing the second time', async () => {
    const body = { reviewedIds: ['w1', 'w2'], approveIds: ['w1'], unchecked: 'keep' };
    const first = await approve(body, { 'idempotency-key': 'k-1' });
    const state = await snapshot(t, 'acme-qbo');
    const second = await approve(body, { 'idempotency-key': 'k-1' });
    expect(second.status).toBe(first.status);
    expect(second.json).toEqual(first.json);
    expect(await snapshot(t, 'acme-qbo')).toEqual(state);
  });

  it('refuses the same key with a different body (422 idempotency-key-reused)', async () => {
    await approve({ reviewedIds: ['w1'], approveIds: ['w1'], unchecked: 'keep' }, { 'idempotency-key': 'k-2' });
    const state = await snapshot(t, 'acme-qbo');
    const r = await approve({ reviewedIds: ['w3'], approveIds: ['w3'], unchecked: 'keep' }, { 'idempotency-key': 'k-2' });
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('idempotency-key-reused');
    expect(await snapshot(t, 'acme-qbo')).toEqual(state);
  });

  it('scopes keys to the route and does not store refused requests', async () => {
    const bad = await approve({ reviewedIds: 'x' }, { 'idempotency-key': 'k-3' });
    expect(bad.status).toBe(422);
    const good = await approve({ reviewedIds: ['w1'], approveIds: ['w1'], unchecked: 'keep' }, { 'idempotency-key': 'k-3' });
    expect(good.status).toBe(200);
    expect(good.json.approved).toBe(1);
    const run1 = await t.post('/companies/acme-qbo/connector/run', undefined, { 'idempotency-key': 'k-3' });
    expect(run1.json.processed).toBe(1);
    const run2 = await t.post('/companies/acme-qbo/connector/run', undefined, { 'idempotency-key': 'k-3' });
    expect(run2.json).toEqual(run1.json);
    expect(run2.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses a malformed key', async () => {
    const r = await approve({ reviewedIds: ['w1'], approveIds: ['w1'], unchecked: 'keep' }, { 'idempotency-key': 'x'.repeat(300) });
    expect(r.status).toBe(400);
    expect(r.json.errors[0].path).toBe('Idempotency-Key');
  });
});
