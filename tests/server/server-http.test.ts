import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompanyList, Connector, Health, Problem } from '../../lib/api/schema.ts';
import { snapshot, startTestServer, TOKEN, type TestServer } from './helpers/server.ts';

let t: TestServer;
beforeAll(async () => { t = await startTestServer({ pollIntervalSeconds: 45 }); });
afterAll(async () => { await t.close(); });

function expectProblem(r: { status: number; headers: Headers; json: any }, status: number, code: string) {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  expect(v.is(Problem, r.json)).toBe(true);
  expect(r.json.code).toBe(code);
  expect(r.json.status).toBe(status);
  expect(typeof r.json.detail).toBe('string');
}

describe('health and auth', () => {
  it('answers /health without a token', async () => {
    const r = await t.call('GET', '/health', { token: null });
    expect(r.status).toBe(200);
    expect(v.parse(Health, r.json).status).toBe('ok');
  });

  it.each([
    ['no token', null],
    ['wrong token', 'nope'],
    ['token with a different length', `${TOKEN}x`],
  ])('refuses %s with 401 problem+json', async (_label, token) => {
    for (const path of ['/companies', '/summary', '/companies/acme-qbo/log']) {
      const r = await t.call('GET', path, { token });
      expectProblem(r, 401, 'unauthorized');
      expect(r.headers.get('www-authenticate')).toContain('Bearer');
    }
  });

  it('refuses a POST without a token and writes nothing', async () => {
    const before = await snapshot(t, 'acme-qbo');
    const r = await t.call('POST', '/companies/acme-qbo/connector/run', { token: null });
    expectProblem(r, 401, 'unauthorized');
    expect(await snapshot(t, 'acme-qbo')).toEqual(before);
  });

  it('sends the X-Poll-Interval hint on successes and errors', async () => {
    expect((await t.get('/companies')).headers.get('x-poll-interval')).toBe('45');
    expect((await t.call('GET', '/companies', { token: 'bad' })).headers.get('x-poll-interval')).toBe('45');
  });
});

describe('companies and connector', () => {
  it('lists companies', async () => {
    const r = await t.get('/companies');
    const list = v.parse(CompanyList, r.json);
    expect(list.items.map((c) => c.id)).toEqual(['acme-qbo', 'acme-qbd']);
    expect(list.items[0]!.realmId).toBe('9130350000000001');
    expect(list.items[1]!.connector.kind).toBe('web-connector');
  });

  it('reports a web connector stale once it is silent for more than two intervals', async () => {
    const ok = v.parse(Connector, (await t.get('/companies/acme-qbd/connector')).json);
    expect(ok.state).toBe('ok');
    expect(ok.intervalMinutes).toBe(60);
    t.clock.advance(2 * 60 * 60_000); // last contact 11:30, now 14:00 = 150 min > 120
    const stale = v.parse(Connector, (await t.get('/companies/acme-qbd/connector')).json);
    expect(stale.state).toBe('stale');
    const run = await t.post('/companies/acme-qbd/connector/run');
    expect(run.json.connector.state).toBe('ok');
    expect(run.json.connector.lastContactAt).toBe(t.clock.now().toISOString());
    t.clock.set('2026-03-01T12:00:00.000Z');
  });
});

