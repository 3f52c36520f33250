/**
 * What became of an action, by its key: still in the outbox (sending, waiting, not done), or
 * finished (the activity log says delivered, refused or discarded), or unknown. A page that lost
 * the reply to an action it started asks this instead of guessing.
 */
import * as v from 'valibot';
import type { ActivityRow, OutboxRow, SyncLensDb } from '../db/schema';
import { ACTION_REASONS, ActionResult, type ActionState } from '../messaging/action-commands';

const reasonOf = (code: string | null | undefined): ActionState['reason'] =>
  code && (ACTION_REASONS as readonly string[]).includes(code) ? (code as ActionState['reason']) : null;
import { isSending } from './outbox';

function countOf(row: OutboxRow): number {
  const a = row.action;
  switch (a.kind) {
    case 'approve':
      return a.request.approveIds.length;
    case 'bulk-resync':
      return a.ids.length;
    default:
      return 1;
  }
}

/** Pure: an outbox row as a page sees it. */
export function stateOfRow(row: OutboxRow, sending: boolean): ActionState {
  return {
    key: row.key,
    state: sending ? 'sending' : row.gaveUpAt ? 'not-done' : 'waiting',
    kind: row.action.kind,
    companyId: row.companyId,
    count: countOf(row),
    unsyncedId: row.action.kind === 'resync' || row.action.kind === 'clear-id' ? row.action.unsyncedId : null,
    createdAt: row.createdAt,
    attempts: row.attempts,
    message: row.lastError,
    reason: reasonOf(row.lastErrorCode),
    nextAttemptAt: row.gaveUpAt ? null : (row.nextAttemptAt ?? null),
  };
}

/** Pure: a finished action as a page sees it. */
export function stateOfActivity(entry: ActivityRow): ActionState {
  const outcome = entry.outcome ?? (entry.ok ? 'sent' : 'refused');
  const parsed = v.safeParse(ActionResult, entry.result);
  // The approved items' log ids are the service's business, not the page's: left out.
  const result = parsed.success ? ('pendingLogIds' in parsed.output ? { ...parsed.output, pendingLogIds: [] } : parsed.output) : undefined;
  return {
    key: entry.idempotencyKey,
    state: outcome === 'sent' ? 'done' : outcome,
    kind: entry.kind,
    companyId: entry.companyId,
    count: 0,
    unsyncedId: null,
    createdAt: entry.at,
    attempts: 0,
    message: outcome === 'sent' ? null : entry.text,
    nextAttemptAt: null,
    ...(result ? { result } : {}),
  };
}

const unknown = (key: string): ActionState => ({
  key, state: 'unknown', kind: null, companyId: null, count: 0, unsyncedId: null, createdAt: null, attempts: 0, message: null, nextAttemptAt: null,
});

export async function actionStates(db: SyncLensDb, keys: readonly string[]): Promise<ActionState[]> {
  const rows = await db.outbox.bulkGet([...keys]);
  return Promise.all(
    keys.map(async (key, i) => {
      const row = rows[i];
      if (row) return stateOfRow(row, isSending(key));
      const finished = await db.activity.where('idempotencyKey').equals(key).last();
      return finished ? stateOfActivity(finished) : unknown(key);
    }),
  );
}

/** Everything still in the outbox, oldest first (one company's, or all). */
export async function outboxStates(db: SyncLensDb, companyId?: string): Promise<ActionState[]> {
  const rows = companyId === undefined ? await db.outbox.orderBy('createdAt').toArray() : await db.outbox.where('companyId').equals(companyId).sortBy('createdAt');
  return rows.map((row) => stateOfRow(row, isSending(row.key)));
}
