import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { createApiClient, type ApiClient } from '../../lib/api/client';
import { ApiError } from '../../lib/api/errors';

const TOKEN = 'client-test-token';
let server: RunningServer;
let client: ApiClient;

beforeAll(async () => {
  server = await startServer({ port: 0, db: ':memory:', token: TOKEN, seed: 'demo', pollIntervalSeconds: 120 });
  client = createApiClient({ baseUrl: server.url, token: TOKEN });
});
afterAll(async () => {
  await server?.close();
});

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected the call to fail');
}

describe('API client against the reference server', () => {
  it('reads health and companies', async () => {
    expect(await client.health()).toMatchObject({ status: 'ok' });
    const companies = await client.companies();
    expect(companies.length).toBeGreaterThan(0);
    for (const c of companies) expect(c.id).toBeTruthy();
  });

  it('fetches the summary with an ETag and the poll hint, then gets 304 "unchanged"', async () => {
    const first = await client.summary();
    expect(first.kind).toBe('fresh');
    if (first.kind !== 'fresh') return;
    expect(first.etag).toBeTruthy();
    expect(first.hints.pollIntervalSeconds).toBe(120);
    expect(first.summary.companies.length).toBeGreaterThan(0);
    const second = await client.summary(first.etag);
    expect(second).toEqual({ kind: 'unchanged', hints: { pollIntervalSeconds: 120 } });
    const stale = await client.summary('"not-the-etag"');
    expect(stale.kind).toBe('fresh');
  });

  it('reads per-company summary and connector', async () => {
    const [company] = await client.companies();
    const summary = await client.companySummary(company!.id);
    expect(summary.companyId).toBe(company!.id);
    const connector = await client.connector(company!.id);
    expect(connector.kind).toBe(company!.connector.kind);
  });

  it('follows wizard cursors to the last page without duplicates', async () => {
    const [company] = await client.companies();
    const summary = await client.companySummary(company!.id);
    const page = await client.wizardPage(company!.id, 'export', undefined, 2);
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const all = await client.wizardAll(company!.id, 'export');
    expect(all).toHaveLength(summary.pendingApprovals.export);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    expect(all.every((i) => i.direction === 'export')).toBe(true);
  });

  it('reads the log and unsynced lists with filters', async () => {
    const [company] = await client.companies();
    const failed = await client.logAll(company!.id, { status: 'failed' });
    expect(failed.every((e) => e.status === 'failed')).toBe(true);
    const page = await client.logPage(company!.id, { limit: 1 });
    expect(page.items.length).toBeLessThanOrEqual(1);
    const unsynced = await client.unsyncedAll(company!.id);
    expect(unsynced.length).toBeGreaterThan(0);
    const code = unsynced[0]!.errorCode;
    const byCode = await client.unsyncedAll(company!.id, { code });
    expect(byCode.length).toBeGreaterThan(0);
    expect(byCode.every((u) => u.errorCode === code)).toBe(true);
  });

  it('approves, resyncs, clears an id, bulk-resyncs, looks up links and runs the connector', async () => {
    const companies = await client.companies();
    const company = companies.find((c) => c.system === 'qbo') ?? companies[0]!;
    const items = await client.wizardAll(company.id, 'export');
    const [a, b] = items;
    const approved = await client.approve(company.id, { reviewedIds: [a!.id, b!.id], approveIds: [a!.id], unchecked: 'clear' });
    expect(approved).toMatchObject({ approved: 1, cleared: 1, skipped: 0 });
    expect(approved.pendingLogIds).toHaveLength(1);
    const after = await client.wizardAll(company.id, 'export');
    expect(after.some((i) => i.id === a!.id || i.id === b!.id)).toBe(false);

    const unsynced = await client.unsyncedAll(company.id);
    const resynced = await client.resync(company.id, unsynced[0]!.id);
    expect(resynced.unsynced.id).toBe(unsynced[0]!.id);
    expect(resynced.logEntry.status).toBe('pending');

    const target = unsynced.find((u) => u.qbId) ?? unsynced[1]!;
    const cleared = await client.clearId(company.id, target.id);
    expect(cleared.nextSyncCreatesNewRecord).toBe(true);
    expect(cleared.unsynced.qbId ?? null).toBeNull();

    const bulk = await client.bulkResync(company.id, [unsynced[2]!.id, 'no-such-id']);
    expect(bulk.results).toHaveLength(2);
    expect(bulk.results.find((r) => r.id === 'no-such-id')?.ok).toBe(false);

    const run = await client.runConnector(company.id);
    expect(run.processed).toBeGreaterThan(0);

    const log = await client.logAll(company.id, {});
    const withQb = log.find((e) => e.qbId);
    expect(withQb).toBeDefined();
    const links = await client.links(company.id, withQb!.entityType, [withQb!.qbId!]);
    expect(links[0]?.qbId).toBe(withQb!.qbId);
  });

  it('turns a refused token into signed-out', async () => {
    const wrong = createApiClient({ baseUrl: server.url, token: 'wrong' });
    const err = await caught(wrong.companies());
    expect(err.code).toBe('signed-out');
    expect(err.status).toBe(401);
    expect((await caught(wrong.summary())).code).toBe('signed-out');
  });

  it('parses problem+json for a missing company', async () => {
    const err = await caught(client.companySummary('no-such-company'));
    expect(err.code).toBe('server-error');
    expect(err.status).toBe(404);
    expect(err.problemCode).toBe('not-found');
    expect(err.isDefiniteRefusal).toBe(true);
  });

  it('refuses bad base URLs before sending anything', () => {
    for (const baseUrl of ['ftp://x.example', 'http://sync.example.com', 'not a url', 'javascript:alert(1)']) {
      expect(() => createApiClient({ baseUrl, token: TOKEN })).toThrow(ApiError);
    }
    try {
      createApiClient({ baseUrl: 'file:///etc/passwd', token: TOKEN });
    } catch (err) {
      expect((err as ApiError).code).toBe('bad-url');
    }
  });
});

