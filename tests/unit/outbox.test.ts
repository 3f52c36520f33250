import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '@/lib/api/client';
import type { ApproveResult } from '@/lib/api/schema';
import { createDb, type OutboxAction, type SyncLensDb } from '@/lib/db/schema';
import { describeAction, describeSuccess } from '@/lib/outbox/describe';
import { ACTIVITY_MAX_AGE_MS, ACTIVITY_MAX_ROWS, deliver, discardAction, enqueue, flushOutbox, MAX_AGE_MS, pruneActivity, MAX_ATTEMPTS, pendingActions, resetForRetry, RETRY_DELAYS_MS, shouldGiveUp } from '@/lib/outbox/outbox';
import { actionStates } from '@/lib/outbox/action-status';

let db: SyncLensDb;
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const result: ApproveResult = { approved: 2, kept: 1, cleared: 0, skipped: 0, pendingLogIds: ['l1', 'l2'] };

describe('outbox (unit)', () => {
  it('never sends the same action twice at once from one worker', async () => {
    db = createDb(`outbox-unit-${Math.random()}`);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const keys: string[] = [];
    const client = createApiClient({
      baseUrl: 'http://127.0.0.1:1',
      token: 't',
      fetch: async (_input, init) => {
        keys.push(new Headers(init?.headers).get('Idempotency-Key')!);
        await gate;
        return new Response(JSON.stringify(result), { status: 200, headers: { 'Content-Type': 'application/json' } });
      },
    });
    const row = await enqueue(db, { kind: 'approve', companyId: 'c1', request: { reviewedIds: ['a', 'b', 'c'], approveIds: ['a', 'b'], unchecked: 'keep' } }, new Date());
    const first = deliver(db, client, row, () => new Date());
    const second = await deliver(db, client, row, () => new Date());
    expect(second).toEqual({ status: 'busy', key: row.key });
    release();
    expect(await first).toMatchObject({ status: 'sent', data: result });
    expect(keys).toEqual([row.key]); // the Idempotency-Key is the outbox key
    expect(await pendingActions(db)).toEqual([]);
  });

  it('describes actions and results in plain words', () => {
    const approve: OutboxAction = { kind: 'approve', companyId: 'c1', request: { reviewedIds: ['a', 'b', 'c'], approveIds: ['a', 'b'], unchecked: 'keep' } };
    expect(describeAction(approve)).toBe('Approve 2 of 3 reviewed');
    expect(describeSuccess(approve, result)).toBe('Approved 2 (1 kept for later)');
    expect(describeSuccess({ kind: 'bulk-resync', companyId: 'c1', ids: ['x', 'y'] }, { queued: 1, failed: 1, results: [] })).toBe('Resync requested for 1 (1 refused)');
  });
});

