/**
 * The outbox: every data-changing user action is stored with its Idempotency-Key before it is
 * sent. When no usable answer comes back (network cut, reply cut off, a proxy's or captive
 * portal's page, a 5xx, the worker stopped) the outcome is unknown: the action stays and is sent
 * again with the SAME key, so the service applies it once and its replay says what happened. Only
 * the service's own refusal (a problem+json 4xx) removes it as refused.
 *
 * Retries are bounded: after MAX_ATTEMPTS tries, or once the action is older than MAX_AGE_MS,
 * SyncLens stops on its own and the action is shown as not done, with the reason, until the user
 * retries or discards it. Every change is announced (onOutboxChanged) so open pages follow along.
 */
import type { ApiClient } from '../api/client';
import { ApiError, isApiError } from '../api/errors';
import { pruneTable } from '../db/prune';
import type { OutboxAction, OutboxRow, SyncLensDb } from '../db/schema';
import { describeAction, describeSuccess, type ActionResult } from './describe';

/** Automatic attempts before SyncLens stops and asks the user. */
export const MAX_ATTEMPTS = 8;
/** Age after which an action is no longer retried on its own (a day: the user has moved on). */
export const MAX_AGE_MS = 24 * 60 * 60_000;
/** Waits before the next automatic attempt after the 1st, 2nd… attempt whose outcome is unknown. */
export const RETRY_DELAYS_MS = [5_000, 15_000, 60_000, 2 * 60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000] as const;

export type Delivery =
  | { status: 'sent'; key: string; data: ActionResult }
  /** Kept in the outbox; will be retried with the same key. */
  | { status: 'queued'; key: string; error: ApiError }
  /** Kept, but no longer retried on its own: shown to the user as not done. */
  | { status: 'gave-up'; key: string; error: ApiError }
  /** Removed from the outbox: the service will never accept it as sent. */
  | { status: 'refused'; key: string; error: ApiError }
  /** Another delivery of the same key is already under way in this worker. */
  | { status: 'busy'; key: string };

/** Keys being sent right now by this worker: a flush never races a direct send of the same row. */
const inFlight = new Set<string>();

/** True while this worker is sending the action with this key. */
export function isSending(key: string): boolean {
  return inFlight.has(key);
}

let changeListener: () => void = () => undefined;

/** Called after every change of the outbox (the background tells open pages; see outbox-watch). */
export function onOutboxChanged(listener: () => void): void {
  changeListener = listener;
}

function changed(): void {
  try {
    changeListener();
  } catch {
    // Telling pages is a courtesy; the outbox itself is already written.
  }
}

/** Stores an action; calling it again with the same key changes nothing (idempotent). */
export async function enqueue(db: SyncLensDb, action: OutboxAction, now: Date, key: string = crypto.randomUUID()): Promise<OutboxRow> {
  const row = await db.transaction('rw', db.outbox, async () => {
    const existing = await db.outbox.get(key);
    if (existing) return existing;
    const fresh: OutboxRow = { key, companyId: action.companyId, action, createdAt: now.toISOString(), attempts: 0, lastAttemptAt: null, lastError: null };
    await db.outbox.add(fresh);
    return fresh;
  });
  changed();
  return row;
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

/** Pure: when to try again after `attempts` attempts. */
export function retryDelayMs(attempts: number): number {
  return RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1]!;
}

/** Pure: whether SyncLens should stop retrying this row on its own. */
export function shouldGiveUp(row: Pick<OutboxRow, 'attempts' | 'createdAt'>, now: Date): boolean {
  return row.attempts >= MAX_ATTEMPTS || now.getTime() - Date.parse(row.createdAt) > MAX_AGE_MS;
}

/** Records how an action ended, once per key (a replayed delivery never logs twice). */
async function finish(db: SyncLensDb, row: OutboxRow, entry: { ok: boolean; text: string; outcome: 'sent' | 'refused' | 'discarded'; result?: unknown }, now: Date) {
  await db.transaction('rw', db.outbox, db.activity, async () => {
    await db.outbox.delete(row.key);
    if ((await db.activity.where('idempotencyKey').equals(row.key).count()) > 0) return;
    await db.activity.add({ at: now.toISOString(), companyId: row.companyId, kind: row.action.kind, idempotencyKey: row.key, ...entry });
  });
}

