/**
 * The service worker: wiring only. Every listener is registered synchronously, as MV3 requires,
 * so events that woke the worker are delivered; the work itself lives in lib/background.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createCenterHandlers } from '@/lib/background/center-handlers';
import { createBackgroundContext } from '@/lib/background/context';
import { onShortcut } from '@/lib/background/explain-shortcut';
import { createHandlers } from '@/lib/background/handlers';
import { logFailure, onAlarm, onInstalledOrStartup, onWake } from '@/lib/background/lifecycle';
import { createLinkStore } from '@/lib/db/link-store';
import { registerRouter } from '@/lib/messaging/router';
import { registerNotificationListeners } from '@/lib/notifications/listeners';
import { createOverlayHandlers } from '@/lib/records/overlay-handlers';
import { restrictStorageToExtension } from '@/lib/settings/storage-access';

export default defineBackground(() => {
  // First of all: QuickBooks pages must not read or write the extension's storage.
  restrictStorageToExtension().catch(logFailure('storage access level'));
  const ctx = createBackgroundContext();
  const { forgetCompany, ...overlayHandlers } = createOverlayHandlers(ctx, createLinkStore(ctx.db));
  ctx.onRecordsChanged = forgetCompany;
  registerRouter({ ...createHandlers(ctx), ...createCenterHandlers(ctx), ...overlayHandlers });
  registerNotificationListeners(ctx, logFailure);
  browser.runtime.onInstalled.addListener(() => {
    onInstalledOrStartup(ctx).catch(logFailure('install refresh'));
  });
  browser.runtime.onStartup.addListener(() => {
    onInstalledOrStartup(ctx).catch(logFailure('startup refresh'));
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    onAlarm(ctx, alarm).catch(logFailure('scheduled poll'));
  });
  browser.commands.onCommand.addListener((command, tab) => {
    onShortcut(command, tab).catch(logFailure('shortcut'));
  });
  onWake(ctx).catch(logFailure('wake'));
});
