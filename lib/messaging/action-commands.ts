/**
 * Commands about the user's own actions (approve, resync, clear ID, bulk resync) once they are in
 * the outbox. A page chooses each action's key (its Idempotency-Key) before sending it, so when
 * the reply is lost (the worker stopped, the page closed) it can still ask what became of it.
 * Extension pages only: a QuickBooks page never learns about actions.
 */
import * as v from 'valibot';
import * as api from '../api/schema';

const command = <P extends v.GenericSchema, R extends v.GenericSchema>(payload: P, reply: R) =>
  ({ from: ['page'] as const, payload, reply });

/** An action's key as a page chooses it (a random UUID); the service takes it as Idempotency-Key. */
export const ActionKey = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{8,64}$/, 'must be an action key (8 to 64 letters, digits or dashes)'));

export const ACTION_KINDS = ['approve', 'resync', 'clear-id', 'bulk-resync'] as const;

/**
 * Where an action stands:
 * - `sending`: a request is under way right now;
 * - `waiting`: kept; SyncLens tries again on its own (the outcome of earlier tries is unknown);
 * - `not-done`: SyncLens stopped trying on its own; the user retries or discards it;
 * - `done`: the service applied it (`result` is its answer);
 * - `refused`: the service refused it for good; `discarded`: the user dropped it;
 * - `unknown`: no such action (never stored: nothing was sent).
 */
export const ACTION_STATES = ['sending', 'waiting', 'not-done', 'done', 'refused', 'discarded', 'unknown'] as const;
export type ActionStateName = (typeof ACTION_STATES)[number];

/** The service's answer, kept for the actions whose counts a page shows (approve, bulk resync). */
export const ActionResult = v.union([api.ApproveResult, api.BulkResyncResult]);

/** Why the last attempt did not go through (the API client's error kinds). */
export const ACTION_REASONS = ['bad-url', 'signed-out', 'unreachable', 'server-error', 'bad-reply', 'paused'] as const;

export const ActionState = v.object({
  key: ActionKey,
  state: v.picklist(ACTION_STATES),
  kind: v.nullable(v.picklist(ACTION_KINDS)),
  companyId: v.nullable(api.Id),
  /** How many items the action covers (approved items, resynced entities). */
  count: v.number(),
  /** The unsynced entity of a single resync or clear ID. */
  unsyncedId: v.nullable(api.Id),
  createdAt: v.nullable(v.string()),
  attempts: v.number(),
  /** Why the last attempt did not go through, or why the service refused it. */
  message: v.nullable(v.string()),
  /** The kind of that failure, for a plain sentence (the message may carry technical words). */
  reason: v.optional(v.nullable(v.picklist(ACTION_REASONS))),
  nextAttemptAt: v.nullable(v.string()),
  result: v.optional(ActionResult),
});
export type ActionState = v.InferOutput<typeof ActionState>;

const ActionList = v.object({ actions: v.array(ActionState) });

export const actionCommands = {
  /** What became of the actions with these keys. */
  'actions.status': command(v.strictObject({ keys: v.pipe(v.array(ActionKey), v.minLength(1), v.maxLength(100)) }), ActionList),
  /** Actions still in the outbox (waiting, sending or not done), of one company or all. */
  'actions.list': command(v.strictObject({ companyId: v.optional(api.Id) }), ActionList),
  /** Try an action again now, with its key (one SyncLens gave up on starts counting afresh). */
  'actions.retry': command(v.strictObject({ key: ActionKey }), ActionState),
  /** Drop an action that is not done; nothing more is sent for it. */
  'actions.discard': command(v.strictObject({ key: ActionKey }), ActionState),
} as const;
