/**
 * The outbox: every data-changing user action is stored with its Idempotency-Key before it is
 * sent. If the reply is lost (network failure, worker stopped) the action is sent again later with
 * the SAME key, so the service applies it once. A definite refusal (4xx) removes it for good.
 */
import type { ApiClient } from '../api/client';
import { ApiError, isApiError } from '../api/errors';
import type { OutboxAction, OutboxRow, SyncLensDb } from '../db/schema';
import { describeAction, describeSuccess, type ActionResult } from './describe';

export type Delivery =
  | { status: 'sent'; key: string; data: ActionResult }
  /** Kept in the outbox; will be retried with the same key. */
  | { status: 'queued'; key: string; error: ApiError }
  /** Removed from the outbox: the service will never accept it as sent. */
  | { status: 'refused'; key: string; error: ApiError }
  /** Another delivery of the same key is already under way in this worker. */
  | { status: 'busy'; key: string };

/** Keys being sent right now by this worker: a flush never races a direct send of the same row. */
const inFlight = new Set<string>();

/** Stores an action; calling it again with the same key changes nothing (idempotent). */
export async function enqueue(db: SyncLensDb, action: OutboxAction, now: Date, key: string = crypto.randomUUID()): Promise<OutboxRow> {
  return db.transaction('rw', db.outbox, async () => {
    const existing = await db.outbox.get(key);
    if (existing) return existing;
    const row: OutboxRow = { key, companyId: action.companyId, action, createdAt: now.toISOString(), attempts: 0, lastAttemptAt: null, lastError: null };
    await db.outbox.add(row);
    return row;
  });
}

function call(client: ApiClient, row: OutboxRow): Promise<ActionResult> {
  const a = row.action;
  switch (a.kind) {
    case 'approve':
      return client.approve(a.companyId, a.request, row.key);
    case 'resync':
      return client.resync(a.companyId, a.unsyncedId, row.key);
    case 'clear-id':
      return client.clearId(a.companyId, a.unsyncedId, row.key);
    case 'bulk-resync':
      return client.bulkResync(a.companyId, a.ids, row.key);
  }
}

/** Sends one stored action and records the outcome (outbox row and activity log). */
export async function deliver(db: SyncLensDb, client: ApiClient, row: OutboxRow, now: () => Date): Promise<Delivery> {
  if (inFlight.has(row.key)) return { status: 'busy', key: row.key };
  inFlight.add(row.key);
  try {
    const data = await call(client, row);
    await db.transaction('rw', db.outbox, db.activity, async () => {
      await db.outbox.delete(row.key);
      await db.activity.add({ at: now().toISOString(), companyId: row.companyId, kind: row.action.kind, ok: true, text: describeSuccess(row.action, data), idempotencyKey: row.key });
    });
    return { status: 'sent', key: row.key, data };
  } catch (err) {
    const error = isApiError(err) ? err : new ApiError('bad-reply', `Unexpected failure: ${String(err)}`);
    if (error.isDefiniteRefusal || error.code === 'bad-reply' || error.code === 'bad-url') {
      await db.transaction('rw', db.outbox, db.activity, async () => {
        await db.outbox.delete(row.key);
        await db.activity.add({ at: now().toISOString(), companyId: row.companyId, kind: row.action.kind, ok: false, text: `${describeAction(row.action)}: ${error.message}`, idempotencyKey: row.key });
      });
      return { status: 'refused', key: row.key, error };
    }
    await db.outbox.update(row.key, { attempts: row.attempts + 1, lastAttemptAt: now().toISOString(), lastError: error.message });
    return { status: 'queued', key: row.key, error };
  } finally {
    inFlight.delete(row.key);
  }
}

/**
 * Retries what is still in the outbox, oldest first (on alarm ticks and at startup). With several
 * sync services, `only` picks the rows of the service `client` talks to.
 */
export async function flushOutbox(db: SyncLensDb, client: ApiClient, now: () => Date, only: (row: OutboxRow) => boolean = () => true): Promise<Delivery[]> {
  const rows = (await db.outbox.orderBy('createdAt').toArray()).filter(only);
  const results: Delivery[] = [];
  for (const row of rows) {
    const result = await deliver(db, client, row, now);
    results.push(result);
    // The service is down: the rest would fail the same way; try again on the next tick.
    if (result.status === 'queued' && result.error.code === 'unreachable') break;
  }
  return results;
}

export async function pendingActions(db: SyncLensDb, companyId?: string): Promise<OutboxRow[]> {
  if (companyId === undefined) return db.outbox.orderBy('createdAt').toArray();
  return db.outbox.where('companyId').equals(companyId).sortBy('createdAt');
}
