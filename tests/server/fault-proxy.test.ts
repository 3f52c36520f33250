/**
 * The fault-injecting proxy (tests/support/fault-proxy.ts) over the wire: the real reference server
 * on a random port, the proxy in front of it, and a plain fetch client, as the browser suite will
 * use it. Every fault is observed from the client's side and, where the server is involved, on the
 * server itself.
 */
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CAPTIVE_PORTAL_HTML, startFaultProxy, type FaultProxy } from '../support/fault-proxy.ts';
import { startTestServer, TOKEN, type TestServer } from './helpers/server.ts';

let t: TestServer;
let proxy: FaultProxy;

beforeEach(async () => {
  t = await startTestServer();
  proxy = await startFaultProxy({ upstream: t.server.url });
});
afterEach(async () => {
  await proxy.close();
  await t.close();
});

const APPROVE = '/api/v1/companies/acme-qbo/wizard/approve';
const APPROVE_BODY = { reviewedIds: ['w1', 'w2', 'w3', 'w4'], approveIds: ['w1', 'w4'], unchecked: 'keep' };

/** fetch through the proxy, with the token; `path` is under /api/v1. */
function viaProxy(method: string, path: string, o: { body?: unknown; headers?: Record<string, string>; token?: string | null; signal?: AbortSignal } = {}) {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (o.token !== null) headers.authorization ??= `Bearer ${o.token ?? TOKEN}`;
  if (o.body !== undefined) headers['content-type'] ??= 'application/json';
  return fetch(`${proxy.url}/api/v1${path}`, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body), signal: o.signal });
}

/** What a client that reads the whole reply sees: a reply, or the error that ended it. */
async function outcome(p: Promise<Response>): Promise<{ status: number; headers: Headers; text: string } | { error: Error }> {
  try {
    const res = await p;
    return { status: res.status, headers: res.headers, text: await res.text() };
  } catch (err) {
    return { error: err as Error };
  }
}

/**
 * Adding a rule that ends connections without a reply closes idle keep-alive connections; a client
 * needs a moment to notice, or its next request goes out on a socket already closed (undici then
 * fails it at once; Chromium resends it on a new connection).
 */
const settleConnections = async () => {
  await new Promise((r) => setTimeout(r, 50));
  // …and at least one I/O poll after it, even if the timer fired late on a loaded machine.
  await new Promise((r) => setImmediate(r));
};

const wizardIds = async () => ((await t.get('/companies/acme-qbo/wizard')).json.items as { id: string }[]).map((i) => i.id);
const pendingLog = async () => (await t.get('/companies/acme-qbo/log?status=pending')).json.items as { id: string; name: string }[];
const changeSeq = async () => (await t.server.store.changeState()).seq;

describe('pass (no rule)', () => {
  it('forwards requests and replies unchanged, ETag / If-None-Match and X-Poll-Interval included', async () => {
    const direct = await t.get('/summary');
    const first = await viaProxy('GET', '/summary');
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe(direct.headers.get('etag'));
    expect(first.headers.get('x-poll-interval')).toBe('60');
    expect(await first.json()).toEqual(direct.json);

    const idle = await viaProxy('GET', '/summary', { headers: { 'if-none-match': direct.headers.get('etag')! } });
    expect(idle.status).toBe(304);
    expect(await idle.text()).toBe('');

    const log = proxy.requests;
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ method: 'GET', url: '/api/v1/summary', fault: 'pass', forwarded: true, upstreamStatus: 200, status: 200, outcome: 'replied' });
    expect(log[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(log[1]!.headers['if-none-match']).toBe(direct.headers.get('etag'));
    expect(log[1]).toMatchObject({ status: 304, outcome: 'replied' });
  });

  it('forwards Authorization as sent: a wrong token is refused by the server itself', async () => {
    const r = await viaProxy('GET', '/companies', { token: 'wrong' });
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect((await r.json()).code).toBe('unauthorized');
    expect(proxy.requests[0]).toMatchObject({ forwarded: true, upstreamStatus: 401 });
  });

  it('forwards Idempotency-Key and the body: the same key replays, and the log tells which reply was a replay', async () => {
    const headers = { 'idempotency-key': 'key-pass-1' };
    const a = await viaProxy('POST', '/companies/acme-qbo/wizard/approve', { body: APPROVE_BODY, headers });
    const b = await viaProxy('POST', '/companies/acme-qbo/wizard/approve', { body: APPROVE_BODY, headers });
    expect(a.status).toBe(200);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(await b.json()).toEqual(await a.json());
    const approves = proxy.matching('POST', '**/wizard/approve');
    expect(approves.map((r) => [r.idempotencyKey, r.replayed])).toEqual([['key-pass-1', false], ['key-pass-1', true]]);
    expect(JSON.parse(approves[0]!.body)).toEqual(APPROVE_BODY);
    expect(await pendingLog()).toHaveLength(2);
  });

  it('is keep-alive safe: many requests over reused connections', async () => {
    for (let i = 0; i < 20; i++) expect((await viaProxy('GET', '/companies')).status).toBe(200);
    expect(proxy.requests.filter((r) => r.reusedConnection).length).toBeGreaterThan(0);
    expect(proxy.requests.every((r) => r.outcome === 'replied')).toBe(true);
  });

  it('streams a large reply through', async () => {
    const r = await outcome(viaProxy('GET', '/companies/acme-qbo/log?limit=500'));
    expect('status' in r && r.status).toBe(200);
  });
});

