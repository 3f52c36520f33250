/**
 * Registers the notification listeners of the service worker. Called synchronously at startup:
 * a click that woke the worker is delivered only to listeners registered in its first turn.
 */
import { browser } from 'wxt/browser';
import type { BackgroundContext } from '../background/context';
import { DIGEST_ALARM, onDigestAlarm, scheduleDigest } from './notifier';
import { listenForClicks } from './show';

export function registerNotificationListeners(ctx: BackgroundContext, log: (what: string) => (err: unknown) => void): void {
  listenForClicks(ctx.db, log('notification click'));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DIGEST_ALARM) onDigestAlarm(ctx).catch(log('digest'));
  });
  // Alarms can be lost across browser restarts and updates: make sure the next digest is set.
  scheduleDigest(ctx).catch(log('digest schedule'));
}
