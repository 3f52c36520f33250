// @vitest-environment node
// Node environment: the real reference server is reached with Node's fetch (happy-dom's enforces CORS).
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startServer, type RunningServer } from '@/server/app';
import type { BackgroundContext } from '@/lib/background/context';
import { createHandlers } from '@/lib/background/handlers';
import { onAlarm, onWake } from '@/lib/background/lifecycle';
import { createDb } from '@/lib/db/schema';
import { createRouter, unregisterRouter } from '@/lib/messaging/router';
import type { CommandName, PayloadOf, Reply, ReplyOf } from '@/lib/messaging/protocol';
import { POLL_ALARM } from '@/lib/poll/scheduler';
import { oneService } from './one-service';

const TOKEN = 'background-test-token';
let server: RunningServer;
let ctx: BackgroundContext;
let serviceDown = false;

const self = () => ({ id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('') });
const pageSender = () => ({ id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('').replace(/\/$/, '') });
const contentSender = () => ({ id: fakeBrowser.runtime.id, origin: 'https://qbo.intuit.com', url: 'https://qbo.intuit.com/app/invoice', tab: { id: 3 }, frameId: 0 });

async function send<C extends CommandName>(command: C, payload: PayloadOf<C>, sender: object = pageSender()): Promise<Reply<ReplyOf<C>>> {
  const route = createRouter(createHandlers(ctx), self);
  return (await route({ command, payload }, sender)) as Reply<ReplyOf<C>>;
}
async function ok<C extends CommandName>(command: C, payload: PayloadOf<C>, sender?: object): Promise<ReplyOf<C>> {
  const reply = await send(command, payload, sender);
  if (!reply.ok) throw new Error(`${command} failed: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}
const connect = () => ok('settings.save', oneService(server.url, TOKEN));

beforeEach(async () => {
  fakeBrowser.reset();
  serviceDown = false;
  server = await startServer({ port: 0, db: ':memory:', token: TOKEN, seed: 'demo' });
  ctx = {
    db: createDb(`background-${Math.random()}`),
    now: () => new Date(),
    random: () => 0.5,
    // A switchable network: `serviceDown` makes every request fail like a dead connection.
    fetch: async (input, init) => {
      if (serviceDown) throw new TypeError('fetch failed');
      return fetch(input, init);
    },
    formatTime: (iso) => iso.slice(11, 16),
  };
});
afterEach(async () => {
  unregisterRouter();
  ctx.db.close();
  await Dexie.delete(ctx.db.name);
  await server.close();
});

describe('background entrypoint', () => {
  it('registers its listeners synchronously and creates the poll alarm once across wakes', async () => {
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    // WXT's fake browser has no in-memory commands API: record the registration instead.
    const onShortcut = vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
    const { default: background } = await import('@/entrypoints/background/index');
    background.main();
    expect(onShortcut).toHaveBeenCalledOnce();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
    expect(fakeBrowser.alarms.onAlarm.hasListeners()).toBe(true);
    expect(fakeBrowser.runtime.onInstalled.hasListeners()).toBe(true);
    expect(fakeBrowser.runtime.onStartup.hasListeners()).toBe(true);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(POLL_ALARM)).toBeDefined());
    await onWake(ctx);
    await onWake(ctx);
    expect(create).toHaveBeenCalledTimes(1);
    expect((await fakeBrowser.alarms.get(POLL_ALARM))?.periodInMinutes).toBe(5);
  });
});

describe('commands against the reference server', () => {
  it('answers unconfigured before settings exist', async () => {
    expect((await ok('state.get', {})).status.state).toBe('unconfigured');
    expect(await send('wizard.load', { companyId: 'evergreen' })).toMatchObject({ ok: false, error: { code: 'unconfigured' } });
  });

  it('tests a connection with clear words for each outcome', async () => {
    expect(await ok('settings.test', { apiUrl: server.url, token: TOKEN })).toMatchObject({ ok: true, message: 'Connected: 2 companies' });
    expect(await ok('settings.test', { apiUrl: server.url, token: 'nope' })).toMatchObject({ ok: false, message: 'The service refused the token.' });
    const dead = await ok('settings.test', { apiUrl: 'http://127.0.0.1:9', token: TOKEN });
    expect(dead.ok).toBe(false);
    expect(dead.message).toMatch(/^Could not reach http:\/\/127\.0\.0\.1:9: /);
    expect((await ok('settings.test', { apiUrl: 'ftp://x', token: TOKEN })).message).toMatch(/Only https/);
  });

  it('saves settings, polls at once, caches the summary and sets the badge; the token stays inside', async () => {
    const saved = await connect();
    expect(saved).toEqual({ pollMinutes: 5, connections: [{ id: 'primary', name: '', apiUrl: server.url, hasToken: true, followedCompanyIds: [] }] });
    const snapshot = await ok('state.get', {});
    expect(snapshot.status.state).toBe('ok');
    expect(snapshot.summary?.companies).toHaveLength(2);
    expect(snapshot.companies.map((c) => c.id).sort()).toEqual(['cedar-ridge', 'evergreen']);
    expect(JSON.stringify(snapshot)).not.toContain(TOKEN);
    const waiting = snapshot.summary!.pendingApprovals.export + snapshot.summary!.pendingApprovals.import;
    expect(await fakeBrowser.action.getBadgeText({})).toBe(String(waiting));
    expect(await fakeBrowser.action.getTitle({})).toContain(`${waiting} waiting for approval`);
    expect((await fakeBrowser.alarms.get(POLL_ALARM))?.periodInMinutes).toBe(5);
  });

  it('badge follows only the followed companies', async () => {
    await ok('settings.save', oneService(server.url, TOKEN, { pollMinutes: 15, followed: ['cedar-ridge'] }));
    const { summary } = await ok('state.get', {});
    const cedar = summary!.companies.find((c) => c.companyId === 'cedar-ridge')!;
    expect(await fakeBrowser.action.getBadgeText({})).toBe(String(cedar.pendingApprovals.export + cedar.pendingApprovals.import));
    expect((await fakeBrowser.alarms.get(POLL_ALARM))?.periodInMinutes).toBe(15);
  });

  it('loads the wizard (both directions, all pages), caches it, and approves through the outbox', async () => {
    await connect();
    expect(await ok('wizard.cached', { companyId: 'evergreen' })).toBeNull();
    const loaded = await ok('wizard.load', { companyId: 'evergreen' });
    const { summary } = await ok('state.get', {});
    const evergreen = summary!.companies.find((c) => c.companyId === 'evergreen')!;
    expect(loaded.items).toHaveLength(evergreen.pendingApprovals.export + evergreen.pendingApprovals.import);
    expect(new Set(loaded.items.map((i) => i.direction))).toEqual(new Set(['export', 'import']));
    expect(await ok('wizard.cached', { companyId: 'evergreen' })).toEqual(loaded);

    const before = Number(await fakeBrowser.action.getBadgeText({}));
    const [a, b, c] = loaded.items;
    const result = await ok('wizard.approve', { companyId: 'evergreen', reviewedIds: [a!.id, b!.id, c!.id], approveIds: [a!.id, b!.id], unchecked: 'clear' });
    expect(result).toMatchObject({ approved: 2, cleared: 1 });
    const cached = await ok('wizard.cached', { companyId: 'evergreen' });
    expect(cached!.items.map((i) => i.id)).not.toContain(a!.id);
    expect(cached!.items).toHaveLength(loaded.items.length - 3);
    expect(Number(await fakeBrowser.action.getBadgeText({}))).toBe(before - 3);
    expect(await ctx.db.outbox.count()).toBe(0);
    expect((await ctx.db.activity.toArray())[0]).toMatchObject({ ok: true, kind: 'approve' });
    // The server agrees (the refresh after the action fetched its numbers).
    const fresh = (await ok('state.get', {})).summary!.companies.find((c) => c.companyId === 'evergreen')!;
    expect(fresh.pendingApprovals.export + fresh.pendingApprovals.import).toBe(evergreen.pendingApprovals.export + evergreen.pendingApprovals.import - 3);
  });

  it('refuses an approval of items that were not reviewed, sending nothing', async () => {
    await connect();
    const reply = await send('wizard.approve', { companyId: 'evergreen', reviewedIds: ['wz-1'], approveIds: ['wz-2'], unchecked: 'keep' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(await ctx.db.outbox.count()).toBe(0);
  });

  it('queues an approval while the service is down and delivers it once on the next alarm', async () => {
    await connect();
    const loaded = await ok('wizard.load', { companyId: 'cedar-ridge' });
    const ids = loaded.items.slice(0, 2).map((i) => i.id);
    serviceDown = true;
    const reply = await send('wizard.approve', { companyId: 'cedar-ridge', reviewedIds: ids, approveIds: ids, unchecked: 'keep' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'queued' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/confirms it with the service/);
    expect(await ctx.db.outbox.count()).toBe(1);

    serviceDown = false;
    await onAlarm(ctx, { name: POLL_ALARM });
    expect(await ctx.db.outbox.count()).toBe(0);
    // The server applied the approval exactly once: two pending syncs, both items gone from its wizard.
    await ok('state.refresh', {});
    const summary = (await ok('state.get', {})).summary!.companies.find((c) => c.companyId === 'cedar-ridge')!;
    expect(summary.pendingSyncs).toBe(2);
    const reloaded = await ok('wizard.load', { companyId: 'cedar-ridge' });
    expect(reloaded.items.map((i) => i.id)).not.toContain(ids[0]);
    expect(reloaded.items).toHaveLength(loaded.items.length - 2);
  });

  it('resyncs and clears ids only for items that belong to the company, also from the QBO content script', async () => {
    await connect();
    const routeUnsynced = await fetch(`${server.url}/api/v1/companies/cedar-ridge/unsynced`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const [foreign] = ((await routeUnsynced.json()) as { items: { id: string }[] }).items;
    const wrongCompany = await send('unsynced.resync', { companyId: 'evergreen', unsyncedId: foreign!.id }, contentSender());
    expect(wrongCompany).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(await send('unsynced.resync', { companyId: 'evergreen', unsyncedId: foreign!.id })).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(await ctx.db.outbox.count()).toBe(0);

    const own = (await ctx.db.unsynced.where('companyId').equals('evergreen').toArray())[0]!;
    // A QuickBooks page may only act on what its tab was shown (tests/unit/overlay-authority.test.ts); a page may act on any followed item.
    expect(await send('unsynced.resync', { companyId: 'evergreen', unsyncedId: own.id }, contentSender())).toMatchObject({ ok: false, error: { code: 'rejected' } });
    const resync = await ok('unsynced.resync', { companyId: 'evergreen', unsyncedId: own.id });
    expect(resync.unsynced.state).toBe('resync-queued');
    expect((await ctx.db.unsynced.get(own.id))?.state).toBe('resync-queued');

    const cleared = await ok('unsynced.clearId', { companyId: 'evergreen', unsyncedId: own.id });
    expect(cleared.nextSyncCreatesNewRecord).toBe(true);
    expect((await ctx.db.activity.toArray()).map((a) => a.kind)).toEqual(['resync', 'clear-id']);
  });

  it('keeps the cached snapshot when the service goes away and says since when', async () => {
    await connect();
    serviceDown = true;
    const snapshot = await ok('state.refresh', {});
    expect(snapshot.status.state).toBe('unreachable');
    expect(snapshot.status.failingSince).not.toBeNull();
    expect(snapshot.status.lastSuccessAt).not.toBeNull();
    expect(snapshot.summary).not.toBeNull(); // offline, data from the last success
    expect(await fakeBrowser.action.getBadgeText({})).toBe('?');
  });

  it('shows signed-out when the token is refused', async () => {
    await ok('settings.save', oneService(server.url, 'revoked'));
    expect((await ok('state.get', {})).status.state).toBe('signed-out');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });
});
