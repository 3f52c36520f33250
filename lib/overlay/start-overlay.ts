/**
 * Boots the QuickBooks Online overlay in a tab: the feature registry runs the features that fit
 * the current route, and runs them again on every client-side route change (pushState,
 * replaceState, back/forward, the transaction overlay opening and closing).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectPage } from '../qbo/page-detect';
import { createDomWatch } from './dom-watch';
import { installExplainBox } from './explain-box';
import { createFeatureRegistry } from './feature-registry';
import { listRowMarkers } from './features/list-row-markers';
import { recordStatusChip } from './features/record-status-chip';
import { createOverlayServices } from './overlay-services';

export function startOverlay(ctx: ContentScriptContext): void {
  const services = createOverlayServices(ctx, createDomWatch(document.documentElement));
  const registry = createFeatureRegistry([recordStatusChip(services), listRowMarkers(services)], detectPage, (feature, error) =>
    console.warn(`SyncLens: the ${feature.id} feature failed`, error),
  );
  registry.show(location.href);
  // WXT fires this from the Navigation API before the URL commits: read newUrl, not location.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => registry.show(event.newUrl.href));
  installExplainBox(services);
}
