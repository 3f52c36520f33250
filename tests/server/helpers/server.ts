/** Starts the real reference server in-process (random port, the project's test database) and gives a small fetch helper. */
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer, type StartOptions } from '../../../server/app.ts';
import { testDatabase } from './database.ts';
import { allPages } from '../../support/all-pages.ts';

export const TOKEN = 'test-token-123';
export const SMALL_FIXTURE = fileURLToPath(new URL('../../fixtures/small.json', import.meta.url));

/** A settable clock so tests can move time without waiting. */
export function testClock(start = '2026-03-01T12:00:00.000Z') {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance: (ms: number) => { t += ms; },
    set: (iso: string) => { t = Date.parse(iso); },
  };
}

export interface Reply { status: number; headers: Headers; text: string; json: any }

export interface TestServer {
  server: RunningServer;
  clock: ReturnType<typeof testClock>;
  call(method: string, path: string, opts?: { body?: unknown; raw?: string; headers?: Record<string, string>; token?: string | null }): Promise<Reply>;
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  close(): Promise<void>;
}

export async function startTestServer(opts: Partial<StartOptions> = {}): Promise<TestServer> {
  const clock = testClock();
  const server = await startServer({ port: 0, db: opts.db ?? await testDatabase(), token: TOKEN, seed: SMALL_FIXTURE, now: clock.now, ...opts });
  const call: TestServer['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token !== null) headers.authorization ??= `Bearer ${o.token ?? TOKEN}`;
    let body: string | undefined;
    if (o.raw !== undefined) body = o.raw;
    else if (o.body !== undefined) body = JSON.stringify(o.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${server.url}/api/v1${path}`, { method, headers, body });
    const text = await res.text();
    let json: unknown = undefined;
    try { json = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
    return { status: res.status, headers: res.headers, text, json };
  };
  return {
    server, clock, call,
    get: (path, headers) => call('GET', path, { headers }),
    post: (path, body, headers) => call('POST', path, { body, headers }),
    close: () => server.close(),
  };
}

/** Everything the API can observe about one company, to prove a refused request changed nothing. */
export async function snapshot(t: TestServer, companyId: string) {
  const all = (list: string) => allPages<unknown>(`/companies/${companyId}/${list}`, async (path) => (await t.get(path)).json);
  return {
    summary: (await t.get('/summary')).json,
    wizard: await all('wizard'),
    log: await all('log'),
    unsynced: await all('unsynced'),
    changeSeq: (await t.server.store.changeState()).seq,
  };
}
