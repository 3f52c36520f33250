/**
 * Automatic retries of the outbox between polls. After an attempt whose outcome is unknown the
 * action's next attempt is due within seconds (then minutes): a short timer covers the next
 * seconds while the worker is awake, and one alarm covers the rest (and a worker that stopped).
 * Every retry reuses the action's key, so the service applies it once.
 */
import { browser } from 'wxt/browser';
import { connectionOfKey } from '../connections/company-key';
import { flushOutbox } from '../outbox/outbox';
import { configuredConnections, loadSettings } from '../settings/store';
import { clientFor, type BackgroundContext } from './context';

export const OUTBOX_ALARM = 'synclens-outbox';
/** Chrome fires alarms of packed extensions at most every 30 s; sooner retries use a timer. */
const ALARM_FLOOR_MS = 30_000;

let timer: ReturnType<typeof setTimeout> | null = null;

export function isOutboxAlarm(alarm: { name: string }): boolean {
  return alarm.name === OUTBOX_ALARM;
}

/** Plans the next automatic retry from what the outbox holds (nothing waiting: no alarm). */
export async function scheduleOutboxRetry(ctx: BackgroundContext): Promise<void> {
  const rows = (await ctx.db.outbox.toArray()).filter((row) => !row.gaveUpAt);
  if (timer) clearTimeout(timer);
  timer = null;
  if (rows.length === 0) {
    await browser.alarms.clear(OUTBOX_ALARM);
    return;
  }
  const now = ctx.now().getTime();
  const at = Math.min(...rows.map((row) => (row.nextAttemptAt ? Date.parse(row.nextAttemptAt) : now)));
  if (at - now < ALARM_FLOOR_MS) {
    timer = setTimeout(() => {
      timer = null;
      retryDueActions(ctx).catch((err) => console.error('SyncLens: outbox retry failed', err));
    }, Math.max(0, at - now));
  }
  await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(at, now + ALARM_FLOOR_MS) });
}

/**
 * Sends every action whose next attempt is due, service by service. Returns the companies whose
 * records changed (an action went through), so caches and the badge can follow.
 */
export async function retryDueActions(ctx: BackgroundContext): Promise<string[]> {
  const settings = await loadSettings();
  const ids = settings.connections.map((c) => c.id);
  const changed = new Set<string>();
  for (const connection of configuredConnections(settings)) {
    const mine = (key: string) => connectionOfKey(key, ids) === connection.id;
    const results = await flushOutbox(ctx.db, clientFor(ctx, connection, ids), ctx.now, (row) => mine(row.companyId), ctx.now());
    for (const result of results) {
      if (result.status !== 'sent') continue;
      const row = await ctx.db.activity.where('idempotencyKey').equals(result.key).last();
      if (row) changed.add(row.companyId);
    }
  }
  for (const companyId of changed) await ctx.onRecordsChanged?.(companyId).catch(() => undefined);
  await scheduleOutboxRetry(ctx);
  return [...changed];
}
