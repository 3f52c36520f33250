/**
 * One poll of every connected sync service, side by side. For each service: send its waiting
 * outbox actions, fetch GET /summary (If-None-Match), refresh its company list when the summary
 * changed. Each service has its own gate (back-off, Retry-After, poll-interval hint) and status;
 * one failing service never holds back the others. Then the badge, history and notifications.
 */
import { browser } from 'wxt/browser';
import { ApiError, isApiError } from '../api/errors';
import { connectionOfKey } from '../connections/company-key';
import { readSummary, writeCompanies, writeSummary } from '../db/cache';
import type { ConnectionStatus } from '../messaging/protocol';
import { flushOutbox } from '../outbox/outbox';
import { afterFailure, afterSuccess, gateOf, loadGates, mayPoll, saveGates, type PollGate, type PollTrigger } from '../poll/gate';
import { POLL_ALARM } from '../poll/scheduler';
import { configuredConnections, loadSettings, type Connection } from '../settings/store';
import { recordPollHistory } from '../history/store';
import { notifyAfterPoll } from '../notifications/notifier';
import { refreshBadge } from './badge';
import { clientFor, type BackgroundContext } from './context';
import { loadConnectionStatuses, loadStatus, saveConnectionStatuses, statusAfterFailure, statusAfterSuccess, statusOf } from './status';

export type PollOutcome = 'unconfigured' | 'skipped' | 'unchanged' | 'updated' | 'failed';

let running: Promise<PollOutcome> | null = null;

/**
 * Polls unless the gates forbid it. Concurrent calls share one poll, except that a user's refresh
 * arriving while an alarm tick was being skipped still gets its own poll.
 */
export async function pollNow(ctx: BackgroundContext, trigger: PollTrigger): Promise<PollOutcome> {
  if (running) {
    const outcome = await running;
    if (trigger === 'alarm' || outcome !== 'skipped') return outcome;
  }
  running ??= runPoll(ctx, trigger).finally(() => {
    running = null;
  });
  return running;
}

/** Pure: the outcome of a poll of several services (any update counts; all failing is a failure). */
export function combineOutcomes(outcomes: readonly PollOutcome[]): PollOutcome {
  if (outcomes.length === 0) return 'unconfigured';
  for (const o of ['updated', 'unchanged'] as const) if (outcomes.includes(o)) return o;
  return outcomes.includes('failed') ? 'failed' : 'skipped';
}

interface ConnectionPoll {
  id: string;
  outcome: PollOutcome;
  gate: PollGate;
  status: ConnectionStatus;
}

async function runPoll(ctx: BackgroundContext, trigger: PollTrigger): Promise<PollOutcome> {
  const settings = await loadSettings();
  const ids = settings.connections.map((c) => c.id);
  const connections = configuredConnections(settings);
  const [gates, statuses, previous, alarm] = await Promise.all([loadGates(), loadConnectionStatuses(), loadStatus(), browser.alarms.get(POLL_ALARM)]);
  const polls = await Promise.all(
    connections.map((c) => pollConnection(ctx, c, ids, gateOf(gates, c.id), statusOf(statuses, c.id), trigger, alarm)),
  );
  // One write each for all services: polls running side by side never overwrite each other.
  await saveGates(Object.fromEntries(polls.map((p) => [p.id, p.gate])));
  await saveConnectionStatuses(Object.fromEntries(polls.map((p) => [p.id, p.status])));
  await refreshBadge(ctx);
  const outcome = combineOutcomes(polls.map((p) => p.outcome));
  if (outcome === 'updated' || outcome === 'unchanged') await afterSuccessfulPoll(ctx, previous.lastSuccessAt);
  return outcome;
}

async function pollConnection(
  ctx: BackgroundContext,
  connection: Connection,
  ids: readonly string[],
  gate: PollGate,
  prev: ConnectionStatus,
  trigger: PollTrigger,
  alarm: { scheduledTime: number } | undefined,
): Promise<ConnectionPoll> {
  const started = ctx.now();
  const client = clientFor(ctx, connection, ids);
  const mine = (key: string) => connectionOfKey(key, ids) === connection.id;
  if (!mayPoll(gate, started.getTime(), trigger)) {
    // The poll-interval hint limits reading, not the user's own waiting actions: deliver those
    // unless the service asked for silence (Retry-After).
    if (started.getTime() >= gate.notBefore && (await ctx.db.outbox.filter((row) => mine(row.companyId)).count()) > 0) {
      await flushOutbox(ctx.db, client, ctx.now, (row) => mine(row.companyId)).catch(() => undefined);
    }
    return { id: connection.id, outcome: 'skipped', gate, status: prev };
  }

  let outcome: PollOutcome;
  let nextGate: PollGate;
  let status: ConnectionStatus;
  try {
    await flushOutbox(ctx.db, client, ctx.now, (row) => mine(row.companyId));
    const cached = await readSummary(ctx.db, connection.id);
    const result = await client.summary(cached?.etag ?? null);
    if (result.kind === 'fresh') {
      await writeSummary(ctx.db, connection.id, result.summary, result.etag, ctx.now());
      await writeCompanies(ctx.db, connection.id, await client.companies(), ids);
      outcome = 'updated';
    } else {
      if ((await ctx.db.companies.filter((c) => mine(c.id)).count()) === 0) {
        await writeCompanies(ctx.db, connection.id, await client.companies(), ids);
      }
      outcome = 'unchanged';
    }
    nextGate = afterSuccess(started.getTime(), result.hints.pollIntervalSeconds);
    status = statusAfterSuccess(prev, ctx.now());
  } catch (err) {
    const error = isApiError(err) ? err : new ApiError('bad-reply', String(err));
    nextGate = afterFailure(gate, started.getTime(), error.retryAfterSeconds, ctx.random);
    status = statusAfterFailure(prev, error, ctx.now());
    outcome = 'failed';
  }
  const due = Math.max(alarm?.scheduledTime ?? 0, nextGate.nextAutoAt, nextGate.notBefore);
  return { id: connection.id, outcome, gate: nextGate, status: { ...status, nextPollAt: due > 0 ? new Date(due).toISOString() : null } };
}

/** History and notifications follow every successful poll; their failures never fail the poll. */
async function afterSuccessfulPoll(ctx: BackgroundContext, previousPollAt: string | null): Promise<void> {
  await recordPollHistory(ctx.db, ctx.now()).catch((err) => console.error('SyncLens: history failed', err));
  await notifyAfterPoll(ctx, previousPollAt).catch((err) => console.error('SyncLens: notifications failed', err));
}
