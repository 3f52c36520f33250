// @vitest-environment node
// Node environment: the real reference servers are reached with Node's fetch (happy-dom's enforces CORS).
/**
 * Two real reference servers with the same demo data, so both have companies called "evergreen"
 * and "cedar-ridge" and the same unsynced ids: every action must reach the right service only.
 */
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startServer, type RunningServer } from '@/server/app';
import { createApiClient } from '@/lib/api/client';
import { createCenterHandlers } from '@/lib/background/center-handlers';
import type { BackgroundContext } from '@/lib/background/context';
import { createHandlers } from '@/lib/background/handlers';
import { createDb } from '@/lib/db/schema';
import { createLinkStore } from '@/lib/db/link-store';
import type { CommandName, PayloadOf, Reply, ReplyOf, SettingsInput } from '@/lib/messaging/protocol';
import { createRouter } from '@/lib/messaging/router';
import { createOverlayHandlers } from '@/lib/records/overlay-handlers';

const TOKEN_A = 'service-a-token';
const TOKEN_B = 'service-b-token';
const OAK = 'sabc123';
let a: RunningServer;
let b: RunningServer;
let ctx: BackgroundContext;

const self = () => ({ id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('') });
const pageSender = () => ({ id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('').replace(/\/$/, '') });

async function send<C extends CommandName>(command: C, payload: PayloadOf<C>): Promise<Reply<ReplyOf<C>>> {
  const { forgetCompany: _forget, ...overlay } = createOverlayHandlers(ctx, createLinkStore(ctx.db));
  const route = createRouter({ ...createHandlers(ctx), ...createCenterHandlers(ctx), ...overlay }, self);
  return (await route({ command, payload }, pageSender())) as Reply<ReplyOf<C>>;
}
async function ok<C extends CommandName>(command: C, payload: PayloadOf<C>): Promise<ReplyOf<C>> {
  const reply = await send(command, payload);
  if (!reply.ok) throw new Error(`${command} failed: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}

const bothServices = (): SettingsInput => ({
  pollMinutes: 5,
  connections: [
    { id: 'primary', name: 'Evergreen books', apiUrl: a.url, token: TOKEN_A, followedCompanyIds: [] },
    { id: OAK, name: 'Oak Hill books', apiUrl: b.url, token: TOKEN_B, followedCompanyIds: ['evergreen'] },
  ],
});
const plainA = () => createApiClient({ baseUrl: a.url, token: TOKEN_A });
const plainB = () => createApiClient({ baseUrl: b.url, token: TOKEN_B });

beforeEach(async () => {
  fakeBrowser.reset();
  [a, b] = await Promise.all([
    startServer({ port: 0, db: ':memory:', token: TOKEN_A, seed: 'demo' }),
    startServer({ port: 0, db: ':memory:', token: TOKEN_B, seed: 'demo' }),
  ]);
  ctx = { db: createDb(`several-${Math.random()}`), now: () => new Date(), random: () => 0.5, formatTime: (iso) => iso.slice(11, 16) };
});
afterEach(async () => {
  ctx.db.close();
  await Dexie.delete(ctx.db.name);
  await Promise.all([a.close(), b.close()]);
});

describe('several sync services', () => {
  it('lists both services\' companies under distinct keys and sums only what is followed in the badge', async () => {
    await ok('settings.save', bothServices());
    const snap = await ok('state.get', {});
    expect(snap.companies.map((c) => c.id).sort()).toEqual(['cedar-ridge', 'evergreen', `${OAK}~cedar-ridge`, `${OAK}~evergreen`]);
    expect(snap.connections.map((c) => [c.id, c.status.state])).toEqual([['primary', 'ok'], [OAK, 'ok']]);

    const summaryA = (await plainA().summary()) as { kind: 'fresh'; summary: { companies: { companyId: string; pendingApprovals: { export: number; import: number } }[] } };
    const waiting = (id: string) => {
      const c = summaryA.summary.companies.find((x) => x.companyId === id)!;
      return c.pendingApprovals.export + c.pendingApprovals.import;
    };
    // Service A: every company; service B (same data): only evergreen.
    const expected = waiting('evergreen') + waiting('cedar-ridge') + waiting('evergreen');
    expect(await fakeBrowser.action.getBadgeText({})).toBe(String(expected));
  });

  it('approves, resyncs and clears ids on the service the company key names, and nowhere else', async () => {
    await ok('settings.save', bothServices());
    const oakEvergreen = `${OAK}~evergreen`;

    const wizard = await ok('wizard.load', { companyId: oakEvergreen });
    expect(wizard.items.length).toBeGreaterThan(0);
    expect(new Set(wizard.items.map((i) => i.companyId))).toEqual(new Set([oakEvergreen]));
    const ids = wizard.items.map((i) => i.id);
    const approved = await ok('wizard.approve', { companyId: oakEvergreen, reviewedIds: ids, approveIds: ids, unchecked: 'keep' });
    expect(approved.approved).toBe(ids.length);
    expect(await plainB().wizardAll('evergreen', 'export')).toEqual([]);
    expect((await plainA().wizardAll('evergreen', 'export')).length).toBeGreaterThan(0); // untouched

    const list = await ok('center.unsynced', { companyId: oakEvergreen });
    const row = list.items.find((u) => u.state === 'failed')!;
    expect(row.id.startsWith(`${OAK}~`)).toBe(true);
    const plainId = row.id.slice(OAK.length + 1);
    const resynced = await ok('unsynced.resync', { companyId: oakEvergreen, unsyncedId: row.id });
    expect(resynced.unsynced.id).toBe(row.id);
    expect((await plainB().unsyncedAll('evergreen')).find((u) => u.id === plainId)?.state).toBe('resync-queued');
    expect((await plainA().unsyncedAll('evergreen')).find((u) => u.id === plainId)?.state).toBe('failed');

    // The primary's ids are plain; an id of one service never reaches the other.
    const primaryRow = (await ok('center.unsynced', { companyId: 'evergreen' })).items.find((u) => u.state === 'failed')!;
    expect(primaryRow.id).toBe(plainId);
    const crossed = await send('unsynced.clearId', { companyId: oakEvergreen, unsyncedId: primaryRow.id });
    expect(crossed).toMatchObject({ ok: false, error: { code: 'rejected' } });

    const bulk = await ok('center.bulkResync', { companyId: 'evergreen', ids: [primaryRow.id] });
    expect(bulk.results).toEqual([expect.objectContaining({ id: primaryRow.id, ok: true })]);
    expect((await plainA().unsyncedAll('evergreen')).find((u) => u.id === plainId)?.state).toBe('resync-queued');
  });

  it('refuses a company the second service does not follow', async () => {
    await ok('settings.save', bothServices());
    const reply = await send('center.unsynced', { companyId: `${OAK}~cedar-ridge` });
    expect(reply).toMatchObject({ ok: false, error: { code: 'rejected' } });
  });

  it('removing a service drops its companies, caches and waiting actions, and leaves the other alone', async () => {
    await ok('settings.save', bothServices());
    await ok('center.unsynced', { companyId: `${OAK}~evergreen` });
    await ok('center.unsynced', { companyId: 'evergreen' });
    await ctx.db.outbox.add({ key: 'waiting-b', companyId: `${OAK}~evergreen`, action: { kind: 'resync', companyId: `${OAK}~evergreen`, unsyncedId: `${OAK}~x` }, createdAt: new Date().toISOString(), attempts: 1, lastAttemptAt: null, lastError: 'offline' });

    const [primary] = bothServices().connections;
    await ok('settings.save', { pollMinutes: 5, connections: [{ ...primary!, token: undefined }] });
    const snap = await ok('state.get', {});
    expect(snap.companies.map((c) => c.id).sort()).toEqual(['cedar-ridge', 'evergreen']);
    expect(snap.connections.map((c) => c.id)).toEqual(['primary']);
    expect(await ctx.db.outbox.get('waiting-b')).toBeUndefined();
    expect(await ctx.db.unsynced.where('companyId').equals(`${OAK}~evergreen`).count()).toBe(0);
    expect(await ctx.db.unsynced.where('companyId').equals('evergreen').count()).toBeGreaterThan(0);
    expect(await send('wizard.load', { companyId: `${OAK}~evergreen` })).toMatchObject({ ok: false });
  });

  it('keeps showing one service while the other refuses its token, and says which one', async () => {
    const input = bothServices();
    input.connections[1]!.token = 'wrong';
    await ok('settings.save', input);
    const snap = await ok('state.get', {});
    expect(snap.status.state).toBe('ok');
    expect(snap.connections.find((c) => c.id === OAK)?.status.state).toBe('signed-out');
    expect(await fakeBrowser.action.getTitle({})).toMatch(/Oak Hill books refused the token/);
    expect(snap.companies.map((c) => c.id).sort()).toEqual(['cedar-ridge', 'evergreen']);
  });

  it('tests a saved service with its stored token and answers plain company ids', async () => {
    await ok('settings.save', bothServices());
    const result = await ok('settings.test', { apiUrl: b.url, connectionId: OAK });
    expect(result.ok).toBe(true);
    expect(result.companies.map((c) => c.id).sort()).toEqual(['cedar-ridge', 'evergreen']);
    // A's saved token is never sent to B's server.
    expect(await ok('settings.test', { apiUrl: b.url, connectionId: 'primary' })).toMatchObject({ ok: false, message: expect.stringMatching(/belongs to another server/) });
  });
});