describe('API client against broken services', () => {
  let garbage: Server;
  let garbageUrl: string;
  beforeAll(async () => {
    garbage = createServer((req, res) => {
      if (req.url?.endsWith('/health')) {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html>Welcome to nginx</html>');
      } else if (req.url?.endsWith('/companies')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ items: [{ id: 'x', name: 42 }] }));
      } else if (req.url?.endsWith('/summary')) {
        res.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '30' });
        res.end('down for maintenance');
      } else if (req.url?.includes('/wizard')) {
        res.writeHead(429, { 'Content-Type': 'application/problem+json', 'Retry-After': '7' });
        res.end(JSON.stringify({ type: 'about:blank', title: 'Too many requests', status: 429, code: 'rate-limited' }));
      } else {
        // Never answers: for the timeout.
      }
    });
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
    garbageUrl = `http://127.0.0.1:${(garbage.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    garbage.closeAllConnections();
    await new Promise((resolve) => garbage.close(resolve));
  });

  it('a non-JSON reply is bad-reply, not a crash', async () => {
    const err = await caught(createApiClient({ baseUrl: garbageUrl, token: 't' }).health());
    expect(err.code).toBe('bad-reply');
  });

  it('a list item of the wrong shape is left out and counted, not the reason the list is refused', async () => {
    const client = createApiClient({ baseUrl: garbageUrl, token: 't' });
    expect(await client.companies()).toEqual([]);
    expect(client.damagedItems()).toEqual({ repaired: 0, dropped: 1 });
  });

  it('503 and 429 carry Retry-After and are not definite refusals', async () => {
    const c = createApiClient({ baseUrl: garbageUrl, token: 't' });
    const down = await caught(c.summary());
    expect(down).toMatchObject({ code: 'server-error', status: 503, retryAfterSeconds: 30 });
    expect(down.isDefiniteRefusal).toBe(false);
    const limited = await caught(c.wizardPage('c1', 'export'));
    expect(limited).toMatchObject({ code: 'server-error', status: 429, retryAfterSeconds: 7, problemCode: 'rate-limited' });
    expect(limited.isDefiniteRefusal).toBe(false);
  });

  it('a silent server times out as unreachable', async () => {
    const err = await caught(createApiClient({ baseUrl: garbageUrl, token: 't', timeoutMs: 300 }).connector('c1'));
    expect(err.code).toBe('unreachable');
    expect(err.message).toMatch(/no answer/);
  });

  it('a closed port is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = await caught(createApiClient({ baseUrl: `http://127.0.0.1:${port}`, token: 't' }).health());
    expect(err.code).toBe('unreachable');
    expect(err.message).toContain(`http://127.0.0.1:${port}`);
  });
});
