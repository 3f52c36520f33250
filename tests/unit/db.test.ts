import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_VERSION, STORES_V1, STORES_V2, STORES_V3, STORES_V4, STORES_V5, createDb, type OutboxRow } from '@/lib/db/schema';
import { createLinkStore } from '@/lib/db/link-store';
import { readWizard, writeCompanies, readCompanies, writeUnsynced, readUnsynced, readUnsyncedSnapshot, writeWizard, clearConnectionData, readMergedSummary, readSummary, writeSummary } from '@/lib/db/cache';
import type { Company, Summary, UnsyncedEntity } from '@/lib/api/schema';

let n = 0;
const names: string[] = [];
function freshName() {
  const name = `synclens-db-test-${++n}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const company: Company = {
  id: 'c1',
  name: 'Green Acres Lawn',
  system: 'qbo',
  realmId: '123',
  connector: { kind: 'qbo-api', state: 'ok', lastContactAt: null, lastRunAt: null },
};

const unsynced = (id: string, companyId: string): UnsyncedEntity => ({
  id,
  companyId,
  entityType: 'Invoice',
  localId: `L-${id}`,
  name: 'Invoice 1001',
  errorCode: '6240',
  errorMessage: 'Duplicate name',
  firstFailedAt: '2026-11-26T09:00:00.000Z',
  lastAttemptAt: '2026-11-26T09:00:00.000Z',
  attempts: 1,
  state: 'failed',
});

describe('Dexie schema upgrades', () => {
  it('opens at the current version', async () => {
    const db = createDb(freshName());
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    db.close();
  });

  it('upgrades a v1 database to the current version with every row intact', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(1).stores(STORES_V1);
    await old.open();
    const v1Outbox = { key: 'k-1', action: { kind: 'resync', companyId: 'c1', unsyncedId: 'u1' }, createdAt: '2026-11-26T09:00:00.000Z', attempts: 2, lastAttemptAt: null, lastError: 'offline' };
    await old.table('outbox').put(v1Outbox);
    await old.table('companies').put(company);
    await old.table('wizard').put({ companyId: 'c1', items: [], fetchedAt: '2026-11-26T09:00:00.000Z' });
    await old.table('unsynced').put({ ...unsynced('u1', 'c1'), fetchedAt: '2026-11-26T09:00:00.000Z' });
    await old.table('summary').put({ id: 'current', summary: { companies: [] }, etag: '"e1"', storedAt: 'x' });
    old.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    const row = (await db.outbox.get('k-1')) as OutboxRow;
    expect(row).toEqual({ ...v1Outbox, companyId: 'c1' }); // filled in by the upgrade
    expect(await db.outbox.where('companyId').equals('c1').count()).toBe(1);
    expect(await db.companies.get('c1')).toEqual(company);
    expect(await db.wizard.get('c1')).toMatchObject({ companyId: 'c1' });
    expect(await db.unsynced.get('u1')).toMatchObject({ id: 'u1', companyId: 'c1' });
    // v5: the single summary became the primary service's, ETag and all.
    expect(await db.summary.get('current')).toBeUndefined();
    expect((await db.summary.get('primary'))?.etag).toBe('"e1"');
    // The table v2 added works.
    await db.activity.add({ at: 'now', companyId: 'c1', kind: 'resync', ok: true, text: 'Resync requested', idempotencyKey: 'k-1' });
    expect(await db.activity.count()).toBe(1);
    db.close();
  });

  it('upgrades a v2 database (activity log and all) to the current version', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(2).stores(STORES_V2);
    await old.open();
    const outbox = { key: 'k-2', companyId: 'c1', action: { kind: 'clear-id', companyId: 'c1', unsyncedId: 'u9' }, createdAt: 'a', attempts: 0, lastAttemptAt: null, lastError: null };
    await old.table('outbox').put(outbox);
    await old.table('activity').add({ at: '2026-11-26T09:00:00.000Z', companyId: 'c1', kind: 'approve', ok: true, text: 'Approved 3', idempotencyKey: 'k-0' });
    old.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.outbox.get('k-2')).toEqual(outbox);
    expect(await db.activity.toArray()).toEqual([expect.objectContaining({ text: 'Approved 3', kind: 'approve' })]);
    expect(await db.links.count()).toBe(0);
    db.close();
  });

  it('upgrades a v3 database (record links and all) to the current version with the v4 tables working', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(3).stores(STORES_V3);
    await old.open();
    const link = { key: 'c1|Invoice|7', link: { entityType: 'Invoice', qbId: '7', localId: null, name: null, status: 'synced' }, fetchedAt: 5 };
    await old.table('links').put(link);
    await old.table('unsynced').put({ ...unsynced('u1', 'c1'), fetchedAt: '2026-11-26T09:00:00.000Z' });
    await old.table('activity').add({ at: 'a', companyId: 'c1', kind: 'approve', ok: true, text: 'Approved 1', idempotencyKey: 'k' });
    old.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.links.get('c1|Invoice|7')).toEqual(link);
    expect(await db.activity.count()).toBe(1);
    expect(await readUnsynced(db, 'c1')).toEqual([unsynced('u1', 'c1')]);
    // Rows cached before v4 have no fetch record: the Sync Center refetches instead of trusting them.
    expect(await readUnsyncedSnapshot(db, 'c1')).toBeUndefined();
    await db.history.put({ companyId: 'c1', day: '2026-11-26', waiting: 1, failed: 0, unsynced: 2, at: 'x' });
    expect(await db.history.get(['c1', '2026-11-26'])).toMatchObject({ unsynced: 2 });
    await db.notified.put({ key: 'digest:2026-11-26', at: 'x' });
    await db.noticeTargets.put({ id: 'digest:2026-11-26', path: '/sidepanel.html#tab=unsynced', at: 'x' });
    expect(await db.notified.count()).toBe(1);
    expect(await db.noticeTargets.count()).toBe(1);
    db.close();
  });

  it('upgrades a v4 database: the one cached summary becomes the primary service\'s, history and marks stay', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(4).stores(STORES_V4);
    await old.open();
    await old.table('summary').put({ id: 'current', summary: { companies: [] }, etag: '"e4"', storedAt: 'x' });
    await old.table('history').put({ companyId: 'c1', day: '2026-11-25', waiting: 4, failed: 1, unsynced: 2, at: 'x' });
    await old.table('notified').put({ key: 'failures:c1:5@2026-11-25', at: 'x' });
    old.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.summary.toArray()).toEqual([{ id: 'primary', summary: { companies: [] }, etag: '"e4"', storedAt: 'x' }]);
    expect(await db.history.get(['c1', '2026-11-25'])).toMatchObject({ waiting: 4 });
    expect(await db.notified.get('failures:c1:5@2026-11-25')).toBeDefined();
    db.close();
  });
  it('upgrades a v5 database: activity rows stay and are found by their Idempotency-Key', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(5).stores(STORES_V5);
    await old.open();
    await old.table('activity').add({ at: 'a', companyId: 'c1', kind: 'resync', ok: true, text: 'Resync requested', idempotencyKey: 'k-old' });
    await old.table('outbox').put({ key: 'k-wait', companyId: 'c1', action: { kind: 'resync', companyId: 'c1', unsyncedId: 'u1' }, createdAt: 'x', attempts: 2, lastAttemptAt: null, lastError: 'down' });
    old.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.activity.where('idempotencyKey').equals('k-old').count()).toBe(1);
    expect(await db.outbox.get('k-wait')).toMatchObject({ attempts: 2, lastError: 'down' });
    db.close();
  });
});

describe('link store', () => {
  it('gets, puts and forgets a company by key prefix', async () => {
    const db = createDb(freshName());
    const store = createLinkStore(db);
    const link = (qbId: string) => ({ entityType: 'Invoice', qbId, localId: null, name: null, status: 'synced' as const });
    await store.putMany([
      { key: 'c1|Invoice|1', link: link('1'), fetchedAt: 1 },
      { key: 'c1|Invoice|2', link: link('2'), fetchedAt: 2 },
      { key: 'c10|Invoice|1', link: link('1'), fetchedAt: 3 },
    ]);
    const got = await store.getMany(['c1|Invoice|2', 'missing']);
    expect(got).toEqual([{ key: 'c1|Invoice|2', link: link('2'), fetchedAt: 2 }, undefined]);
    await store.deleteByPrefix('c1|');
    expect((await db.links.toArray()).map((r) => r.key)).toEqual(['c10|Invoice|1']);
    db.close();
  });
});

describe('cache helpers', () => {
  it('replaces companies and per-company unsynced lists', async () => {
    const db = createDb(freshName());
    await writeCompanies(db, 'primary', [company, { ...company, id: 'c2' }], ['primary']);
    await writeCompanies(db, 'primary', [company], ['primary']);
    expect((await readCompanies(db, ['primary'])).map((c) => c.id)).toEqual(['c1']);

    const now = new Date('2026-11-26T09:00:00.000Z');
    await writeUnsynced(db, 'c1', [unsynced('u1', 'c1'), unsynced('u2', 'c1')], now);
    await writeUnsynced(db, 'c2', [unsynced('u3', 'c2')], now);
    await writeUnsynced(db, 'c1', [unsynced('u2', 'c1')], now);
    expect((await readUnsynced(db, 'c1')).map((u) => u.id)).toEqual(['u2']);
    // An empty list fetched is remembered as fetched, unlike a company never fetched.
    await writeUnsynced(db, 'c3', [], now);
    expect(await readUnsyncedSnapshot(db, 'c3')).toEqual({ items: [], fetchedAt: now.toISOString() });
    expect(await readUnsyncedSnapshot(db, 'c4')).toBeUndefined();
    expect(await readUnsynced(db, 'c2')).toEqual([unsynced('u3', 'c2')]);
    await writeWizard(db, 'c1', [], now);
    expect(await readWizard(db, 'c1')).toEqual({ companyId: 'c1', items: [], fetchedAt: now.toISOString() });
    db.close();
  });

  it('keeps each service\'s companies and summary apart, and clears one service without touching the other', async () => {
    const db = createDb(freshName());
    const ids = ['primary', 'sabc123'];
    const now = new Date('2026-11-26T09:00:00.000Z');
    // Both services call their company "c1": the second one's key carries its connection id.
    await writeCompanies(db, 'primary', [company], ids);
    await writeCompanies(db, 'sabc123', [{ ...company, id: 'sabc123~c1' }], ids);
    await writeCompanies(db, 'primary', [{ ...company, id: 'c2' }], ids);
    expect((await readCompanies(db, ids)).map((c) => c.id).sort()).toEqual(['c2', 'sabc123~c1']);

    const summaryOf = (companyId: string, exp: number): Summary => ({
      pendingApprovals: { export: exp, import: 1 }, pendingSyncs: 0, failedSyncs: 1, unsynced: 2, generatedAt: `2026-11-26T0${exp}:00:00.000Z`,
      companies: [{ companyId, companyName: companyId, system: 'qbo', pendingApprovals: { export: exp, import: 1 }, pendingSyncs: 0, failedSyncs: 1, unsynced: 2,
        connector: { kind: 'qbo-api', state: 'ok', lastContactAt: null, lastRunAt: null }, generatedAt: '2026-11-26T09:00:00.000Z' }],
    });
    await writeSummary(db, 'primary', summaryOf('c2', 3), '"a"', now);
    await writeSummary(db, 'sabc123', summaryOf('sabc123~c1', 4), '"b"', now);
    const merged = await readMergedSummary(db, ids);
    expect(merged).toMatchObject({ pendingApprovals: { export: 7, import: 2 }, failedSyncs: 2, unsynced: 4, generatedAt: '2026-11-26T04:00:00.000Z' });
    expect(merged!.companies.map((c) => c.companyId)).toEqual(['c2', 'sabc123~c1']);

    await writeUnsynced(db, 'c2', [unsynced('u1', 'c2')], now);
    await writeUnsynced(db, 'sabc123~c1', [unsynced('sabc123~u1', 'sabc123~c1')], now);
    await writeWizard(db, 'sabc123~c1', [], now);
    await db.outbox.add({ key: 'k1', companyId: 'sabc123~c1', action: { kind: 'resync', companyId: 'sabc123~c1', unsyncedId: 'sabc123~u1' }, createdAt: now.toISOString(), attempts: 0, lastAttemptAt: null, lastError: null });
    await db.outbox.add({ key: 'k2', companyId: 'c2', action: { kind: 'resync', companyId: 'c2', unsyncedId: 'u1' }, createdAt: now.toISOString(), attempts: 0, lastAttemptAt: null, lastError: null });

    // Address changed: caches go, the waiting action stays (the same service moved).
    await clearConnectionData(db, 'sabc123', ids, { forget: false });
    expect(await readSummary(db, 'sabc123')).toBeUndefined();
    expect(await readSummary(db, 'primary')).toBeDefined();
    expect((await readCompanies(db, ids)).map((c) => c.id)).toEqual(['c2']);
    expect(await readWizard(db, 'sabc123~c1')).toBeUndefined();
    expect(await readUnsyncedSnapshot(db, 'sabc123~c1')).toBeUndefined();
    expect(await readUnsynced(db, 'c2')).toHaveLength(1);
    expect(await db.outbox.count()).toBe(2);
    // Removed: its waiting actions go too, the other service's stay.
    await clearConnectionData(db, 'sabc123', ids, { forget: true });
    expect((await db.outbox.toArray()).map((r) => r.key)).toEqual(['k2']);
    db.close();
  });
});
