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
import { flushOutbox, pruneActivity } from '../outbox/outbox';
import { afterFailure, afterSuccess, gateOf, loadGates, mayPoll, saveGates, type PollGate, type PollTrigger } from '../poll/gate';
import { POLL_ALARM } from '../poll/scheduler';
import { configuredConnections, loadSettings, settingsRevision, type Connection } from '../settings/store';
import { recordPollHistory } from '../history/store';
import { notifyAfterPoll } from '../notifications/notifier';
import { refreshBadge } from './badge';
import { clientFor, type BackgroundContext } from './context';
import { loadConnectionStatuses, loadStatus, saveConnectionStatuses, statusAfterFailure, statusAfterSuccess, statusOf } from './status';

export type PollOutcome = 'unconfigured' | 'skipped' | 'unchanged' | 'updated' | 'failed';

/** A user's refresh joins a poll started this recently; an older one may be stuck on a dead request. */
export const JOIN_RUNNING_POLL_MS = 2_000;

interface RunningPoll {
  promise: Promise<PollOutcome>;
  /** The settings revision it started with. */
  revision: number;
  startedAt: number;
  trigger: PollTrigger;
}

let running: RunningPoll | null = null;
let started = 0;
/** The sequence number of the newest poll whose results were written. */
let lastCommitted = 0;

/**
 * Polls unless the gates forbid it. A poll already under way is joined, unless it started with
 * older settings (a save must poll with the new ones at once), or it is a user's refresh and that
 * poll has been running for a while (a request hanging on a dead connection must not hold the
 * user's refresh back). Results of a poll overtaken by a newer one, or started before the settings
 * changed, are dropped.
 */
export async function pollNow(ctx: BackgroundContext, trigger: PollTrigger): Promise<PollOutcome> {
  const revision = await settingsRevision();
  const current = running;
  if (current && current.revision === revision) {
    const recent = ctx.now().getTime() - current.startedAt < JOIN_RUNNING_POLL_MS;
    if (trigger === 'alarm' || recent) {
      const outcome = await current.promise;
      // A user's refresh arriving while an alarm tick was being skipped still gets its own poll.
      if (trigger === 'alarm' || outcome !== 'skipped') return outcome;
    }
  }
  const seq = ++started;
  const promise = runPoll(ctx, trigger, seq, revision).finally(() => {
    if (running?.promise === promise) running = null;
  });
  running = { promise, revision, startedAt: ctx.now().getTime(), trigger };
  return promise;
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
  /** What the poll learned, written only if its results still apply when all services answered. */
  write: () => Promise<void>;
}

async function runPoll(ctx: BackgroundContext, trigger: PollTrigger, seq: number, revision: number): Promise<PollOutcome> {
  const settings = await loadSettings();
  const ids = settings.connections.map((c) => c.id);
  const connections = configuredConnections(settings);
  const [gates, statuses, previous, alarm] = await Promise.all([
    loadGates(ctx.now().getTime()),
    loadConnectionStatuses(),
    loadStatus(),
    browser.alarms.get(POLL_ALARM),
  ]);
  const polls = await Promise.all(
    connections.map((c) => pollConnection(ctx, c, ids, gateOf(gates, c.id), statusOf(statuses, c.id), trigger, alarm)),
  );
  // Settings saved meanwhile, or a newer poll already written: these results are out of date.
  if (seq < lastCommitted || (await settingsRevision()) !== revision) return 'skipped';
  lastCommitted = seq;
  for (const poll of polls) await poll.write();
  // One write each for all services: polls running side by side never overwrite each other.
  await saveGates(Object.fromEntries(polls.map((p) => [p.id, p.gate])));
  await saveConnectionStatuses(Object.fromEntries(polls.map((p) => [p.id, p.status])));
  await refreshBadge(ctx);
  const outcome = combineOutcomes(polls.map((p) => p.outcome));
  if (outcome === 'updated' || outcome === 'unchanged') await afterSuccessfulPoll(ctx, previous.lastSuccessAt);
  return outcome;
}

const nothingToWrite = async (): Promise<void> => undefined;

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
  const skipped = (): ConnectionPoll => ({ id: connection.id, outcome: 'skipped', gate, status: prev, write: nothingToWrite });
  if (!mayPoll(gate, started.getTime(), trigger)) {
    // The poll-interval hint limits reading, not the user's own waiting actions: deliver those
    // unless the service asked for silence (Retry-After).
    if (started.getTime() >= gate.notBefore && (await ctx.db.outbox.filter((row) => mine(row.companyId)).count()) > 0) {
      await flushOutbox(ctx.db, client, ctx.now, (row) => mine(row.companyId)).catch(() => undefined);
    }
    return skipped();
  }

  let outcome: PollOutcome;
  let nextGate: PollGate;
  let status: ConnectionStatus;
  let write: () => Promise<void> = nothingToWrite;
  try {
    await flushOutbox(ctx.db, client, ctx.now, (row) => mine(row.companyId));
    const cached = await readSummary(ctx.db, connection.id);
    const result = await client.summary(cached?.etag ?? null);
    if (result.kind === 'fresh') {
      const companies = await client.companies();
      const at = ctx.now();
      write = async () => {
        await writeSummary(ctx.db, connection.id, result.summary, result.etag, at);
        await writeCompanies(ctx.db, connection.id, companies, ids);
      };
      outcome = 'updated';
    } else {
      if ((await ctx.db.companies.filter((c) => mine(c.id)).count()) === 0) {
        const companies = await client.companies();
        write = () => writeCompanies(ctx.db, connection.id, companies, ids);
      }
      outcome = 'unchanged';
    }
    nextGate = afterSuccess(started.getTime(), result.hints.pollIntervalSeconds);
    status = statusAfterSuccess(prev, ctx.now());
  } catch (err) {
    const error = isApiError(err) ? err : new ApiError('bad-reply', String(err));
    // A pause asked for meanwhile (by a page's own request): nothing was sent, nothing failed.
    if (error.code === 'paused') return skipped();
    nextGate = afterFailure(gate, started.getTime(), error.retryAfterSeconds, ctx.random);
    status = statusAfterFailure(prev, error, ctx.now());
    outcome = 'failed';
  }
  const due = Math.max(alarm?.scheduledTime ?? 0, nextGate.nextAutoAt, nextGate.notBefore);
  return { id: connection.id, outcome, gate: nextGate, status: { ...status, nextPollAt: due > 0 ? new Date(due).toISOString() : null }, write };
}

/** History and notifications follow every successful poll; their failures never fail the poll. */
async function afterSuccessfulPoll(ctx: BackgroundContext, previousPollAt: string | null): Promise<void> {
  await recordPollHistory(ctx.db, ctx.now()).catch((err) => console.error('SyncLens: history failed', err));
  await pruneActivity(ctx.db, ctx.now()).catch((err) => console.error('SyncLens: pruning the activity log failed', err));
  await notifyAfterPoll(ctx, previousPollAt).catch((err) => console.error('SyncLens: notifications failed', err));
}
