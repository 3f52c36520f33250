import { clearVault } from '@/lib/settings/vault';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Summary } from '@/lib/api/schema';
import type { BackgroundContext } from '@/lib/background/context';
import { JOIN_RUNNING_POLL_MS, pollNow } from '@/lib/background/poll-cycle';
import { clientFor } from '@/lib/background/context';
import { buildSnapshot } from '@/lib/background/snapshot';
import { loadConnectionStatuses, loadStatus, STATUS_KEY } from '@/lib/background/status';
import { createDb } from '@/lib/db/schema';
import { GATES_KEY, LEGACY_GATE_KEY, MAX_POLL_INTERVAL_SECONDS, MAX_RETRY_AFTER_SECONDS, afterFailure, afterSuccess, gateOf, loadGates, mayPoll, OPEN_GATE } from '@/lib/poll/gate';
import { POLL_ALARM, ensurePollAlarm } from '@/lib/poll/scheduler';
import { saveSettings } from '@/lib/settings/store';
import { oneService } from './one-service';

const T0 = Date.parse('2026-11-26T09:00:00.000Z');
const MIN = 60_000;

const summary: Summary = {
  companies: [
    {
      companyId: 'c1',
      companyName: 'Green Acres Lawn',
      system: 'qbd',
      connector: { kind: 'web-connector', state: 'ok', lastContactAt: null, lastRunAt: null },
      generatedAt: '2026-11-26T09:00:00.000Z',
      pendingApprovals: { export: 3, import: 1 },
      pendingSyncs: 0,
      failedSyncs: 0,
      unsynced: 0,
    },
  ],
  generatedAt: '2026-11-26T09:00:00.000Z',
  pendingApprovals: { export: 3, import: 1 },
  pendingSyncs: 0,
  failedSyncs: 0,
  unsynced: 0,
};

type Script = (req: { url: string; headers: Record<string, string> }) => Response | Promise<Response>;

/** A network double: records every request and answers with the script (or fails like a dead host). */
function network(script: Script) {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = { url: String(input), headers: (init?.headers ?? {}) as Record<string, string> };
    requests.push(req);
    return script(req);
  });
  return { fetch: fetchFn as unknown as typeof fetch, requests, summaryCalls: () => requests.filter((r) => r.url.endsWith('/summary')).length };
}

