/** Notification settings in storage.local; off until the user turns them on in the options. */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { NotificationSettings } from '../messaging/center-commands';

export const NOTIFICATION_SETTINGS_KEY = 'notificationSettings';

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  enabled: false,
  digestAt: '07:30',
  newFailures: true,
  connectorAlerts: true,
  quietFrom: '20:00',
  quietTo: '06:30',
};

export async function loadNotificationSettings(): Promise<NotificationSettings> {
  const stored = (await browser.storage.local.get(NOTIFICATION_SETTINGS_KEY))[NOTIFICATION_SETTINGS_KEY];
  const parsed = v.safeParse(NotificationSettings, stored);
  return parsed.success ? parsed.output : { ...DEFAULT_NOTIFICATION_SETTINGS };
}

/** Stores validated settings (the router has checked them); saving twice changes nothing more. */
export async function saveNotificationSettings(settings: NotificationSettings): Promise<NotificationSettings> {
  const clean = v.parse(NotificationSettings, settings);
  await browser.storage.local.set({ [NOTIFICATION_SETTINGS_KEY]: clean });
  return clean;
}
