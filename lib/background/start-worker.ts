/**
 * Everything the service worker sets up when it starts. Every listener is registered synchronously
 * (MV3 delivers the event that woke the worker only to listeners registered in the first turn), so
 * this function must stay synchronous; the work itself happens in the modules it wires.
 */
import { browser } from 'wxt/browser';
import { createActionHandlers } from './action-handlers';
import { createCenterHandlers } from './center-handlers';
import { announceOutboxChange } from './outbox-watch';
import { onOutboxChanged } from '../outbox/outbox';
import { createBackgroundContext } from './context';
import { onShortcut } from './explain-shortcut';
import { createHandlers } from './handlers';
import { logFailure, onAlarm, onInstalledOrStartup, onWake } from './lifecycle';
import { createLinkStore } from '../db/link-store';
import { registerRouter } from '../messaging/router';
import { registerNotificationListeners } from '../notifications/listeners';
import { watchFollowedCompanies } from '../records/company-watch';
import { withContentSafeErrors } from '../records/content-errors';
import { createOverlayHandlers, pruneOverlayMemory } from '../records/overlay-handlers';
import { forgetTab } from '../records/tab-memory';
import { restrictStorageToExtension } from '../settings/storage-access';

export function startWorker(): void {
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
}
