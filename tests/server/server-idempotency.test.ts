import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../server/app.ts';
import { snapshot, SMALL_FIXTURE, startTestServer, testClock, TOKEN, type TestServer } from './helpers/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'synclens-idem-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 24 * 60 * 60 * 1000;
const APPROVE = '/companies/acme-qbo/wizard/approve';
const RUN = '/companies/acme-qbo/connector/run';

let t: TestServer;
afterEach(async () => { await t?.close(); });

const send = (path: string, raw: string, key: string) => t.call('POST', path, { raw, headers: { 'idempotency-key': key } });
const storedKeys = async () => (await t.server.store.db.prepare('SELECT key FROM idempotency_keys ORDER BY created_at, key').pluck().all()) as string[];

describe('Idempotency-Key: the same JSON is the same request', () => {
  it('replays a body sent again with other whitespace, key order and escapes, and changes nothing', async () => {
    t = await startTestServer();
    const first = await send(APPROVE, '{"reviewedIds":["w1","w2"],"approveIds":["w1"],"unchecked":"keep"}', 'same-json');
    expect(first.status).toBe(200);
    expect(first.json.approved).toBe(1);
    const state = await snapshot(t, 'acme-qbo');

    const again = await send(APPROVE, '{\n  "unchecked" : "keep",\n  "approveIds": [ "\\u0077\\u0031" ],\n\t"reviewedIds": ["w1", "w2"]\n}\n', 'same-json');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    expect(await snapshot(t, 'acme-qbo')).toEqual(state);
  });

  it('still refuses the same key with a different JSON value (array order counts)', async () => {
    t = await startTestServer();
    expect((await send(APPROVE, '{"reviewedIds":["w1","w2"],"approveIds":["w1"],"unchecked":"keep"}', 'other-json')).status).toBe(200);
    const state = await snapshot(t, 'acme-qbo');
    const r = await send(APPROVE, '{"reviewedIds":["w2","w1"],"approveIds":["w1"],"unchecked":"keep"}', 'other-json');
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('idempotency-key-reused');
    expect(await snapshot(t, 'acme-qbo')).toEqual(state);
  });

  it('compares a body that is not JSON by its raw text', async () => {
    t = await startTestServer();
    const first = await send(RUN, '', 'raw-body');
    expect(first.status).toBe(200);
    const replay = await send(RUN, '', 'raw-body');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json).toEqual(first.json);
    expect((await send(RUN, ' ', 'raw-body')).json.code).toBe('idempotency-key-reused');
    // "{}" and "{ }" are the same JSON value.
    expect((await send(RUN, '{}', 'empty-object')).status).toBe(200);
    expect((await send(RUN, '{ }', 'empty-object')).headers.get('idempotent-replayed')).toBe('true');
  });

  it('still replays a key stored before bodies were compared as JSON (hash of the raw text)', async () => {
    t = await startTestServer();
    const raw = '{"reviewedIds":["w1"],"approveIds":["w1"],"unchecked":"keep"}';
    const stored = { approved: 1, cleared: 0, kept: 0, skipped: 0, pendingLogIds: ['log-legacy'] };
    await t.server.store.db.prepare('INSERT INTO idempotency_keys (key, route, body_hash, status, response, created_at) VALUES (?,?,?,?,?,?)')
      .run('legacy', `POST /api/v1${APPROVE}`, createHash('sha256').update(raw).digest('hex'), 200, JSON.stringify(stored), t.clock.now().toISOString());
    const r = await send(APPROVE, raw, 'legacy');
    expect(r.headers.get('idempotent-replayed')).toBe('true');
    expect(r.json).toEqual(stored);
  });
});

describe('Idempotency-Key pruning', () => {
  it('drops keys older than 7 days; a key inside the window still replays', async () => {
    t = await startTestServer({ idempotencyRetention: { pruneEvery: 1 } });
    const old = await send(RUN, '', 'day-0');
    t.clock.advance(7 * DAY - 60_000);
    await send(RUN, '', 'day-7-minus-a-minute'); // prunes: day-0 is still inside the window
    expect(await storedKeys()).toEqual(['day-0', 'day-7-minus-a-minute']);
    const replay = await send(RUN, '', 'day-0');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json).toEqual(old.json);

    t.clock.advance(2 * DAY);
    await send(RUN, '', 'day-9');
    expect(await storedKeys()).toEqual(['day-7-minus-a-minute', 'day-9']);
    // The pruned key is free again: a different body is a new request, not a 422.
    const reused = await send(RUN, '{}', 'day-0');
    expect(reused.status).toBe(200);
    expect(reused.headers.get('idempotent-replayed')).toBeNull();
  });

  it('keeps at most maxKeys, dropping the oldest first', async () => {
    t = await startTestServer({ idempotencyRetention: { maxKeys: 3, pruneEvery: 1 } });
    for (const key of ['k1', 'k2', 'k3', 'k4', 'k5']) {
      expect((await send(RUN, '', key)).status).toBe(200);
      t.clock.advance(1_000);
    }
    expect(await storedKeys()).toEqual(['k3', 'k4', 'k5']);
    expect((await send(RUN, '', 'k3')).headers.get('idempotent-replayed')).toBe('true');
    expect((await send(RUN, '{}', 'k1')).status).toBe(200); // forgotten: a new request
  });

  it('prunes only every N stored keys, so a write does not pay for it each time', async () => {
    t = await startTestServer({ idempotencyRetention: { maxKeys: 3, pruneEvery: 10 } });
    // A millisecond apart, as real requests are: the oldest go first.
    for (let i = 1; i <= 9; i++) {
      await send(RUN, '', `n${i}`);
      t.clock.advance(1);
    }
    expect(await storedKeys()).toHaveLength(9);
    await send(RUN, '', 'n10');
    expect(await storedKeys()).toEqual(['n8', 'n9', 'n10']);
    // Replays and refused requests store nothing and do not count.
    for (let i = 0; i < 9; i++) await send(RUN, '', 'n10');
    await send(RUN, 'not json', 'bad-body');
    expect(await storedKeys()).toHaveLength(3);
  });

  it('prunes at start-up, so keys left by a stopped server do not wait for new writes', async () => {
    const path = join(dir, 'startup.db');
    const clock = testClock('2026-03-01T12:00:00.000Z');
    const auth = { authorization: `Bearer ${TOKEN}`, 'idempotency-key': 'before-restart' };
    const first = await startServer({ port: 0, db: path, token: TOKEN, seed: SMALL_FIXTURE, now: clock.now });
    expect((await fetch(`${first.url}/api/v1${RUN}`, { method: 'POST', headers: auth })).status).toBe(200);
    await first.close();
    clock.advance(8 * DAY);
    const second = await startServer({ port: 0, db: path, token: TOKEN, seed: SMALL_FIXTURE, now: clock.now });
    try {
      expect(await second.store.db.prepare('SELECT COUNT(*) FROM idempotency_keys').pluck().get()).toBe(0);
    } finally {
      await second.close();
    }
  });
});
