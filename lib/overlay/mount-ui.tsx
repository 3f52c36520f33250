/**
 * Mounts a Preact view in an isolated shadow root on the QuickBooks page: right after the first
 * stable anchor that exists (`data-automation-id` hooks; class names are hashed per deploy),
 * otherwise in a fixed corner. QuickBooks may throw our node away when it re-renders, so the view
 * is mounted again whenever the shared DOM watch sees it gone (or a better anchor appear), and
 * removed when the run's signal aborts.
 */
import { render, type ComponentChild } from 'preact';
import type { DomWatch } from './dom-watch';
import { createShadowHost, overlayCss } from './shadow-host';

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

/** Above QuickBooks' own layers, clear of its bottom-right help button. */
const CORNER_STYLE = 'position:fixed;right:16px;bottom:72px;z-index:2147483000';

export async function mountShadowUi(opts: MountOptions): Promise<void> {
  const css = await overlayCss();
  if (opts.signal.aborted) return;
  let mounted: { host: HTMLElement; container: HTMLElement; anchored: boolean } | null = null;

  const unmount = () => {
    if (!mounted) return;
    render(null, mounted.container);
    mounted.host.remove();
    mounted = null;
  };
  const mount = () => {
    unmount();
    const anchor = findAnchor(document, opts.anchors);
    const { host, container } = createShadowHost(document, opts.name, css);
    if (anchor) anchor.after(host);
    else {
      host.setAttribute('style', CORNER_STYLE);
      document.body.append(host);
    }
    render(opts.view(), container);
    mounted = { host, container, anchored: anchor !== null };
  };

  mount();
  opts.domWatch.subscribe(() => {
    if (!mounted?.host.isConnected || (!mounted.anchored && findAnchor(document, opts.anchors))) mount();
  }, opts.signal);
  opts.signal.addEventListener('abort', unmount);
}
