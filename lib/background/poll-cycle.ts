/**
 * One poll of the sync service: send waiting outbox actions, fetch GET /summary (If-None-Match),
 * refresh the company list when the summary changed, then record status, gate and badge.
 */
import { browser } from 'wxt/browser';
import { ApiError, isApiError } from '../api/errors';
import { readCompanies, readSummary, writeCompanies, writeSummary } from '../db/cache';
import { flushOutbox } from '../outbox/outbox';
import { afterFailure, afterSuccess, loadGate, mayPoll, saveGate, type PollTrigger } from '../poll/gate';
import { POLL_ALARM } from '../poll/scheduler';
import { isConfigured, loadSettings } from '../settings/store';
import { recordPollHistory } from '../history/store';
import { notifyAfterPoll } from '../notifications/notifier';
import { refreshBadge } from './badge';
import { clientFor, type BackgroundContext } from './context';
import { INITIAL_STATUS, loadStatus, saveStatus, statusAfterFailure, statusAfterSuccess } from './status';

export type PollOutcome = 'unconfigured' | 'skipped' | 'unchanged' | 'updated' | 'failed';

let running: Promise<PollOutcome> | null = null;

/**
 * Polls unless the gate forbids it. Concurrent calls share one poll, except that a user's refresh
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

async function runPoll(ctx: BackgroundContext, trigger: PollTrigger): Promise<PollOutcome> {
  const settings = await loadSettings();
  if (!isConfigured(settings)) {
    await saveStatus({ ...INITIAL_STATUS });
    await refreshBadge(ctx);
    return 'unconfigured';
  }
  const gate = await loadGate();
  const started = ctx.now();
  if (!mayPoll(gate, started.getTime(), trigger)) {
    // The poll-interval hint limits reading, not the user's own waiting actions: deliver those
    // unless the service asked for silence (Retry-After).
    if (started.getTime() >= gate.notBefore && (await ctx.db.outbox.count()) > 0) {
      await flushOutbox(ctx.db, clientFor(ctx, settings), ctx.now).catch(() => undefined);
    }
    return 'skipped';
  }

  const prev = await loadStatus();
  let outcome: PollOutcome;
  let nextGate;
  let status;
  try {
    const client = clientFor(ctx, settings);
    await flushOutbox(ctx.db, client, ctx.now);
    const cached = await readSummary(ctx.db);
    const result = await client.summary(cached?.etag ?? null);
    if (result.kind === 'fresh') {
      await writeSummary(ctx.db, result.summary, result.etag, ctx.now());
      await writeCompanies(ctx.db, await client.companies());
      outcome = 'updated';
    } else {
      if ((await readCompanies(ctx.db)).length === 0) await writeCompanies(ctx.db, await client.companies());
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
  const alarm = await browser.alarms.get(POLL_ALARM);
  const due = Math.max(alarm?.scheduledTime ?? 0, nextGate.nextAutoAt, nextGate.notBefore);
  status = { ...status, nextPollAt: due > 0 ? new Date(due).toISOString() : null };
  await saveGate(nextGate);
  await saveStatus(status);
  await refreshBadge(ctx);
  if (outcome !== 'failed') await afterSuccessfulPoll(ctx, prev.lastSuccessAt);
  return outcome;
}

/** History and notifications follow every successful poll; their failures never fail the poll. */
async function afterSuccessfulPoll(ctx: BackgroundContext, previousPollAt: string | null): Promise<void> {
  await recordPollHistory(ctx.db, ctx.now()).catch((err) => console.error('SyncLens: history failed', err));
  await notifyAfterPoll(ctx, previousPollAt).catch((err) => console.error('SyncLens: notifications failed', err));
}