describe('refused requests change nothing', () => {
  it('unknown company → 404 on every company route', async () => {
    const before = await snapshot(t, 'acme-qbo');
    for (const [method, path] of [
      ['GET', '/companies/nope/summary'], ['GET', '/companies/nope/connector'], ['GET', '/companies/nope/wizard'],
      ['GET', '/companies/nope/log'], ['GET', '/companies/nope/unsynced'], ['GET', '/companies/nope/links?entityType=Customer&qbIds=1'],
      ['POST', '/companies/nope/wizard/approve'], ['POST', '/companies/nope/unsynced/u1/resync'],
      ['POST', '/companies/nope/unsynced/u1/clear-id'], ['POST', '/companies/nope/unsynced/resync'], ['POST', '/companies/nope/connector/run'],
    ] as const) {
      const r = await t.call(method, path, method === 'POST' ? { body: { reviewedIds: [], approveIds: [], unchecked: 'keep' } } : {});
      expectProblem(r, 404, 'not-found');
      expect(r.json.detail).toContain('nope');
    }
    expect(await snapshot(t, 'acme-qbo')).toEqual(before);
  });

  it('unknown unsynced id → 404', async () => {
    const before = await snapshot(t, 'acme-qbo');
    expectProblem(await t.post('/companies/acme-qbo/unsynced/missing/resync'), 404, 'not-found');
    expectProblem(await t.post('/companies/acme-qbo/unsynced/missing/clear-id'), 404, 'not-found');
    // An id of another company is unknown here too.
    expectProblem(await t.post('/companies/acme-qbd/unsynced/u1/resync'), 404, 'not-found');
    expect(await snapshot(t, 'acme-qbo')).toEqual(before);
  });

  it('malformed JSON → 400 invalid-json', async () => {
    const before = await snapshot(t, 'acme-qbo');
    const r = await t.call('POST', '/companies/acme-qbo/wizard/approve', { raw: '{"reviewedIds": [' });
    expectProblem(r, 400, 'invalid-json');
    const r2 = await t.call('POST', '/companies/acme-qbo/unsynced/u1/resync', { raw: 'not json' });
    expectProblem(r2, 400, 'invalid-json');
    expect(await snapshot(t, 'acme-qbo')).toEqual(before);
  });

  it.each([
    ['a wrong type', { reviewedIds: 'w1', approveIds: [], unchecked: 'keep' }, 'reviewedIds'],
    ['a missing field', { reviewedIds: ['w1'], approveIds: ['w1'] }, 'unchecked'],
    ['a bad option', { reviewedIds: ['w1'], approveIds: [], unchecked: 'maybe' }, 'unchecked'],
    ['an unknown key', { reviewedIds: ['w1'], approveIds: ['w1'], unchecked: 'keep', extra: 1 }, 'extra'],
    ['an approved id that was not reviewed', { reviewedIds: ['w1'], approveIds: ['w2'], unchecked: 'keep' }, 'approveIds'],
    ['an empty id', { reviewedIds: [''], approveIds: [], unchecked: 'clear' }, 'reviewedIds.0'],
  ])('approve with %s → 422 naming the field', async (_label, body, path) => {
    const before = await snapshot(t, 'acme-qbo');
    const r = await t.post('/companies/acme-qbo/wizard/approve', body);
    expectProblem(r, 422, 'validation-failed');
    expect(r.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await snapshot(t, 'acme-qbo')).toEqual(before);
  });

  it('bulk resync validates its body', async () => {
    const before = await snapshot(t, 'acme-qbo');
    const empty = await t.post('/companies/acme-qbo/unsynced/resync', { ids: [] });
    expectProblem(empty, 422, 'validation-failed');
    expect(empty.json.errors[0].path).toBe('ids');
    expectProblem(await t.post('/companies/acme-qbo/unsynced/resync', { ids: [1] }), 422, 'validation-failed');
    expect(await snapshot(t, 'acme-qbo')).toEqual(before);
  });

  it('POSTs that take no payload refuse a body with content', async () => {
    const before = await snapshot(t, 'acme-qbo');
    const r = await t.post('/companies/acme-qbo/connector/run', { force: true });
    expectProblem(r, 422, 'validation-failed');
    expect(await snapshot(t, 'acme-qbo')).toEqual(before);
  });

  it('a body over 2 MB → 413 payload-too-large', async () => {
    const before = await snapshot(t, 'acme-qbo');
    const ids = Array.from({ length: 9000 }, (_, i) => `w-${'x'.repeat(230)}-${i}`);
    const r = await t.post('/companies/acme-qbo/wizard/approve', { reviewedIds: ids, approveIds: [], unchecked: 'keep' });
    expectProblem(r, 413, 'payload-too-large');
    expect(await snapshot(t, 'acme-qbo')).toEqual(before);
  });

  it('bad query parameters → 400 naming the parameter', async () => {
    for (const [path, param] of [
      ['/companies/acme-qbo/log?status=done', 'status'], ['/companies/acme-qbo/log?limit=501', 'limit'],
      ['/companies/acme-qbo/log?limit=0', 'limit'], ['/companies/acme-qbo/log?limit=ten', 'limit'],
      ['/companies/acme-qbo/unsynced?entityType=invoice', 'entityType'], ['/companies/acme-qbo/wizard?direction=sideways', 'direction'],
      ['/companies/acme-qbo/links?entityType=Customer', 'qbIds'], ['/companies/acme-qbo/links?qbIds=1', 'entityType'],
      ['/companies/acme-qbo/links?entityType=Customer&qbIds=1,bad id', 'qbIds.1'],
    ] as const) {
      const r = await t.get(path);
      expectProblem(r, 400, 'bad-request');
      expect(r.json.errors.map((e: { path: string }) => e.path), path).toContain(param);
    }
  });

  it('unknown routes → 404 problem+json', async () => {
    expectProblem(await t.get('/nothing-here'), 404, 'not-found');
  });

  it('renders nothing as HTML: problem details echo ids as JSON text', async () => {
    const r = await t.get('/companies/%3Cscript%3E/summary');
    expectProblem(r, 404, 'not-found');
    expect(r.headers.get('content-type')).not.toContain('html');
  });
});