/** Sends one stored action and records the outcome (outbox row and activity log). */
export async function deliver(db: SyncLensDb, client: ApiClient, row: OutboxRow, now: () => Date): Promise<Delivery> {
  if (inFlight.has(row.key)) return { status: 'busy', key: row.key };
  inFlight.add(row.key);
  changed();
  try {
    const data = await call(client, row);
    await finish(db, row, { ok: true, text: describeSuccess(row.action, data), outcome: 'sent', result: data }, now());
    return { status: 'sent', key: row.key, data };
  } catch (err) {
    const error = isApiError(err) ? err : new ApiError('bad-reply', `Unexpected failure: ${String(err)}`);
    if (error.isDefiniteRefusal || error.code === 'bad-url') {
      await finish(db, row, { ok: false, text: `${describeAction(row.action)}: ${error.message}`, outcome: 'refused' }, now());
      return { status: 'refused', key: row.key, error };
    }
    const at = now();
    // A pause or a refused token is not the action's fault: it waits without using up attempts.
    const counts = error.code !== 'paused' && error.code !== 'signed-out';
    const attempts = row.attempts + (counts ? 1 : 0);
    const next: Partial<OutboxRow> = { attempts, lastAttemptAt: at.toISOString(), lastError: error.message, lastErrorCode: error.code };
    if (shouldGiveUp({ attempts, createdAt: row.createdAt }, at)) {
      await db.outbox.update(row.key, { ...next, gaveUpAt: at.toISOString(), nextAttemptAt: null });
      return { status: 'gave-up', key: row.key, error };
    }
    const wait = error.code === 'paused' && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : retryDelayMs(attempts);
    await db.outbox.update(row.key, { ...next, nextAttemptAt: new Date(at.getTime() + wait).toISOString() });
    return { status: 'queued', key: row.key, error };
  } finally {
    inFlight.delete(row.key);
    changed();
  }
}

/**
 * Retries what is still in the outbox, oldest first (on polls, retry alarms and at startup),
 * leaving out what SyncLens gave up on. With several sync services, `only` picks the rows of the
 * service `client` talks to; `dueBy` limits it to rows whose next attempt is due.
 */
export async function flushOutbox(
  db: SyncLensDb,
  client: ApiClient,
  now: () => Date,
  only: (row: OutboxRow) => boolean = () => true,
  dueBy?: Date,
): Promise<Delivery[]> {
  const due = (row: OutboxRow) => !dueBy || !row.nextAttemptAt || Date.parse(row.nextAttemptAt) <= dueBy.getTime();
  const rows = (await db.outbox.orderBy('createdAt').toArray()).filter((row) => !row.gaveUpAt && only(row) && due(row));
  const results: Delivery[] = [];
  for (const row of rows) {
    const result = await deliver(db, client, row, now);
    results.push(result);
    // The service is down or asked for a pause: the rest would fail the same way.
    if (result.status === 'queued' && (result.error.code === 'unreachable' || result.error.code === 'paused')) break;
  }
  return results;
}

/** Actions still waiting (or given up on), oldest first. */
export async function pendingActions(db: SyncLensDb, companyId?: string): Promise<OutboxRow[]> {
  if (companyId === undefined) return db.outbox.orderBy('createdAt').toArray();
  return db.outbox.where('companyId').equals(companyId).sortBy('createdAt');
}

/** The user asks for another try of an action SyncLens gave up on: it starts counting afresh. */
export async function resetForRetry(db: SyncLensDb, key: string): Promise<OutboxRow | undefined> {
  await db.outbox.update(key, { attempts: 0, gaveUpAt: null, nextAttemptAt: null });
  changed();
  return db.outbox.get(key);
}

/** The user drops an action: it leaves the outbox and the activity log says so. */
export async function discardAction(db: SyncLensDb, key: string, now: Date): Promise<boolean> {
  const row = await db.outbox.get(key);
  if (!row) return false;
  if (inFlight.has(key)) return false;
  await finish(db, row, { ok: false, text: `${describeAction(row.action)}: discarded`, outcome: 'discarded' }, now);
  changed();
  return true;
}

/** The activity log keeps 90 days and at most 2,000 entries: enough to answer for any action a page still waits on. */
export const ACTIVITY_MAX_AGE_MS = 90 * 24 * 60 * 60_000;
export const ACTIVITY_MAX_ROWS = 2_000;

/** Drops activity entries older than the limit, then the oldest beyond the count. */
export function pruneActivity(db: SyncLensDb, now: Date): Promise<number> {
  return pruneTable(db.activity, 'at', new Date(now.getTime() - ACTIVITY_MAX_AGE_MS).toISOString(), ACTIVITY_MAX_ROWS);
}