describe('refuse', () => {
  it('resets the connection without a reply and never forwards', async () => {
    const before = await changeSeq();
    proxy.set({ method: 'POST', path: APPROVE, times: 1, fault: 'refuse' });
    const r = await outcome(viaProxy('POST', '/companies/acme-qbo/wizard/approve', { body: APPROVE_BODY }));
    expect('error' in r).toBe(true);
    expect(await changeSeq()).toBe(before);
    expect(proxy.requests[0]).toMatchObject({ fault: 'refuse', forwarded: false, status: null, outcome: 'reset' });
    // times: 1 — the next one passes.
    expect((await viaProxy('POST', '/companies/acme-qbo/wizard/approve', { body: APPROVE_BODY })).status).toBe(200);
  });

  it('reset sends a TCP RST, close an empty reply', async () => {
    const raw = () =>
      new Promise<string>((resolve) => {
        const req = http.get(`${proxy.url}/api/v1/summary`, { headers: { authorization: `Bearer ${TOKEN}` }, agent: false }, () => resolve('reply'));
        req.on('error', (err: NodeJS.ErrnoException) => resolve(`${err.code}: ${err.message}`));
      });
    proxy.set({ fault: 'refuse' });
    expect(await raw()).toMatch(/^ECONNRESET: read ECONNRESET/);
    proxy.set({ fault: 'refuse', how: 'close' });
    expect(await raw()).toMatch(/^ECONNRESET: socket hang up/);
    expect(proxy.requests.map((r) => r.outcome)).toEqual(['reset', 'closed']);
  });

  it('down() refuses connections (ECONNREFUSED) and up() listens again on the same port', async () => {
    expect((await viaProxy('GET', '/summary')).status).toBe(200);
    await proxy.down();
    const r = await outcome(viaProxy('GET', '/summary'));
    expect('error' in r && (r.error.cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
    await proxy.up();
    expect((await viaProxy('GET', '/summary')).status).toBe(200);
  });
});

describe('delay', () => {
  it('holds a request for N ms before forwarding it', async () => {
    proxy.set({ path: '/api/v1/summary', fault: 'delay', ms: 300 });
    const started = Date.now();
    expect((await viaProxy('GET', '/summary')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(proxy.requests[0]).toMatchObject({ faults: ['delay', 'pass'], forwarded: true, outcome: 'replied' });
  });

  it('without ms holds until the rule is cleared, then forwards', async () => {
    const hang = proxy.set({ method: 'POST', fault: 'delay' });
    const before = await changeSeq();
    let settled = false;
    const pending = viaProxy('POST', '/companies/acme-qbo/wizard/approve', { body: APPROVE_BODY }).finally(() => { settled = true; });
    const held = await proxy.waitFor((r) => r.method === 'POST', { pending: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(settled).toBe(false);
    expect(held).toMatchObject({ outcome: 'pending', forwarded: false });
    expect(await changeSeq()).toBe(before);
    // Other requests are not held behind it.
    expect((await viaProxy('GET', '/summary')).status).toBe(200);
    hang.remove();
    expect((await pending).status).toBe(200);
    expect(held).toMatchObject({ forwarded: true, outcome: 'replied' });
    expect(await wizardIds()).toEqual([]);
  });

  it('a client that gives up while held never reaches the server', async () => {
    proxy.set({ fault: 'delay' });
    const before = await changeSeq();
    const r = await outcome(viaProxy('POST', '/companies/acme-qbo/wizard/approve', { body: APPROVE_BODY, signal: AbortSignal.timeout(500) }));
    expect('error' in r && r.error.name).toBe('TimeoutError');
    const gone = await proxy.waitFor((x) => x.method === 'POST');
    expect(gone).toMatchObject({ outcome: 'client-gone', forwarded: false });
    proxy.clear();
    expect(await changeSeq()).toBe(before);
  });

  it('phase reply: the server applies at once, the reply comes late', async () => {
    proxy.set({ method: 'POST', fault: 'delay', ms: 400, phase: 'reply' });
    const pending = viaProxy('POST', '/companies/acme-qbo/wizard/approve', { body: APPROVE_BODY });
    await proxy.waitFor((r) => r.upstreamStatus === 200, { pending: true });
    expect(await wizardIds()).toEqual([]);
    expect((await pending).status).toBe(200);
  });

  it('then: a delay followed by another fault', async () => {
    proxy.set({ fault: 'delay', ms: 100, then: { fault: 'status', status: 503, retryAfter: 5 } });
    const r = await viaProxy('GET', '/summary');
    expect(r.status).toBe(503);
    expect(proxy.requests[0]!.faults).toEqual(['delay', 'status']);
  });
});

describe('truncate', () => {
  it('sends the status and headers, part of the body, then closes: reading the body fails', async () => {
    const full = (await t.get('/companies/acme-qbo/wizard')).text;
    proxy.set({ path: '/api/v1/companies/*/wizard', fault: 'truncate' });
    const res = await viaProxy('GET', '/companies/acme-qbo/wizard');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(full)));
    await expect(res.text()).rejects.toThrow();
    expect(proxy.requests[0]).toMatchObject({ fault: 'truncate', forwarded: true, upstreamStatus: 200, status: 200, outcome: 'truncated' });
  });

  it('after a POST the server has applied it although the client read no reply', async () => {
    proxy.set({ method: 'POST', fault: 'truncate', bytes: 10 });
    const res = await viaProxy('POST', '/companies/acme-qbo/wizard/approve', { body: APPROVE_BODY });
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
    expect((await pendingLog()).map((e) => e.name).sort()).toEqual(['Oak Hill Estates', 'Payment for Invoice 1001']);
  });
});

describe('status', () => {
  it('429 with the Retry-After given by the test, problem+json, not forwarded', async () => {
    const before = await changeSeq();
    proxy.set({ fault: 'status', status: 429, retryAfter: 120 });
    const r = await viaProxy('POST', '/companies/acme-qbo/wizard/approve', { body: APPROVE_BODY });
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('120');
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    expect(await r.json()).toMatchObject({ status: 429, code: 'rate-limited' });
    expect(await changeSeq()).toBe(before);
    expect(proxy.requests[0]).toMatchObject({ forwarded: false, status: 429, outcome: 'replied' });
  });

  it('503 and 500, and a custom body', async () => {
    proxy.set({ path: '/api/v1/summary', times: 1, fault: 'status', status: 503, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' });
    const a = await viaProxy('GET', '/summary');
    expect([a.status, a.headers.get('retry-after'), (await a.json()).code]).toEqual([503, 'Wed, 21 Oct 2026 07:28:00 GMT', 'unavailable']);
    proxy.set({ times: 1, fault: 'status', status: 500 });
    const b = await viaProxy('GET', '/summary');
    expect([b.status, b.headers.get('retry-after'), (await b.json()).code]).toEqual([500, null, 'internal']);
    proxy.set({ times: 1, fault: 'status', status: 502, body: 'Bad Gateway' });
    const c = await viaProxy('GET', '/summary');
    expect([c.status, c.headers.get('content-type'), await c.text()]).toEqual([502, 'text/plain; charset=utf-8', 'Bad Gateway']);
  });
});

describe('html', () => {
  it('answers 200 with a captive portal page, not JSON, without forwarding', async () => {
    const before = await changeSeq();
    proxy.set({ fault: 'html' });
    const r = await viaProxy('POST', '/companies/acme-qbo/wizard/approve', { body: APPROVE_BODY });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const text = await r.text();
    expect(text).toBe(CAPTIVE_PORTAL_HTML);
    expect(() => JSON.parse(text)).toThrow();
    expect(await changeSeq()).toBe(before);
  });
});

describe('shape', () => {
  it('forwards, then replaces the JSON body with what the map returns, with a correct Content-Length', async () => {
    proxy.set({ path: '/api/v1/summary', fault: 'shape', map: (body) => ({ ...(body as object), companies: 'not a list' }) });
    const r = await viaProxy('GET', '/summary');
    const text = await r.text();
    expect(r.status).toBe(200);
    expect(r.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(JSON.parse(text).companies).toBe('not a list');
    expect(proxy.requests[0]).toMatchObject({ forwarded: true, upstreamStatus: 200, outcome: 'replied' });
  });

  it('on a POST: the server applied it, the client got a body that is not the API\'s', async () => {
    proxy.set({ method: 'POST', fault: 'shape', body: 'OK' });
    const r = await viaProxy('POST', '/companies/acme-qbo/wizard/approve', { body: APPROVE_BODY });
    expect([r.status, await r.text()]).toEqual([200, 'OK']);
    expect(await pendingLog()).toHaveLength(2);
  });

  it('map sees the server reply; an empty 304 passes unchanged', async () => {
    const etag = (await t.get('/summary')).headers.get('etag')!;
    let seen: number | null = null;
    proxy.set({ fault: 'shape', map: (body, reply) => { seen = reply.status; return body; } });
    const r = await viaProxy('GET', '/summary', { headers: { 'if-none-match': etag } });
    expect(r.status).toBe(304);
    expect(seen).toBe(null);
    expect(proxy.requests[0]!.error).toMatch(/not JSON/);
  });
});

describe('unauthorized', () => {
  it('answers 401 problem+json mid-session without forwarding; the next request works again', async () => {
    expect((await viaProxy('GET', '/summary')).status).toBe(200);
    proxy.set({ times: 1, fault: 'unauthorized' });
    const r = await viaProxy('GET', '/summary');
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="synclens"');
    expect(await r.json()).toMatchObject({ status: 401, code: 'unauthorized', type: 'https://synclens.example/problems/unauthorized' });
    expect(proxy.requests[1]).toMatchObject({ fault: 'unauthorized', forwarded: false });
    expect((await viaProxy('GET', '/summary')).status).toBe(200);
  });
});

describe('drop-after-apply', () => {
  it('the server applies the approve once, the client never learns it; a retry with the key replays', async () => {
    // Warm keep-alive connections first: the drop must still reach the client on a fresh connection.
    for (let i = 0; i < 3; i++) await (await viaProxy('GET', '/summary')).text();
    const drop = proxy.add({ method: 'POST', path: '**/wizard/approve', times: 1, fault: 'drop-after-apply' });
    await settleConnections();
    const headers = { 'idempotency-key': 'approve-once-1' };

    const r = await outcome(viaProxy('POST', '/companies/acme-qbo/wizard/approve', { body: APPROVE_BODY, headers }));
    expect('error' in r).toBe(true);
    expect(drop).toMatchObject({ hits: 1, remaining: 0, active: false });
    const [dropped] = proxy.matching('POST', '**/approve');
    expect(dropped).toMatchObject({ fault: 'drop-after-apply', forwarded: true, upstreamStatus: 200, replayed: false, status: null, outcome: 'dropped', reusedConnection: false, idempotencyKey: 'approve-once-1' });
    // Applied on the server although the client saw a failure.
    expect(await wizardIds()).toEqual([]);
    expect(await pendingLog()).toHaveLength(2);

    const retry = await viaProxy('POST', '/companies/acme-qbo/wizard/approve', { body: APPROVE_BODY, headers });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toMatchObject({ approved: 2 });
    expect(await pendingLog()).toHaveLength(2);
    expect(proxy.matching('POST', '**/approve')).toHaveLength(2);
    expect(proxy.applied('POST', '**/approve').map((a) => a.seq)).toEqual([dropped!.seq]);
  });

  it('how: reset', async () => {
    proxy.set({ method: 'POST', fault: 'drop-after-apply', how: 'reset' });
    const r = await outcome(viaProxy('POST', '/companies/acme-qbo/unsynced/u1/resync'));
    expect('error' in r).toBe(true);
    expect((await t.get('/companies/acme-qbo/unsynced')).json.items.find((u: { id: string }) => u.id === 'u1').state).toBe('resync-queued');
  });

  it('closes idle keep-alive connections when added, and replies Connection: close while active', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<{ status: number; connection: string | undefined; reused: boolean }>((resolve, reject) => {
        const req = http.get(`${proxy.url}/api/v1${path}`, { agent, headers: { authorization: `Bearer ${TOKEN}` } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, reused: req.reusedSocket }));
        });
        req.on('error', reject);
      });
    try {
      expect(await get('/summary')).toMatchObject({ connection: 'keep-alive' });
      expect(await get('/summary')).toMatchObject({ reused: true });
      const rule = proxy.add({ method: 'POST', fault: 'drop-after-apply' });
      await settleConnections();
      expect(await get('/summary')).toMatchObject({ status: 200, reused: false, connection: 'close' });
      expect(await get('/summary')).toMatchObject({ reused: false, connection: 'close' });
      rule.remove();
      expect(await get('/summary')).toMatchObject({ connection: 'keep-alive' });
    } finally {
      agent.destroy();
    }
  });
});

describe('rules', () => {
  it('next-N rules expire, then requests pass', async () => {
    const rule = proxy.set({ path: '/api/v1/summary', times: 2, fault: 'status', status: 503, retryAfter: 1 });
    expect(rule.remaining).toBe(2);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await viaProxy('GET', '/summary')).status);
    expect(statuses).toEqual([503, 503, 200, 200]);
    expect(rule).toMatchObject({ hits: 2, remaining: 0, active: false });
  });

  it('match by method and path glob; query strings do not disturb a glob, a RegExp sees them', async () => {
    proxy.add({ method: 'get', path: '/api/v1/companies/*/wizard', fault: 'status', status: 500 });
    proxy.add({ path: /direction=import/, fault: 'status', status: 429, retryAfter: 9 });
    expect((await viaProxy('GET', '/companies/acme-qbo/wizard?direction=export')).status).toBe(500);
    expect((await viaProxy('GET', '/companies/acme-qbd/wizard')).status).toBe(500);
    expect((await viaProxy('GET', '/companies/acme-qbo/wizard?direction=import')).status).toBe(429);
    expect((await viaProxy('GET', '/companies/acme-qbo/wizard/approve')).status).toBe(404); // not matched: /* is one segment
    expect((await viaProxy('POST', '/companies/acme-qbo/wizard/approve', { body: APPROVE_BODY })).status).toBe(200);
    expect((await viaProxy('GET', '/companies/acme-qbo/connector')).status).toBe(200);
  });

  it('when: a condition on the request body or headers', async () => {
    proxy.set({ when: (r) => r.idempotencyKey === 'bad-key', fault: 'unauthorized' });
    expect((await viaProxy('POST', '/companies/acme-qbo/connector/run', { headers: { 'idempotency-key': 'good-key' } })).status).toBe(200);
    expect((await viaProxy('POST', '/companies/acme-qbo/connector/run', { headers: { 'idempotency-key': 'bad-key' } })).status).toBe(401);
  });

  it('the newest matching rule wins; removing it brings the older one back; set() replaces, clear() empties', async () => {
    proxy.add({ fault: 'status', status: 500 });
    const newer = proxy.add({ path: '/api/v1/summary', fault: 'status', status: 503, retryAfter: 2 });
    expect((await viaProxy('GET', '/summary')).status).toBe(503);
    expect((await viaProxy('GET', '/companies')).status).toBe(500);
    newer.remove();
    expect((await viaProxy('GET', '/summary')).status).toBe(500);
    proxy.set({ path: '/api/v1/companies', fault: 'unauthorized' });
    expect((await viaProxy('GET', '/summary')).status).toBe(200);
    proxy.clear();
    expect((await viaProxy('GET', '/companies')).status).toBe(200);
    expect(proxy.requests.map((r) => r.rule)).toEqual(['#2', '#1', '#1', null, null]);
  });

  it('waitFor resolves with a request still to come; clearLog empties the log', async () => {
    const waiting = proxy.waitFor((r) => r.path === '/api/v1/companies');
    await viaProxy('GET', '/companies');
    expect(await waiting).toMatchObject({ outcome: 'replied', status: 200 });
    proxy.clearLog();
    expect(proxy.requests).toEqual([]);
    await expect(proxy.waitFor(() => true, { timeoutMs: 50 })).rejects.toThrow(/no matching request/);
  });
});

describe('close()', () => {
  it('never hangs: a request held for good, an idle keep-alive connection and a slow reply are all cut', async () => {
    await (await viaProxy('GET', '/summary')).text(); // leaves an idle keep-alive connection
    proxy.add({ method: 'POST', fault: 'delay' });
    proxy.add({ path: '/api/v1/companies', fault: 'delay', ms: 60_000, phase: 'reply' });
    const held = outcome(viaProxy('POST', '/companies/acme-qbo/connector/run'));
    const slow = outcome(viaProxy('GET', '/companies'));
    await proxy.waitFor((r) => r.method === 'POST', { pending: true });
    await proxy.waitFor((r) => r.path === '/api/v1/companies' && r.upstreamStatus === 200, { pending: true });
    const started = Date.now();
    await proxy.close();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect('error' in (await held)).toBe(true);
    expect('error' in (await slow)).toBe(true);
    expect(proxy.requests.slice(1).map((r) => r.outcome)).toEqual(['proxy-closed', 'proxy-closed']);
    expect(proxy.requests[1]!.forwarded).toBe(false);
  });
});
