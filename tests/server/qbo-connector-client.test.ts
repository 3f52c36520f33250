/**
 * The rate limiter on its own, and the API client's handling of replies the emulator never sends
 * (unreadable JSON, Retry-After dates, echoed tokens, network errors), with a scripted fetch.
 */
import { describe, expect, it } from 'vitest';
import { QboApiClient, requestIdFor, retryAfterMs, uuidFromText, type TokenSource } from '../../server/quickbooks/qbo/api-client.ts';
import { qboConfigFrom } from '../../server/quickbooks/qbo/config.ts';
import { QboAuthExpired } from '../../server/quickbooks/qbo/connection-store.ts';
import { queryString } from '../../server/quickbooks/qbo/qbo-company.ts';
import { RealmLimiter } from '../../server/quickbooks/qbo/rate-limiter.ts';
import { runWithWriteGuard } from '../../server/quickbooks/write-guard.ts';

const CONFIG = qboConfigFrom({ clientId: 'c', clientSecret: 's', redirectUri: 'http://localhost/cb', apiBase: 'https://api.example.test' }, {})!;
const TOKEN = 'eyJ-access-token-value-1234567890';

function tokens(overrides: Partial<TokenSource> = {}): TokenSource & { refreshed: number } {
  const source = {
    refreshed: 0,
    accessToken: async () => TOKEN,
    forceRefresh: async () => {
      source.refreshed++;
      return `${TOKEN}-2`;
    },
    markAuthExpired: async (companyId: string, what?: string) => new QboAuthExpired(companyId, `${what ?? ''} Reconnect.`),
    ...overrides,
  };
  return source;
}

function client(answer: (url: URL, init: RequestInit, n: number) => Response | Promise<Response>, extra: Partial<ConstructorParameters<typeof QboApiClient>[0]> = {}) {
  const calls: { url: URL; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url: new URL(url), init });
    return answer(new URL(url), init, calls.length);
  }) as typeof fetch;
  const api = new QboApiClient({
    config: CONFIG, tokens: tokens(), companyId: 'acme', realmId: '123', fetchImpl, retryDelaysMs: [1, 1], limiter: new RealmLimiter(), ...extra,
  });
  return { api, calls };
}

const reply = (body: string, status = 200, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'application/json', intuit_tid: 'tid-9', ...headers } });

describe('realm limiter', () => {
  it('never runs more than the concurrent limit', async () => {
    const limiter = new RealmLimiter({ concurrent: 3 });
    let running = 0;
    let peak = 0;
    await Promise.all(Array.from({ length: 12 }, () => limiter.run(async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    })));
    expect(peak).toBe(3);
    expect(limiter.stats).toMatchObject({ maxInFlight: 3, total: 12, inFlight: 0, queued: 0 });
  });

  it('starts at most perMinute requests in any rolling window, in order', async () => {
    const limiter = new RealmLimiter({ perMinute: 4, windowMs: 120 });
    const started: number[] = [];
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 10 }, (_, i) => limiter.run(async () => {
      started.push(i);
      return performance.now() - t0;
    }))).then((times) => {
      // 4 at once, 4 after one window, 2 after the second.
      expect(times.slice(0, 4).every((t) => t < 100)).toBe(true);
      expect(times.slice(4, 8).every((t) => t >= 110)).toBe(true);
      expect(times.slice(8).every((t) => t >= 230)).toBe(true);
    });
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('remembers how long QuickBooks asked to wait', () => {
    let now = 1000;
    const limiter = new RealmLimiter({}, () => now);
    expect(limiter.throttledRemainingMs()).toBe(0);
    limiter.throttleFor(5000);
    now += 2000;
    expect(limiter.throttledRemainingMs()).toBe(3000);
    now += 3000;
    expect(limiter.throttledRemainingMs()).toBe(0);
  });
});

