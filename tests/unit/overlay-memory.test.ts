/**
 * What the overlay keeps in the background does not grow forever: the record-link cache is pruned
 * by age and count, and open QuickBooks tabs hear when the followed companies change (only then).
 */
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Company, Link } from '@/lib/api/schema';
import type { BackgroundContext } from '@/lib/background/context';
import { writeCompanies } from '@/lib/db/cache';
import { createLinkStore } from '@/lib/db/link-store';
import { createDb } from '@/lib/db/schema';
import { followedSignature, watchFollowedCompanies } from '@/lib/records/company-watch';
import { createRecordStatusService, LINK_CACHE_MAX_AGE_MS, LINK_CACHE_MAX_ROWS, PRUNE_EVERY_MS } from '@/lib/records/record-status';
import { saveSettings } from '@/lib/settings/store';
import { oneService } from './one-service';

let ctx: BackgroundContext;
beforeEach(() => {
  fakeBrowser.reset();
  ctx = { db: createDb(`overlay-memory-${Math.random()}`), now: () => new Date(), random: () => 0.5 };
});
afterEach(async () => {
  ctx.db.close();
  await Dexie.delete(ctx.db.name);
});

const link = (qbId: string): Link => ({ entityType: 'Invoice', qbId, localId: null, name: null, status: 'not-linked' });

describe('record-link cache', () => {
  it('prunes by age, then keeps only the newest rows', async () => {
    const store = createLinkStore(ctx.db);
    const now = 10 * LINK_CACHE_MAX_AGE_MS;
    await store.putMany([
      { key: 'c|Invoice|1', link: link('1'), fetchedAt: now - LINK_CACHE_MAX_AGE_MS - 1 },
      { key: 'c|Invoice|2', link: link('2'), fetchedAt: now - 1_000 },
      { key: 'c|Invoice|3', link: link('3'), fetchedAt: now - 2_000 },
      { key: 'c|Invoice|4', link: link('4'), fetchedAt: now },
    ]);
    expect(await store.prune(now - LINK_CACHE_MAX_AGE_MS, 2)).toBe(2);
    expect((await ctx.db.links.toCollection().primaryKeys()).sort()).toEqual(['c|Invoice|2', 'c|Invoice|4']);
  });

  it('the lookup service prunes as it writes, at most every few minutes', async () => {
    const store = createLinkStore(ctx.db);
    const prune = vi.spyOn(store, 'prune');
    let now = 5 * LINK_CACHE_MAX_AGE_MS;
    const company = { id: 'c', name: 'C', system: 'qbo', realmId: '1', connector: { kind: 'qbo-api', state: 'ok', lastContactAt: null, lastRunAt: null } } as Company;
    const service = createRecordStatusService({
      client: async () => ({ links: async (_c: string, _t: string, ids: string[]) => ids.map(link) }) as never,
      company: async () => company,
      store,
      explain: () => null,
      now: () => now,
      ttlMs: 1,
    });
    await ctx.db.links.bulkPut(Array.from({ length: 30 }, (_, i) => ({ key: `old|Invoice|${i}`, link: link(String(i)), fetchedAt: 0 })));
    await service.links('c', [{ entityType: 'Invoice', qbId: '1' }]);
    await service.settled(); // the lookup answers without waiting for its cache write
    expect(prune).toHaveBeenCalledWith(now - LINK_CACHE_MAX_AGE_MS, LINK_CACHE_MAX_ROWS);
    expect(await ctx.db.links.count()).toBe(1);
    now += 10;
    await service.links('c', [{ entityType: 'Invoice', qbId: '2' }]);
    await service.settled();
    expect(prune).toHaveBeenCalledTimes(1);
    now += PRUNE_EVERY_MS;
    await service.links('c', [{ entityType: 'Invoice', qbId: '3' }]);
    await service.settled();
    expect(prune).toHaveBeenCalledTimes(2);
  });
});

describe('followed companies watch', () => {
  const qbo = (id: string, realmId: string): Company =>
    ({ id, name: id, system: 'qbo', realmId, connector: { kind: 'qbo-api', state: 'ok', lastContactAt: null, lastRunAt: null } }) as Company;

  it('tells QuickBooks tabs when the first company list arrives or the followed set changes, not when a poll rewrites the same list', async () => {
    await saveSettings(oneService('http://127.0.0.1:9/', 'token'));
    const notice = vi.fn(async () => {});
    const watch = watchFollowedCompanies(ctx, notice, 5);
    await watch.check(); // the start: nothing known yet, nothing to tell
    expect(notice).not.toHaveBeenCalled();

    await writeCompanies(ctx.db, 'primary', [qbo('evergreen', '1')], ['primary']);
    await vi.waitFor(() => expect(notice).toHaveBeenCalledTimes(1));
    await writeCompanies(ctx.db, 'primary', [qbo('evergreen', '1')], ['primary']);
    await new Promise((r) => setTimeout(r, 30));
    expect(notice).toHaveBeenCalledTimes(1);

    // A follow list that leaves evergreen out (saved settings live in the vault, also watched).
    await writeCompanies(ctx.db, 'primary', [qbo('evergreen', '1'), qbo('birchwood', '2')], ['primary']);
    await vi.waitFor(() => expect(notice).toHaveBeenCalledTimes(2));
    await saveSettings(oneService('http://127.0.0.1:9/', 'token', { followed: ['birchwood'] }));
    await vi.waitFor(() => expect(notice).toHaveBeenCalledTimes(3));
    watch.stop();
  });

  it('compares what the decision depends on', () => {
    expect(followedSignature([{ id: 'a', name: 'A', realmId: '1' }, { id: 'b', name: 'B', realmId: '2' }])).toBe(
      followedSignature([{ id: 'b', name: 'B', realmId: '2' }, { id: 'a', name: 'A', realmId: '1' }]),
    );
    expect(followedSignature([{ id: 'a', name: 'A', realmId: '1' }])).not.toBe(followedSignature([{ id: 'a', name: 'A', realmId: '3' }]));
  });
});