const json = (body: unknown, headers: Record<string, string> = {}, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** A well-behaved service: summary with an ETag and a poll hint, 304 when the ETag matches. */
function service(hintSeconds?: number): Script {
  return (req) => {
    const hint: Record<string, string> = hintSeconds ? { 'X-Poll-Interval': String(hintSeconds) } : {};
    if (req.url.endsWith('/summary')) {
      if (req.headers['If-None-Match'] === '"v1"') return new Response(null, { status: 304, headers: hint });
      return json(summary, { ETag: '"v1"', ...hint });
    }
    if (req.url.endsWith('/companies')) return json({ items: [] });
    return json({ type: 'about:blank', title: 'Not found', status: 404, code: 'not-found' }, {}, 404);
  };
}

let clock = T0;
const dbs: BackgroundContext['db'][] = [];
function context(fetchFn: typeof fetch): BackgroundContext {
  const db = createDb(`poll-test-${Math.random()}`);
  dbs.push(db);
  return { db, now: () => new Date(clock), random: () => 0.5, fetch: fetchFn, formatTime: (iso) => iso.slice(11, 16) };
}

beforeEach(async () => {
  fakeBrowser.reset();
  clock = T0;
  await saveSettings(oneService('http://127.0.0.1:9', 't'));
});
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe('the poll alarm', () => {
  it('is created once and not re-created on every wake', async () => {
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    expect(await ensurePollAlarm(5)).toBe(true);
    const first = await fakeBrowser.alarms.get(POLL_ALARM);
    expect(first?.periodInMinutes).toBe(5);
    expect(await ensurePollAlarm(5)).toBe(false);
    expect(await ensurePollAlarm(5)).toBe(false);
    expect(create).toHaveBeenCalledTimes(1);
    expect((await fakeBrowser.alarms.get(POLL_ALARM))?.scheduledTime).toBe(first?.scheduledTime);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });

  it('is re-created when the interval changes', async () => {
    await ensurePollAlarm(5);
    expect(await ensurePollAlarm(15)).toBe(true);
    expect((await fakeBrowser.alarms.get(POLL_ALARM))?.periodInMinutes).toBe(15);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
  });
});

describe('the poll gate (pure)', () => {
  it('lets the first poll through and holds alarm polls until the hint has passed', () => {
    expect(mayPoll(OPEN_GATE, T0, 'alarm')).toBe(true);
    const gate = afterSuccess(T0, 900);
    expect(mayPoll(gate, T0 + 5 * MIN, 'alarm')).toBe(false);
    expect(mayPoll(gate, T0 + 10 * MIN, 'alarm')).toBe(false);
    expect(mayPoll(gate, T0 + 15 * MIN, 'alarm')).toBe(true);
    expect(mayPoll(gate, T0 + 5 * MIN, 'user')).toBe(true); // the popup opening gets fresh data
  });

  it('holds every poll, even a user refresh, until Retry-After', () => {
    const gate = afterFailure(OPEN_GATE, T0, 120, () => 0.5);
    expect(mayPoll(gate, T0 + 60_000, 'user')).toBe(false);
    expect(mayPoll(gate, T0 + 120_000, 'user')).toBe(true);
  });

  it('grows the back-off with each failure', () => {
    let gate = OPEN_GATE;
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      gate = afterFailure(gate, T0, undefined, () => 0.5);
      delays.push((gate.nextAutoAt - T0) / MIN);
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });
});

describe('polling the service', () => {
  it('sends If-None-Match and treats 304 as unchanged', async () => {
    const net = network(service());
    const ctx = context(net.fetch);
    expect(await pollNow(ctx, 'alarm')).toBe('updated');
    clock += 5 * MIN;
    expect(await pollNow(ctx, 'alarm')).toBe('unchanged');
    const summaries = net.requests.filter((r) => r.url.endsWith('/summary'));
    expect(summaries[0]?.headers['If-None-Match']).toBeUndefined();
    expect(summaries[1]?.headers['If-None-Match']).toBe('"v1"');
    expect(summaries[1]?.headers.Authorization).toBe('Bearer t');
    expect((await ctx.db.summary.get('primary'))?.summary).toEqual(summary);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('4');
    expect((await loadStatus()).state).toBe('ok');
  });

  it('never polls faster than X-Poll-Interval when it is slower than the setting', async () => {
    const net = network(service(900)); // 15 minutes, setting is 5
    const ctx = context(net.fetch);
    await pollNow(ctx, 'alarm');
    const outcomes: string[] = [];
    for (let tick = 1; tick <= 6; tick++) {
      clock = T0 + tick * 5 * MIN; // the alarm fires every 5 minutes
      outcomes.push(await pollNow(ctx, 'alarm'));
    }
    expect(outcomes).toEqual(['skipped', 'skipped', 'unchanged', 'skipped', 'skipped', 'unchanged']);
    expect(net.summaryCalls()).toBe(3);
  });

  it('shares one request between concurrent refreshes, but a skipped alarm tick does not swallow a user refresh', async () => {
    const net = network(service(900));
    const ctx = context(net.fetch);
    await pollNow(ctx, 'alarm');
    clock = T0 + 5 * MIN;
    expect(await Promise.all([pollNow(ctx, 'alarm'), pollNow(ctx, 'user')])).toEqual(['skipped', 'unchanged']);
    expect(await Promise.all([pollNow(ctx, 'user'), pollNow(ctx, 'user')])).toEqual(['unchanged', 'unchanged']);
    expect(net.summaryCalls()).toBe(3);
  });

  it('backs off after failures, and the back-off survives a worker restart (kept in storage)', async () => {
    let up = false;
    const net = network((req) => {
      if (!up) throw new TypeError('fetch failed');
      return service()(req);
    });
    const ctx = context(net.fetch);
    expect(await pollNow(ctx, 'alarm')).toBe('failed');
    const status = await loadStatus();
    expect(status.state).toBe('unreachable');
    expect(status.failingSince).toBe(new Date(T0).toISOString());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('?');
    expect((await fakeBrowser.storage.local.get(GATES_KEY))[GATES_KEY]).toMatchObject({ primary: { failures: 1, nextAutoAt: T0 + MIN } });

    clock = T0 + 1 * MIN;
    expect(await pollNow(ctx, 'alarm')).toBe('failed'); // second failure: wait 2 minutes
    expect((await loadStatus()).failingSince).toBe(new Date(T0).toISOString()); // still failing since the first

    // "Restart": a new context, same storage. The tick one minute later is still inside the back-off.
    const restarted = context(net.fetch);
    clock = T0 + 2 * MIN;
    expect(await pollNow(restarted, 'alarm')).toBe('skipped');
    expect(net.summaryCalls()).toBe(2);

    up = true;
    clock = T0 + 3 * MIN;
    expect(await pollNow(restarted, 'alarm')).toBe('updated');
    expect(gateOf(await loadGates(), 'primary')).toMatchObject({ failures: 0 });
    expect(await loadStatus()).toMatchObject({ state: 'ok', failingSince: null });
  });

  it('honours Retry-After from a 429, even for a user refresh', async () => {
    let limited = true;
    const net = network((req) =>
      limited ? json({ type: 'about:blank', title: 'Too many requests', status: 429, code: 'rate-limited' }, { 'Retry-After': '600' }, 429) : service()(req),
    );
    const ctx = context(net.fetch);
    expect(await pollNow(ctx, 'user')).toBe('failed');
    limited = false;
    clock = T0 + 5 * MIN;
    expect(await pollNow(ctx, 'user')).toBe('skipped');
    clock = T0 + 10 * MIN;
    expect(await pollNow(ctx, 'user')).toBe('updated');
    expect(net.summaryCalls()).toBe(2);
  });

  it('reports signed-out on 401 and shows !', async () => {
    const net = network(() => json({ type: 'about:blank', title: 'Unauthorized', status: 401, code: 'unauthorized' }, {}, 401));
    const ctx = context(net.fetch);
    await pollNow(ctx, 'user');
    expect((await loadStatus()).state).toBe('signed-out');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  it('does not poll at all while unconfigured', async () => {
    await clearVault();
    const net = network(service());
    expect(await pollNow(context(net.fetch), 'alarm')).toBe('unconfigured');
    expect(net.requests).toHaveLength(0);
    expect((await loadStatus()).state).toBe('unconfigured');
  });
});

describe('polling several services', () => {
  const OAK = 'http://localhost:9';
  const twoServices = {
    pollMinutes: 5,
    connections: [
      { id: 'primary', name: '', apiUrl: 'http://127.0.0.1:9', token: 't', followedCompanyIds: [] },
      { id: 'sabc123', name: 'Oak books', apiUrl: OAK, token: 'oak-token', followedCompanyIds: [] },
    ],
  };

  it('backs off a failing service on its own while the other keeps polling, and counts both in the badge', async () => {
    await saveSettings(twoServices);
    let oakUp = true;
    const healthy = service();
    const net = network((req) => {
      if (req.url.startsWith(OAK)) {
        if (!oakUp) throw new TypeError('fetch failed');
        expect(req.headers.Authorization).toBe('Bearer oak-token');
      }
      return healthy(req);
    });
    const ctx = context(net.fetch);
    expect(await pollNow(ctx, 'alarm')).toBe('updated');
    // Both services answered with the same company id "c1"; the second one's is keyed.
    const merged = (await ctx.db.summary.toArray()).flatMap((row) => row.summary.companies.map((c) => c.companyId)).sort();
    expect(merged).toEqual(['c1', 'sabc123~c1']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('8');

    oakUp = false;
    clock += 5 * MIN;
    expect(await pollNow(ctx, 'alarm')).toBe('unchanged'); // the primary still answers
    const gates = await loadGates();
    expect(gates.sabc123).toMatchObject({ failures: 1 });
    expect(gates.primary).toMatchObject({ failures: 0 });
    expect((await loadStatus()).state).toBe('ok');
    // Oak's cached counts still count; amber, and the tooltip names the service.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('8');
    expect(await fakeBrowser.action.getTitle({})).toMatch(/cannot reach Oak books since 09:05/);

    const oakCalls = () => net.requests.filter((r) => r.url.startsWith(OAK) && r.url.endsWith('/summary')).length;
    const before = oakCalls();
    clock += 30_000; // within Oak's back-off: an alarm tick leaves it alone, the primary is polled
    await pollNow(ctx, 'alarm');
    expect(oakCalls()).toBe(before);
  });

  it('reads the single status stored before several services as the primary service\'s', async () => {
    const old = { state: 'unreachable', lastSuccessAt: '2026-11-26T08:00:00.000Z', failingSince: '2026-11-26T08:30:00.000Z', message: 'down', nextPollAt: null };
    await fakeBrowser.storage.local.set({ [STATUS_KEY]: old });
    expect(await loadConnectionStatuses()).toEqual({ primary: old });
  });

  it('reads the single gate stored before several services as the primary service\'s', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_GATE_KEY]: { failures: 3, notBefore: 0, nextAutoAt: T0 + 10 * MIN, pollIntervalSeconds: null } });
    expect(gateOf(await loadGates(), 'primary')).toMatchObject({ failures: 3 });
    expect(gateOf(await loadGates(), 'sabc123')).toEqual(OPEN_GATE);
    const net = network(service());
    expect(await pollNow(context(net.fetch), 'alarm')).toBe('skipped'); // still backing off
    expect(net.requests).toHaveLength(0);
  });
});

