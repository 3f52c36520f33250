// @vitest-environment node
// Node environment: the real reference server is reached with Node's fetch (happy-dom's enforces CORS).
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runConnector } from '@/server/emulator/connector';
import { startServer, type RunningServer } from '@/server/app';
import { createCenterHandlers, localDayBound } from '@/lib/background/center-handlers';
import type { BackgroundContext } from '@/lib/background/context';
import { createHandlers } from '@/lib/background/handlers';
import { onAlarm } from '@/lib/background/lifecycle';
import { parseCenterHash } from '@/lib/center/center-link';
import { createDb } from '@/lib/db/schema';
import { localDay } from '@/lib/history/days';
import type { CommandName, PayloadOf, Reply, ReplyOf } from '@/lib/messaging/protocol';
import { createRouter } from '@/lib/messaging/router';
import { DIGEST_ALARM, onDigestAlarm } from '@/lib/notifications/notifier';
import { listenForClicks, resetClickListener } from '@/lib/notifications/show';
import { POLL_ALARM } from '@/lib/poll/scheduler';
import { oneService } from './one-service';

const TOKEN = 'center-test-token';
let server: RunningServer;
let ctx: BackgroundContext;
let serviceDown = false;
let requests: string[] = [];
let now = new Date(2026, 10, 26, 10, 0);
const changed: string[] = [];

const self = () => ({ id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('') });
const pageSender = () => ({ id: fakeBrowser.runtime.id, origin: fakeBrowser.runtime.getURL('').replace(/\/$/, '') });

