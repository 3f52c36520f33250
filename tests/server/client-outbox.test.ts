import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { createApiClient, type ApiClient } from '../../lib/api/client';
import { createDb, type SyncLensDb } from '../../lib/db/schema';
import { deliver, enqueue, flushOutbox, pendingActions } from '../../lib/outbox/outbox';

const TOKEN = 'outbox-test-token';
let server: RunningServer;
let client: ApiClient;
let db: SyncLensDb;
const now = () => new Date();

beforeAll(async () => {
  server = await startServer({ port: 0, db: ':memory:', token: TOKEN, seed: 'demo' });
  client = createApiClient({ baseUrl: server.url, token: TOKEN });
});
afterAll(async () => {
  await server?.close();
});
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
});

function freshDb() {
  db = createDb(`outbox-${Math.random()}`);
  return db;
}

/** A client whose requests reach the server but whose replies are lost on the way back. */
function lostReplyClient(): ApiClient {
  return createApiClient({
    baseUrl: server.url,
    token: TOKEN,
    fetch: async (input, init) => {
      await fetch(input, init); // the server receives and applies it…
      throw new TypeError('fetch failed'); // …but the answer never arrives
    },
  });
}

/** A client for a service that is down: nothing reaches it. */
const deadClient = () => createApiClient({ baseUrl: 'http://127.0.0.1:9', token: TOKEN, timeoutMs: 2000 });

async function companyWithWizard() {
  const companies = await client.companies();
  for (const c of companies) {
    const items = await client.wizardAll(c.id, 'export');
    if (items.length >= 3) return { company: c, items };
  }
  throw new Error('the demo seed has no company with three export items');
}

describe('outbox against the reference server', () => {
  it('retries an approval whose reply was lost with the same key: the server applies it once', async () => {
    const db = freshDb();
    const { company, items } = await companyWithWizard();
    const before = await client.companySummary(company.id);
    const ids = [items[0]!.id, items[1]!.id];
    const row = await enqueue(db, { kind: 'approve', companyId: company.id, request: { reviewedIds: ids, approveIds: ids, unchecked: 'keep' } }, now());

    const lost = await deliver(db, lostReplyClient(), row, now);
    expect(lost.status).toBe('queued');
    const [stillThere] = await pendingActions(db);
    expect(stillThere).toMatchObject({ key: row.key, attempts: 1 });
    expect(stillThere?.lastError).toMatch(/Could not reach/);

    // The next alarm tick: same key, and the server answers with the first result instead of applying again.
    const [retried] = await flushOutbox(db, client, now);
    expect(retried?.status).toBe('sent');
    if (retried?.status !== 'sent') return;
    expect(retried.data).toMatchObject({ approved: 2, skipped: 0 });
    expect(await pendingActions(db)).toEqual([]);

    const after = await client.companySummary(company.id);
    expect(after.pendingApprovals.export).toBe(before.pendingApprovals.export - 2);
    expect(after.pendingSyncs).toBe(before.pendingSyncs + 2); // two pending log entries, not four

    const activity = await db.activity.toArray();
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({ ok: true, kind: 'approve', idempotencyKey: row.key });
    expect(activity[0]?.text).toMatch(/^Approved 2/);
  });

  it('keeps actions while the service is down and sends them, in order, once it is back', async () => {
    const db = freshDb();
    const { company } = await companyWithWizard();
    const unsynced = await client.unsyncedAll(company.id);
    const first = await enqueue(db, { kind: 'resync', companyId: company.id, unsyncedId: unsynced[0]!.id }, new Date(Date.now() - 120_000));
    const second = await enqueue(db, { kind: 'bulk-resync', companyId: company.id, ids: [unsynced[1]!.id] }, new Date(Date.now() - 60_000));

    const down = await flushOutbox(db, deadClient(), now);
    expect(down).toHaveLength(1); // stops after the first unreachable: the rest would fail the same way
    expect(down[0]).toMatchObject({ status: 'queued', key: first.key });
    expect((await pendingActions(db)).map((r) => r.key)).toEqual([first.key, second.key]);

    const up = await flushOutbox(db, client, now);
    expect(up.map((d) => [d.key, d.status])).toEqual([
      [first.key, 'sent'],
      [second.key, 'sent'],
    ]);
    expect(await pendingActions(db)).toEqual([]);
    const state = (await client.unsyncedAll(company.id)).find((u) => u.id === unsynced[0]!.id)?.state;
    expect(state).toBe('resync-queued');
  });

  it('drops an action the server definitely refuses and records why', async () => {
    const db = freshDb();
    const { company } = await companyWithWizard();
    const row = await enqueue(db, { kind: 'resync', companyId: company.id, unsyncedId: 'no-such-unsynced' }, now());
    const result = await deliver(db, client, row, now);
    expect(result.status).toBe('refused');
    expect(await pendingActions(db)).toEqual([]);
    const [entry] = await db.activity.toArray();
    expect(entry).toMatchObject({ ok: false, kind: 'resync', idempotencyKey: row.key });
    expect(entry?.text).toMatch(/Resync no-such-unsynced/);
  });

  it('enqueue is idempotent for the same key', async () => {
    const db = freshDb();
    const action = { kind: 'clear-id', companyId: 'c1', unsyncedId: 'u1' } as const;
    const a = await enqueue(db, action, now(), 'fixed-key');
    const b = await enqueue(db, action, new Date(Date.now() + 1000), 'fixed-key');
    expect(b).toEqual(a);
    expect(await db.outbox.count()).toBe(1);
  });
});