describe('a server cannot lock polling out (issue 8 §3)', () => {
  it('caps Retry-After at one hour and X-Poll-Interval at the longest period the options offer', () => {
    const paused = afterFailure(OPEN_GATE, T0, 999_999_999, () => 0.5);
    expect(paused.notBefore).toBe(T0 + MAX_RETRY_AFTER_SECONDS * 1000);
    expect(paused.nextAutoAt).toBeLessThanOrEqual(T0 + 60 * MIN);
    expect(mayPoll(paused, T0 + 60 * MIN, 'user')).toBe(true);
    const slow = afterSuccess(T0, 999_999_999);
    expect(slow.pollIntervalSeconds).toBe(MAX_POLL_INTERVAL_SECONDS);
    expect(mayPoll(slow, T0 + 60 * MIN, 'alarm')).toBe(true);
  });

  it('brings a gate stored before the caps back within them', async () => {
    await fakeBrowser.storage.local.set({ [GATES_KEY]: { primary: { failures: 1, notBefore: T0 + 1e12, nextAutoAt: T0 + 1e12, pollIntervalSeconds: 1e9 } } });
    const gate = gateOf(await loadGates(T0), 'primary');
    expect(gate.notBefore).toBe(T0 + 60 * MIN);
    expect(gate.nextAutoAt).toBe(T0 + 60 * MIN);
    expect(gate.pollIntervalSeconds).toBe(MAX_POLL_INTERVAL_SECONDS);
  });

  it('a 429 with an absurd Retry-After pauses for an hour, and the badge tooltip says until when', async () => {
    const net = network(() => json({ type: 'about:blank', title: 'Slow down', status: 429, code: 'rate-limited' }, { 'Retry-After': '999999999' }, 429));
    const ctx = context(net.fetch);
    expect(await pollNow(ctx, 'user')).toBe('failed');
    expect(gateOf(await loadGates(clock), 'primary').notBefore).toBe(T0 + 60 * MIN);
    expect(await fakeBrowser.action.getTitle({})).toMatch(/asked to be left alone until 10:00/);
    const sent = net.requests.length;
    clock += 30 * MIN;
    expect(await pollNow(ctx, 'user')).toBe('skipped');
    expect(net.requests).toHaveLength(sent);
    clock += 31 * MIN;
    await pollNow(ctx, 'user');
    expect(net.requests.length).toBeGreaterThan(sent);
  });

  it('a page\'s own request told to pause stops every later request to that service, pages\' reads included', async () => {
    let busy = true;
    const healthy = service();
    const net = network((req) => (busy ? json({ type: 'about:blank', title: 'Busy', status: 503, code: 'unavailable' }, { 'Retry-After': '120' }, 503) : healthy(req)));
    const ctx = context(net.fetch);
    const client = clientFor(ctx, { id: 'primary', apiUrl: 'http://127.0.0.1:9', token: 't' }, ['primary']);
    await expect(client.wizardAll('c1', 'export')).rejects.toMatchObject({ code: 'server-error', status: 503 });
    busy = false;
    const sent = net.requests.length;
    const paused = await client.wizardAll('c1', 'export').catch((e: unknown) => e);
    expect(paused).toMatchObject({ code: 'paused', retryAfterSeconds: 120 });
    expect((paused as Error).message).toMatch(/asked SyncLens to wait until 0?9:02/);
    expect(await pollNow(ctx, 'user')).toBe('skipped');
    expect(net.requests).toHaveLength(sent);
    expect((await buildSnapshot(ctx)).status.pausedUntil).toBe(new Date(T0 + 120_000).toISOString());
    clock += 121_000;
    expect(await pollNow(ctx, 'user')).toBe('updated');
    expect((await buildSnapshot(ctx)).status.pausedUntil).toBeNull();
  });
});