async function send<C extends CommandName>(command: C, payload: PayloadOf<C>): Promise<Reply<ReplyOf<C>>> {
  const route = createRouter({ ...createHandlers(ctx), ...createCenterHandlers(ctx) }, self);
  return (await route({ command, payload }, pageSender())) as Reply<ReplyOf<C>>;
}
async function ok<C extends CommandName>(command: C, payload: PayloadOf<C>): Promise<ReplyOf<C>> {
  const reply = await send(command, payload);
  if (!reply.ok) throw new Error(`${command} failed: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}
const connect = (followed: string[] = []) => ok('settings.save', oneService(server.url, TOKEN, { followed }));
/** The server's own view, straight over HTTP. */
async function serverGet(path: string) {
  const res = await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  return res.json();
}

beforeEach(async () => {
  fakeBrowser.reset();
  resetClickListener();
  serviceDown = false;
  requests = [];
  changed.length = 0;
  now = new Date(2026, 10, 26, 10, 0);
  server = await startServer({ port: 0, db: ':memory:', token: TOKEN, seed: 'demo' });
  ctx = {
    db: createDb(`center-${Math.random()}`),
    now: () => now,
    random: () => 0.5,
    fetch: async (input, init) => {
      if (serviceDown) throw new TypeError('fetch failed');
      requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    },
    onRecordsChanged: async (companyId) => {
      changed.push(companyId);
    },
  };
});
afterEach(async () => {
  ctx.db.close();
  await Dexie.delete(ctx.db.name);
  await server.close();
});

describe('unsynced lists', () => {
  it('fetches every page, caches it with the fetch time, and answers from the cache instantly', async () => {
    await connect();
    expect(await ok('center.unsyncedCached', { companyId: 'evergreen' })).toBeNull();
    const all = await ok('center.unsynced', { companyId: 'evergreen' });
    const direct = await serverGet('/companies/evergreen/unsynced?limit=500');
    expect(all.items.map((i) => i.id)).toEqual(direct.items.map((i: { id: string }) => i.id));
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.fetchedAt).toBe(now.toISOString());
    serviceDown = true;
    expect(await ok('center.unsyncedCached', { companyId: 'evergreen' })).toEqual(all);
  });

  it('refuses companies the user does not follow, asking the service nothing', async () => {
    await connect(['cedar-ridge']);
    requests = [];
    for (const command of ['center.unsynced', 'center.unsyncedCached'] as const) {
      const reply = await send(command, { companyId: 'evergreen' });
      expect(reply).toMatchObject({ ok: false, error: { code: 'rejected' } });
      if (!reply.ok) expect(reply.error.message).toContain('does not follow');
    }
    expect(await send('center.log', { companyId: 'evergreen', status: 'failed' })).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(await send('center.bulkResync', { companyId: 'evergreen', ids: ['x'] })).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(requests).toEqual([]);
    expect((await ok('center.unsynced', { companyId: 'cedar-ridge' })).companyId).toBe('cedar-ridge');
  });

  it('answers unconfigured before settings exist', async () => {
    expect(await send('center.unsynced', { companyId: 'evergreen' })).toMatchObject({ ok: false, error: { code: 'unconfigured' } });
  });
});

describe('log pages', () => {
  it('passes the filters through and returns the server\'s counts', async () => {
    await connect();
    const failed = await ok('center.log', { companyId: 'evergreen', status: 'failed', limit: 2 });
    expect(failed.items.length).toBeLessThanOrEqual(2);
    expect(failed.items.every((e) => e.status === 'failed')).toBe(true);
    const direct = await serverGet('/companies/evergreen/log?status=failed&limit=2');
    expect(failed.counts).toEqual(direct.counts);
    expect(failed.nextCursor).toBe(direct.nextCursor);
    const next = await ok('center.log', { companyId: 'evergreen', status: 'failed', limit: 2, cursor: failed.nextCursor! });
    expect(next.items.map((e) => e.id)).not.toContain(failed.items[0]!.id);

    const imports = await ok('center.log', { companyId: 'evergreen', status: 'success', direction: 'import' });
    expect(imports.items.every((e) => e.direction === 'import')).toBe(true);
    const directImports = await serverGet('/companies/evergreen/log?status=success&direction=import');
    expect(imports.counts).toEqual(directImports.counts);
  });

  it('turns local days into instants: the whole local day, both ends inclusive', async () => {
    await connect();
    const all = await ok('center.log', { companyId: 'evergreen', status: 'success', limit: 500 });
    const day = localDay(new Date(all.items[0]!.at));
    const slice = await ok('center.log', { companyId: 'evergreen', status: 'success', from: day, to: day, limit: 500 });
    const expected = all.items.filter((e) => localDay(new Date(e.at)) === day).map((e) => e.id);
    expect(slice.items.map((e) => e.id)).toEqual(expected);
    expect(localDayBound('2026-11-26', 'from')).toBe(new Date(2026, 10, 26).toISOString());
    expect(localDayBound('2026-11-26', 'to')).toBe(new Date(new Date(2026, 10, 27).getTime() - 1).toISOString());
  });

  it('refuses an end date before the start date, and bad filters, before asking the service', async () => {
    await connect();
    requests = [];
    expect(await send('center.log', { companyId: 'evergreen', status: 'failed', from: '2026-11-26', to: '2026-11-25' }))
      .toMatchObject({ ok: false, error: { code: 'rejected', message: 'The end date is before the start date.' } });
    expect(await send('center.log', { companyId: 'evergreen', status: 'failed', from: 'yesterday' } as never)).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(requests).toEqual([]);
  });
});

describe('bulk resync', () => {
  it('sends ONE request through the outbox, updates the cache, refreshes the summary and drops record links', async () => {
    await connect();
    const { items } = await ok('center.unsynced', { companyId: 'evergreen' });
    const failed = items.filter((i) => i.state === 'failed');
    expect(failed.length).toBeGreaterThan(1);
    const before = (await ok('state.get', {})).summary!.companies.find((c) => c.companyId === 'evergreen')!.failedSyncs;
    requests = [];
    const result = await ok('center.bulkResync', { companyId: 'evergreen', ids: failed.map((i) => i.id) });
    expect(result.queued).toBe(failed.length);
    expect(requests.filter((r) => r.startsWith('POST'))).toEqual(['POST /api/v1/companies/evergreen/unsynced/resync']);
    expect(await ctx.db.outbox.count()).toBe(0);
    expect((await ctx.db.activity.toArray()).map((a) => a.text)).toEqual([`Resync requested for ${failed.length}`]);
    expect((await ok('center.unsyncedCached', { companyId: 'evergreen' }))!.items.filter((i) => i.state === 'failed')).toEqual([]);
    const after = (await ok('state.get', {})).summary!.companies.find((c) => c.companyId === 'evergreen')!.failedSyncs;
    expect(after).toBe(before - failed.length);
    expect(changed).toEqual(['evergreen']);
  });

  it('keeps the action in the outbox while the service is down and applies it once later', async () => {
    await connect();
    const { items } = await ok('center.unsynced', { companyId: 'evergreen' });
    const ids = items.filter((i) => i.state === 'failed').map((i) => i.id);
    serviceDown = true;
    expect(await send('center.bulkResync', { companyId: 'evergreen', ids })).toMatchObject({ ok: false, error: { code: 'queued' } });
    expect(await ctx.db.outbox.count()).toBe(1);
    serviceDown = false;
    now = new Date(now.getTime() + 3_600_000); // past any back-off
    await onAlarm(ctx, { name: POLL_ALARM });
    expect(await ctx.db.outbox.count()).toBe(0);
    const direct = await serverGet('/companies/evergreen/unsynced?limit=500');
    expect(direct.items.filter((i: { state: string }) => i.state === 'failed')).toEqual([]);
    // One pending log entry per id: the retry was applied once.
    const pending = await serverGet('/companies/evergreen/log?status=pending&limit=500');
    expect(pending.items.filter((e: { localId: string }) => items.some((i) => i.localId === e.localId)).length).toBe(ids.length);
  });
});

describe('history', () => {
  it('records each poll as today\'s counts per followed company', async () => {
    await connect();
    const { summary } = await ok('state.get', {});
    const { days } = await ok('center.history', {});
    const today = localDay(now);
    expect(days.map((d) => d.companyId).sort()).toEqual(['cedar-ridge', 'evergreen']);
    for (const c of summary!.companies) {
      expect(days.find((d) => d.companyId === c.companyId)).toEqual({
        day: today, companyId: c.companyId, waiting: c.pendingApprovals.export + c.pendingApprovals.import, failed: c.failedSyncs, unsynced: c.unsynced,
      });
    }
    await connect(['cedar-ridge']);
    expect((await ok('center.history', { days: 7 })).days.map((d) => d.companyId)).toEqual(['cedar-ridge']);
  });
});

describe('notification settings', () => {
  const ON = { enabled: true, digestAt: '07:30', newFailures: true, connectorAlerts: true, quietFrom: '20:00', quietTo: '06:30' };

  it('defaults to off; saving validates, stores and schedules the digest', async () => {
    expect(await ok('notifications.get', {})).toEqual({ ...ON, enabled: false });
    expect(await send('notifications.save', { ...ON, digestAt: '7:30' })).toMatchObject({ ok: false, error: { code: 'rejected' } });
    expect(await ok('notifications.get', {})).toEqual({ ...ON, enabled: false });
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined();

    expect(await ok('notifications.save', ON)).toEqual(ON);
    expect(await ok('notifications.get', {})).toEqual(ON);
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(new Date(2026, 10, 27, 7, 30).getTime());
    await ok('notifications.save', { ...ON, digestAt: null });
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined();
  });
});

describe('notifications from polls and the digest', () => {
  const ON = { enabled: true, digestAt: '07:30', newFailures: true, connectorAlerts: true, quietFrom: '20:00', quietTo: '06:30' };
  let shown: { id: string; title: string; message: string }[];
  const create = fakeBrowser.notifications.create;
  const contains = fakeBrowser.permissions.contains;

  beforeEach(() => {
    shown = [];
    // The optional permission, granted (the fake browser does not model permissions).
    fakeBrowser.permissions.contains = (async () => true) as never;
    fakeBrowser.notifications.create = (async (id: string, options: { title: string; message: string }) => {
      shown.push({ id, title: options.title, message: options.message });
      return (create as (...args: unknown[]) => Promise<string>).call(fakeBrowser.notifications, id, options);
    }) as never;
  });
  afterEach(() => {
    fakeBrowser.notifications.create = create;
    fakeBrowser.permissions.contains = contains;
  });

  it('one grouped notification for new failures; a click opens the Sync Center filtered to them, even after a restart', async () => {
    await ok('notifications.save', ON);
    await connect(); // first poll: the baseline
    const firstPollAt = now.toISOString();
    expect(shown).toEqual([]);
    // Resync everything, then the connector runs and the same records fail again: new failures.
    const { items } = await ok('center.unsynced', { companyId: 'evergreen' });
    await ok('center.bulkResync', { companyId: 'evergreen', ids: items.filter((i) => i.state === 'failed').map((i) => i.id) });
    const resyncPollAt = now.toISOString();
    now = new Date(now.getTime() + 600_000);
    await runConnector(server.store, 'evergreen');
    const afterRun = (await ok('state.refresh', {})).summary!.companies.find((c) => c.companyId === 'evergreen')!;
    expect(afterRun.failedSyncs).toBeGreaterThan(0);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.message).toBe(`${afterRun.failedSyncs} new sync failure${afterRun.failedSyncs === 1 ? '' : 's'} in Evergreen Tree & Landscape`);
    expect(resyncPollAt).toBe(firstPollAt); // same clock: the previous poll's time is the filter

    // The worker restarts: its listeners are gone; a fresh one finds the target in Dexie.
    fakeBrowser.notifications.resetState();
    resetClickListener();
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    listenForClicks(ctx.db, (err) => { throw err; });
    await fakeBrowser.notifications.onClicked.trigger(shown[0]!.id);
    await vi.waitFor(() => expect(tabs).toHaveBeenCalledOnce());
    const url = new URL(tabs.mock.calls[0]![0].url!);
    expect(url.pathname).toBe('/sidepanel.html');
    expect(parseCenterHash(url.hash)).toEqual({ tab: 'unsynced', companyId: 'evergreen', failedSince: firstPollAt });

    // Polling again with the same counts shows nothing more.
    now = new Date(now.getTime() + 600_000);
    await ok('state.refresh', {});
    expect(shown).toHaveLength(1);
  });

  it('shows no failures in quiet hours, nor without the permission', async () => {
    await ok('notifications.save', ON);
    now = new Date(2026, 10, 26, 21, 0);
    await connect();
    const fail = async () => {
      const { items } = await ok('center.unsynced', { companyId: 'evergreen' });
      await ok('center.bulkResync', { companyId: 'evergreen', ids: items.filter((i) => i.state === 'failed').map((i) => i.id) });
      await runConnector(server.store, 'evergreen');
      now = new Date(now.getTime() + 600_000);
      return ok('state.refresh', {});
    };
    expect((await fail()).summary!.companies.find((c) => c.companyId === 'evergreen')!.failedSyncs).toBeGreaterThan(0);
    expect(shown).toEqual([]);
    fakeBrowser.permissions.contains = (async () => false) as never;
    now = new Date(2026, 10, 27, 10, 0);
    await fail();
    expect(shown).toEqual([]);
  });

  it('the digest fires once for the day, survives a restart, and says what waits', async () => {
    await ok('notifications.save', ON);
    await connect();
    const { summary } = await ok('state.get', {});
    now = new Date(2026, 10, 27, 7, 30);
    await onDigestAlarm(ctx);
    expect(shown).toHaveLength(1);
    const waiting = summary!.companies.reduce((n, c) => n + c.pendingApprovals.export + c.pendingApprovals.import, 0);
    expect(shown[0]).toMatchObject({ id: 'digest:2026-11-27', title: 'SyncLens: 2 companies' });
    expect(shown[0]!.message.startsWith(`${waiting} waiting for approval, ${summary!.unsynced} unsynced, `)).toBe(true);
    expect(shown[0]!.message).toContain('Web Connector last ran');
    // A restarted worker handling a late or repeated alarm does not show it again.
    now = new Date(2026, 10, 27, 7, 45);
    await onDigestAlarm(ctx);
    expect(shown).toHaveLength(1);
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(new Date(2026, 10, 28, 7, 30).getTime());
  });
});
