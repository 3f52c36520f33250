/**
 * The service worker: wiring only. Every listener is registered synchronously, as MV3 requires,
 * so events that woke the worker are delivered; the work itself lives in lib/background.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createActionHandlers } from '@/lib/background/action-handlers';
import { createCenterHandlers } from '@/lib/background/center-handlers';
import { announceOutboxChange } from '@/lib/background/outbox-watch';
import { onOutboxChanged } from '@/lib/outbox/outbox';
import { createBackgroundContext } from '@/lib/background/context';
import { onShortcut } from '@/lib/background/explain-shortcut';
import { createHandlers } from '@/lib/background/handlers';
import { logFailure, onAlarm, onInstalledOrStartup, onWake } from '@/lib/background/lifecycle';
import { createLinkStore } from '@/lib/db/link-store';
import { registerRouter } from '@/lib/messaging/router';
import { registerNotificationListeners } from '@/lib/notifications/listeners';
import { watchFollowedCompanies } from '@/lib/records/company-watch';
import { withContentSafeErrors } from '@/lib/records/content-errors';
import { createOverlayHandlers, pruneOverlayMemory } from '@/lib/records/overlay-handlers';
import { forgetTab } from '@/lib/records/tab-memory';
import { restrictStorageToExtension } from '@/lib/settings/storage-access';

export default defineBackground(() => {
  // First of all: QuickBooks pages must not read or write the extension's storage.
  restrictStorageToExtension().catch(logFailure('storage access level'));
  const ctx = createBackgroundContext();
  const linkStore = createLinkStore(ctx.db);
  const { forgetCompany, ...overlayHandlers } = createOverlayHandlers(ctx, linkStore);
  ctx.onRecordsChanged = forgetCompany;
  // Open pages follow the outbox (an action delivered, given up on).
  onOutboxChanged(announceOutboxChange);
  // QuickBooks pages get plain error messages, never an address or another setting.
  registerRouter(withContentSafeErrors({ ...createHandlers(ctx), ...createCenterHandlers(ctx), ...createActionHandlers(ctx), ...overlayHandlers }));
  // A closed QuickBooks tab's company choice and record lookups go with it.
  browser.tabs.onRemoved.addListener((tabId) => {
    forgetTab(tabId).catch(logFailure('tab memory'));
  });
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
  // Open QuickBooks tabs hear when the followed companies change (the first list arrived).
  watchFollowedCompanies(ctx);
  pruneOverlayMemory(ctx, linkStore).catch(logFailure('overlay memory pruning'));
});
