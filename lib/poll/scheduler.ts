/**
 * The one repeating poll alarm. It is created only when missing or when its period no longer
 * matches the settings: re-creating it at every service-worker wake restarts its countdown, and a
 * worker that wakes often would then never poll (the stale-badge bug of older extensions).
 */
import { browser } from 'wxt/browser';

export const POLL_ALARM = 'synclens-poll';

/** Returns true when the alarm was (re)created. */
export async function ensurePollAlarm(periodInMinutes: number): Promise<boolean> {
  const existing = await browser.alarms.get(POLL_ALARM);
  if (existing && existing.periodInMinutes === periodInMinutes) return false;
  await browser.alarms.create(POLL_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
  return true;
}

export function isPollAlarm(alarm: { name: string }): boolean {
  return alarm.name === POLL_ALARM;
}
