/**
 * Mounts a Preact view in an isolated shadow root on the QuickBooks page: next to the first stable
 * anchor that exists (`data-automation-id` hooks; class names are hashed per deploy), otherwise in
 * a fixed corner. QuickBooks may throw our node away when it re-renders, so the UI is re-mounted
 * whenever the shared DOM watch sees it gone, and removed when the run's signal aborts.
 */
import { render, type ComponentChild } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { DomWatch } from './dom-watch';

export interface MountOptions {
  /** Custom element name of the shadow host, e.g. "synclens-chip". */
  name: string;
  /** Selectors tried in order; the UI goes right after the first match. */
  anchors: readonly string[];
  view: () => ComponentChild;
  signal: AbortSignal;
  domWatch: DomWatch;
}

export function findAnchor(doc: Document, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = doc.querySelector(selector);
    if (found) return found;
  }
  return null;
}

export async function mountShadowUi(ctx: ContentScriptContext, opts: MountOptions): Promise<void> {
  let anchored = false;
  const ui = await createShadowRootUi(ctx, {
    name: opts.name,
    position: 'inline',
    anchor: () => findAnchor(document, opts.anchors) ?? document.body,
    append: (anchor, element) => {
      anchored = anchor !== document.body;
      if (anchored) anchor.after(element);
      else anchor.append(element);
    },
    onMount(container, _shadow, host) {
      host.classList.toggle('synclens-corner', !anchored);
      if (!anchored) {
        // Fixed corner: above QuickBooks' own layers, clear of its bottom-right help button.
        Object.assign(host.style, { position: 'fixed', right: '16px', bottom: '72px', zIndex: '2147483000' });
      }
      render(opts.view(), container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  if (opts.signal.aborted) return;
  ui.mount();
  opts.domWatch.subscribe(() => {
    const anchorNow = findAnchor(document, opts.anchors);
    // Gone after a re-render, or a better place has appeared since we fell back to the corner.
    if (!ui.shadowHost.isConnected || (!anchored && anchorNow)) {
      ui.remove();
      ui.mount();
    }
  }, opts.signal);
  opts.signal.addEventListener('abort', () => ui.remove());
}