describe('polls and settings saves (issue 8 §3)', () => {
  /** A service whose summary requests hang until released, one by one. */
  function hangingService() {
    const healthy = service();
    const waiting: (() => void)[] = [];
    let hang = true;
    const net = network(async (req) => {
      if (hang && req.url.endsWith('/summary')) await new Promise<void>((resolve) => waiting.push(resolve));
      return healthy(req);
    });
    return { net, releaseAll: () => waiting.splice(0).forEach((go) => go()), stopHanging: () => (hang = false), waiting: () => waiting.length };
  }

  it('a save polls at once with the new settings, and the poll started before it writes nothing', async () => {
    const svc = hangingService();
    const ctx = context(svc.net.fetch);
    const oldPoll = pollNow(ctx, 'alarm');
    await vi.waitFor(() => expect(svc.waiting()).toBe(1));
    // The user points the primary connection at another service meanwhile.
    svc.stopHanging();
    await saveSettings(oneService('http://localhost:9', 'new-token'));
    expect(await pollNow(ctx, 'user')).toBe('updated');
    const newRequests = svc.net.requests.filter((r) => r.url.startsWith('http://localhost:9'));
    expect(newRequests.length).toBeGreaterThan(0);
    expect(newRequests.every((r) => r.headers.Authorization === 'Bearer new-token')).toBe(true);
    const written = await ctx.db.summary.get('primary');
    svc.releaseAll();
    expect(await oldPoll).toBe('skipped');
    // The stale poll's answer did not overwrite what the new settings' poll stored.
    expect(await ctx.db.summary.get('primary')).toEqual(written);
  });

  it('a user\'s refresh does not wait behind a poll stuck on a request', async () => {
    const svc = hangingService();
    const ctx = context(svc.net.fetch);
    const stuck = pollNow(ctx, 'alarm');
    await vi.waitFor(() => expect(svc.waiting()).toBe(1));
    clock += JOIN_RUNNING_POLL_MS + 1;
    svc.stopHanging();
    expect(await pollNow(ctx, 'user')).toBe('updated');
    expect((await loadStatus()).state).toBe('ok');
    svc.releaseAll();
    // The stuck poll finishing later does not overwrite the newer result.
    expect(await stuck).toBe('skipped');
  });

  it('a user\'s refresh right after an alarm poll started joins it instead of sending twice', async () => {
    const svc = hangingService();
    const ctx = context(svc.net.fetch);
    const first = pollNow(ctx, 'alarm');
    await vi.waitFor(() => expect(svc.waiting()).toBe(1));
    const second = pollNow(ctx, 'user');
    svc.releaseAll();
    expect(await first).toBe('updated');
    expect(await second).toBe('updated');
    expect(svc.net.summaryCalls()).toBe(1);
  });
});