describe('outbox: unknown outcomes, bounded retries, the user decides (issue 8 §4, §5)', () => {
  type Answer = () => Response | Promise<Response>;
  const ok = () => new Response(JSON.stringify(result), { status: 200, headers: { 'Content-Type': 'application/json' } });
  function clientAnswering(answers: Answer[]) {
    const keys: string[] = [];
    const client = createApiClient({
      baseUrl: 'http://127.0.0.1:1',
      token: 't',
      fetch: async (_input, init) => {
        keys.push(new Headers(init?.headers).get('Idempotency-Key')!);
        const next = answers.length > 1 ? answers.shift()! : answers[0]!;
        return next();
      },
    });
    return { client, keys };
  }
  const approve: OutboxAction = { kind: 'approve', companyId: 'c1', request: { reviewedIds: ['a', 'b'], approveIds: ['a', 'b'], unchecked: 'keep' } };
  let clock = Date.parse('2026-11-26T09:00:00.000Z');
  const now = () => new Date(clock);

  it('a captive portal\'s HTML 200 is not a refusal: kept, and sent again with the same key', async () => {
    db = createDb(`outbox-unit-${Math.random()}`);
    const { client, keys } = clientAnswering([() => new Response('<html>Sign in to the hotel wifi</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }), ok]);
    const row = await enqueue(db, approve, now());
    const first = await deliver(db, client, row, now);
    expect(first.status).toBe('queued');
    if (first.status === 'queued') expect(first.error.outcomeUnknown).toBe(true);
    const stored = (await db.outbox.get(row.key))!;
    expect(stored).toMatchObject({ attempts: 1, nextAttemptAt: new Date(clock + RETRY_DELAYS_MS[0]).toISOString() });
    expect(await deliver(db, client, stored, now)).toMatchObject({ status: 'sent' });
    expect(keys).toEqual([row.key, row.key]);
    expect(await db.activity.toArray()).toHaveLength(1);
  });

  it('a reply cut off mid-body after a 200 is an unknown outcome, not a refusal', async () => {
    db = createDb(`outbox-unit-${Math.random()}`);
    const cut = () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"approved": 2, "ke'));
          controller.error(new TypeError('terminated'));
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const { client } = clientAnswering([cut]);
    const row = await enqueue(db, approve, now());
    const outcome = await deliver(db, client, row, now);
    expect(outcome).toMatchObject({ status: 'queued', error: { code: 'unreachable' } });
    expect(await db.outbox.count()).toBe(1);
  });

  it('only the service\'s own refusal (problem+json 4xx) drops an action; a proxy\'s 404 page keeps it', async () => {
    db = createDb(`outbox-unit-${Math.random()}`);
    const proxy404 = () => new Response('<h1>Not Found</h1>', { status: 404, headers: { 'Content-Type': 'text/html' } });
    const refusal = () => new Response(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, code: 'not-found' }), { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    const { client } = clientAnswering([proxy404, refusal]);
    const row = await enqueue(db, approve, now());
    expect((await deliver(db, client, row, now)).status).toBe('queued');
    expect((await deliver(db, client, (await db.outbox.get(row.key))!, now)).status).toBe('refused');
    expect(await db.outbox.count()).toBe(0);
    expect((await db.activity.toArray())[0]).toMatchObject({ ok: false, outcome: 'refused' });
  });

  it('gives up after MAX_ATTEMPTS, says so, and flushes leave it alone until the user retries or discards', async () => {
    db = createDb(`outbox-unit-${Math.random()}`);
    const broken = () => new Response('oops', { status: 502 });
    const answers: Answer[] = [broken];
    const { client, keys } = clientAnswering(answers);
    const row = await enqueue(db, approve, now());
    let last;
    for (let i = 0; i < MAX_ATTEMPTS; i++) last = await deliver(db, client, (await db.outbox.get(row.key))!, now);
    expect(last).toMatchObject({ status: 'gave-up' });
    const [state] = await actionStates(db, [row.key]);
    expect(state).toMatchObject({ state: 'not-done', attempts: MAX_ATTEMPTS, message: expect.stringMatching(/502/), nextAttemptAt: null });
    expect(await flushOutbox(db, client, now)).toEqual([]);
    expect(keys).toHaveLength(MAX_ATTEMPTS);

    answers.splice(0, answers.length, ok);
    const again = (await resetForRetry(db, row.key))!;
    expect(again.attempts).toBe(0);
    expect(await deliver(db, client, again, now)).toMatchObject({ status: 'sent' });
    const [done] = await actionStates(db, [row.key]);
    expect(done).toMatchObject({ state: 'done', result: { approved: 2, kept: 1 } });
  });

  it('gives up on an action older than a day, whatever its attempts', () => {
    expect(shouldGiveUp({ attempts: 1, createdAt: new Date(clock - MAX_AGE_MS - 1).toISOString() }, now())).toBe(true);
    expect(shouldGiveUp({ attempts: 1, createdAt: new Date(clock - 60_000).toISOString() }, now())).toBe(false);
  });

  it('a discarded action leaves the outbox, is logged once, and its key answers "discarded"', async () => {
    db = createDb(`outbox-unit-${Math.random()}`);
    const row = await enqueue(db, approve, now());
    expect(await discardAction(db, row.key, now())).toBe(true);
    expect(await discardAction(db, row.key, now())).toBe(false);
    expect(await db.outbox.count()).toBe(0);
    expect(await actionStates(db, [row.key])).toMatchObject([{ state: 'discarded' }]);
    expect(await actionStates(db, ['never-stored-key'])).toMatchObject([{ state: 'unknown' }]);
  });

  it('reports an action being sent as "sending", then "done" with the service\'s answer', async () => {
    db = createDb(`outbox-unit-${Math.random()}`);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { client } = clientAnswering([async () => (await held, ok())]);
    const row = await enqueue(db, approve, now());
    expect(await actionStates(db, [row.key])).toMatchObject([{ state: 'waiting', kind: 'approve', count: 2 }]);
    const sending = deliver(db, client, row, now);
    expect(await actionStates(db, [row.key])).toMatchObject([{ state: 'sending' }]);
    release();
    await sending;
    const [done] = await actionStates(db, [row.key]);
    expect(done).toMatchObject({ state: 'done', kind: 'approve', result: { approved: 2, pendingLogIds: [] } });
  });
});

describe('the activity log does not grow forever (issue 8 §5)', () => {
  it('keeps 90 days and at most ACTIVITY_MAX_ROWS entries, newest first', async () => {
    db = createDb(`outbox-unit-${Math.random()}`);
    const now = new Date('2026-11-26T09:00:00.000Z');
    const at = (msAgo: number) => new Date(now.getTime() - msAgo).toISOString();
    const row = (i: number, msAgo: number) => ({ at: at(msAgo), companyId: 'c1', kind: 'resync' as const, ok: true, text: `r${i}`, idempotencyKey: `k${i}` });
    await db.activity.bulkAdd([row(0, ACTIVITY_MAX_AGE_MS + 1), row(1, ACTIVITY_MAX_AGE_MS - 1)]);
    await db.activity.bulkAdd(Array.from({ length: ACTIVITY_MAX_ROWS + 5 }, (_, i) => row(i + 10, 60_000 + (ACTIVITY_MAX_ROWS + 5 - i))));
    expect(await pruneActivity(db, now)).toBe(1 + 6);
    expect(await db.activity.count()).toBe(ACTIVITY_MAX_ROWS);
    expect(await db.activity.where('idempotencyKey').equals('k0').count()).toBe(0);
    expect(await db.activity.where('idempotencyKey').equals('k1').count()).toBe(0); // among the oldest beyond the count
    expect(await db.activity.where('idempotencyKey').equals(`k${ACTIVITY_MAX_ROWS + 14}`).count()).toBe(1);
  });
});