describe('API client', () => {
  it('sends minorversion, requestid, Accept and the bearer token', async () => {
    const { api, calls } = client(() => reply('{"Customer":{"Id":"1"},"time":"t"}'));
    const res = await api.request({ method: 'POST', path: 'customer', body: { DisplayName: 'A' }, requestId: 'abc-1' });
    expect(res).toEqual({ ok: true, status: 200, json: { Customer: { Id: '1' }, time: 't' }, tid: 'tid-9' });
    const { url, init } = calls[0]!;
    expect(url.origin + url.pathname).toBe('https://api.example.test/v3/company/123/customer');
    expect(Object.fromEntries(url.searchParams)).toEqual({ minorversion: '75', requestid: 'abc-1' });
    expect(init.headers).toMatchObject({ accept: 'application/json', authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' });
  });

  it('checks the write guard of the work it runs in right before a write leaves, never before a read', async () => {
    const { api, calls } = client(() => reply('{"Customer":{"Id":"1"},"time":"t"}'));
    let held = true;
    const guard = { assertHeld: () => { if (!held) throw new Error('lease taken over'); } };
    await runWithWriteGuard(guard, async () => {
      await api.request({ method: 'POST', path: 'customer', body: { DisplayName: 'A' }, requestId: 'w-1' });
      held = false; // e.g. the instance was paused past its company lease
      await expect(api.request({ method: 'POST', path: 'customer', body: { DisplayName: 'B' }, requestId: 'w-2' })).rejects.toThrow('lease taken over');
      await api.request({ method: 'GET', path: 'customer/1' });
    });
    expect(calls.map((c) => `${c.init.method} ${c.url.pathname.split('/').pop()}`)).toEqual(['POST customer', 'GET 1']);
    // Outside guarded work there is nothing to check.
    await api.request({ method: 'POST', path: 'customer', body: { DisplayName: 'C' }, requestId: 'w-3' });
    expect(calls).toHaveLength(3);
  });

  it('encodes queries with %20, not +', async () => {
    const { api, calls } = client(() => reply('{"QueryResponse":{}}'));
    await api.request({ method: 'GET', path: 'query', query: { query: "select * from Customer where DisplayName = 'A B'" } });
    expect(calls[0]!.url.search).toBe('?minorversion=75&query=select%20*%20from%20Customer%20where%20DisplayName%20%3D%20%27A%20B%27');
    expect(calls[0]!.url.searchParams.get('query')).toBe("select * from Customer where DisplayName = 'A B'");
  });

  it('says so when a reply is not JSON', async () => {
    const { api } = client(() => reply('<<not json', 200, { 'content-type': 'text/plain' }));
    expect(await api.request({ method: 'GET', path: 'customer/1' })).toMatchObject({
      ok: false, failure: { kind: 'unavailable', code: 'bad-reply', transient: false, tid: 'tid-9' },
    });
  });

  it('reads a Retry-After date', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const { api } = client(() => reply('', 429, { 'retry-after': 'Sun, 01 Mar 2026 12:00:30 GMT' }), { now: () => now });
    expect(await api.request({ method: 'GET', path: 'customer/1' })).toMatchObject({ ok: false, failure: { kind: 'throttled', retryAfterMs: 30_000 } });
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('garbage', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('99999999', now)).toBe(86_400_000);
  });

  it('treats a 3001 fault in a 200 reply as throttling, waiting 60 s by default', async () => {
    const body = JSON.stringify({ Fault: { Error: [{ Message: 'ThrottleExceeded', code: '3001' }], type: 'ValidationFault' } });
    const { api } = client(() => reply(body, 200));
    expect(await api.request({ method: 'GET', path: 'customer/1' })).toMatchObject({ ok: false, failure: { kind: 'throttled', retryAfterMs: 60_000, code: '3001' } });
  });

  it('retries network failures with the same requestid, then reports them', async () => {
    const { api, calls } = client(() => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    });
    const res = await api.request({ method: 'POST', path: 'invoice', body: {}, requestId: 'same-id' });
    expect(res).toMatchObject({ ok: false, failure: { kind: 'unavailable', code: 'ECONNRESET', transient: true } });
    expect(calls.map((c) => c.url.searchParams.get('requestid'))).toEqual(['same-id', 'same-id', 'same-id']);
  });

  it('never returns the access token, even when QuickBooks echoes it', async () => {
    const body = JSON.stringify({ Fault: { Error: [{ Message: `bad token ${TOKEN}`, Detail: `token=${TOKEN}`, code: '2000' }], type: 'ValidationFault' } });
    const { api } = client(() => reply(body, 400));
    const res = await api.request({ method: 'GET', path: 'customer/1' });
    expect(JSON.stringify(res)).not.toContain(TOKEN);
    expect(res).toMatchObject({ ok: false, failure: { kind: 'fault', code: '2000', message: 'bad token [redacted]' } });
  });

  it('turns a refused refresh into an auth failure and a failing token service into unavailable', async () => {
    const expired = client(() => reply('{}'), { tokens: tokens({ accessToken: async () => { throw new QboAuthExpired('acme', 'Reconnect, please.'); } }) });
    expect(await expired.api.request({ method: 'GET', path: 'customer/1' })).toEqual({ ok: false, fault: null, failure: { kind: 'auth', message: 'Reconnect, please.' } });
    expect(expired.calls).toHaveLength(0);
    const { OAuthNetworkError } = await import('../../server/quickbooks/qbo/oauth-client.ts');
    const down = client(() => reply('{}'), { tokens: tokens({ accessToken: async () => { throw new OAuthNetworkError('network', 'Could not reach Intuit.'); } }) });
    expect(await down.api.request({ method: 'GET', path: 'customer/1' })).toMatchObject({ ok: false, failure: { kind: 'unavailable', transient: true } });
  });

  it('makes stable request ids QuickBooks accepts', () => {
    expect(requestIdFor('engine-42_a')).toBe('engine-42_a');
    const long = requestIdFor('x'.repeat(80));
    expect(long).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(requestIdFor('x'.repeat(80))).toBe(long);
    expect(uuidFromText('a\nb')).not.toBe(uuidFromText('a\nc'));
  });

  it('escapes query strings', () => {
    expect(queryString("O'Brien")).toBe("'O\\'Brien'");
    expect(queryString('back\\slash')).toBe("'back\\\\slash'");
  });
});
