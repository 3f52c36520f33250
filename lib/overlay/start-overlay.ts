/**
 * Boots the QuickBooks Online overlay in a tab: the feature registry runs the features that fit
 * the current route, and runs them again on every client-side route change (pushState,
 * replaceState, back/forward, the transaction overlay opening and closing).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectPage } from '../qbo/page-detect';
import { createDomWatch, type DomWatch } from './dom-watch';
import { browser, type Browser } from 'wxt/browser';
import { forgetOverlayContext } from './company';
import { installExplainBox, isFromOurBackground } from './explain-box';
import { createFeatureRegistry } from './feature-registry';
import { listRowMarkers } from './features/list-row-markers';
import { recordStatusChip } from './features/record-status-chip';
import { createOverlayServices } from './overlay-services';
import { showReloadNotice } from './reload-notice';
import { createStatusMemory } from './status-memory';

export function startOverlay(ctx: ContentScriptContext): void {
  const domWatch = createDomWatch(document.documentElement);
  const lifetime = new AbortController();
  const stopForGood = () => {
    lifetime.abort();
    registry.stop();
    showReloadNotice(document);
  };
  const services = createOverlayServices(ctx, domWatch, stopForGood);
  const statuses = createStatusMemory();
  const registry = createFeatureRegistry([recordStatusChip(services, { statuses }), listRowMarkers(services)], detectPage, (feature, error) =>
    console.warn(`SyncLens: the ${feature.id} feature failed`, error),
  );
  registry.show(location.href);
  // WXT fires this from the Navigation API before the URL commits: read newUrl, not location.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => registry.show(event.newUrl.href));
  installExplainBox(services);
  listenForCompanyChanges(ctx, () => {
    // The first company list arrived, or the followed companies changed: decide again.
    forgetOverlayContext();
    statuses.clear();
    registry.refresh();
  });
  watchForReload(ctx, domWatch, lifetime.signal, stopForGood);
}

/** Runs `onChange` when our own background says the followed companies changed. */
export function listenForCompanyChanges(ctx: Pick<ContentScriptContext, 'onInvalidated'>, onChange: () => void): void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isFromOurBackground(sender, browser.runtime.id)) return;
    if ((message as { notice?: unknown })?.notice === 'overlay.companiesChanged') onChange();
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}

/**
 * QuickBooks changes the DOM all the time, so the shared watch is a cheap moment to notice that
 * the extension went away under this tab (updated or reloaded): then stop, once.
 */
export function watchForReload(ctx: Pick<ContentScriptContext, 'isValid'>, domWatch: DomWatch, lifetime: AbortSignal, stop: () => void): void {
  domWatch.subscribe(() => {
    if (!ctx.isValid && !lifetime.aborted) stop();
  }, lifetime);
}
