/**
 * Our own isolated corner of the QuickBooks page: a custom element with an open shadow root (the
 * page is untrusted and nothing secret is ever rendered here; open lets tests reach it), holding
 * the overlay's stylesheet and a container to render into. The stylesheet is fetched from the
 * extension once per page and reused by every mount.
 */
import { browser } from 'wxt/browser';

let cssText: Promise<string> | null = null;

/** The overlay CSS WXT builds for this content script (cssInjectionMode 'ui' keeps it out of the page). */
export function overlayCss(): Promise<string> {
  // WXT's typed paths list public/ files only, not the stylesheet it generates for this script.
  const url = (browser.runtime.getURL as (path: string) => string)('/content-scripts/qbo.css');
  cssText ??= fetch(url)
    .then((res) => (res.ok ? res.text() : ''))
    .catch(() => '');
  return cssText;
}

export interface ShadowHost {
  host: HTMLElement;
  container: HTMLElement;
}

export function createShadowHost(doc: Document, tagName: string, css: string): ShadowHost {
  const host = doc.createElement(tagName);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  container.className = 'sl-root';
  shadow.append(style, container);
  return { host, container };
}
