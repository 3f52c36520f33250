import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '@/lib/api/client';
import type { ApproveResult } from '@/lib/api/schema';
import { createDb, type OutboxAction, type SyncLensDb } from '@/lib/db/schema';
import { describeAction, describeSuccess } from '@/lib/outbox/describe';
import { deliver, enqueue, pendingActions } from '@/lib/outbox/outbox';

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
