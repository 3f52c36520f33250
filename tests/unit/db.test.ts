import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_VERSION, STORES_V1, STORES_V2, STORES_V3, createDb, type OutboxRow } from '@/lib/db/schema';
import { createLinkStore } from '@/lib/db/link-store';
import { readWizard, writeCompanies, readCompanies, writeUnsynced, readUnsynced, readUnsyncedSnapshot, writeWizard, clearCaches } from '@/lib/db/cache';
import type { Company, UnsyncedEntity } from '@/lib/api/schema';

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
    expect((await db.summary.get('current'))?.etag).toBe('"e1"');
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
  it('replaces companies and per-company unsynced lists, and clears everything on request', async () => {
    const db = createDb(freshName());
    await writeCompanies(db, [company, { ...company, id: 'c2' }]);
    await writeCompanies(db, [company]);
    expect((await readCompanies(db)).map((c) => c.id)).toEqual(['c1']);

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
    await clearCaches(db);
    expect(await readCompanies(db)).toEqual([]);
    expect(await readWizard(db, 'c1')).toBeUndefined();
    expect(await readUnsyncedSnapshot(db, 'c3')).toBeUndefined();
    db.close();
  });
});
