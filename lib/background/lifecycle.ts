/** What the service worker does when it wakes, starts, is installed, or its alarm fires. */
import { pollNow } from './poll-cycle';
import { ensurePollAlarm, isPollAlarm } from '../poll/scheduler';
import { loadSettings } from '../settings/store';
import { refreshBadge } from './badge';
import type { BackgroundContext } from './context';
import { isOutboxAlarm, retryDueActions } from './outbox-retry';

/**
 * Every wake: make sure the one poll alarm exists (created only if missing or changed), and send
 * what the outbox holds that is due: a worker stopped while an action was in flight left it there.
 */
export async function onWake(ctx: BackgroundContext): Promise<void> {
  const settings = await loadSettings();
  await ensurePollAlarm(settings.pollMinutes);
  await refreshBadge(ctx);
  if ((await ctx.db.outbox.count()) > 0) await retryDueActions(ctx);
}

/** Install and browser start: alarms may have been lost, and the badge should be fresh at once. */
export async function onInstalledOrStartup(ctx: BackgroundContext): Promise<void> {
  await onWake(ctx);
  await pollNow(ctx, 'alarm');
}

export async function onAlarm(ctx: BackgroundContext, alarm: { name: string }): Promise<void> {
  if (isPollAlarm(alarm)) await pollNow(ctx, 'alarm');
  else if (isOutboxAlarm(alarm) && (await retryDueActions(ctx)).length > 0) await pollNow(ctx, 'user');
}

/** Background failures must never become unhandled rejections that kill the worker's listeners. */
export function logFailure(what: string): (err: unknown) => void {
  return (err) => console.error(`SyncLens: ${what} failed`, err);
}
