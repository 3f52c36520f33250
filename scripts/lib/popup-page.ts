/**
 * Finishes the built popup.html (called from wxt.config.ts once every entrypoint is built).
 *
 * The popup's first paint waits for everything the page loads before it, and in Chromium each file
 * an extension page fetches costs a trip through the browser process. So the popup page loads one
 * file only, its classic script (entrypoints/popup-app.tsx): its stylesheet is written into the page,
 * and WXT's plugin loader, a module script WXT adds to every page, is dropped while there is no
 * WXT plugin for it to run (it would only carry Vite's modulepreload polyfill, which a page
 * without module preloads has no use for).
 */

/** The stylesheet the popup's script build writes, as popup.html links it. */
export const POPUP_STYLESHEET = '/assets/popup-app.css';
const STYLESHEET_LINK = new RegExp(`<link rel="stylesheet" href="${POPUP_STYLESHEET.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"[^>]*>`);
const PLUGIN_LOADER = /<script type="module"[^>]*src="\/chunks\/_virtual_wxt-html-plugins-[^"]*\.js"[^>]*><\/script>\s*/;

export function finishPopupPage(html: string, stylesheet: string, wxtPluginCount: number): string {
  if (!STYLESHEET_LINK.test(html)) throw new Error(`popup.html no longer links ${POPUP_STYLESHEET}: the build cannot write the stylesheet into it`);
  // A stylesheet cannot end a <style> element early except by this sequence; the popup's own CSS never holds it.
  if (/<\/style/i.test(stylesheet)) throw new Error(`${POPUP_STYLESHEET} holds "</style": it cannot be written into popup.html`);
  let page = html.replace(STYLESHEET_LINK, () => `<style>${stylesheet.trim()}</style>`);
  if (wxtPluginCount === 0) page = page.replace(PLUGIN_LOADER, '');
  if (/<script type="module"/.test(page)) throw new Error('popup.html loads a module script: its script must be the one classic file built from entrypoints/popup-app.tsx');
  return page;
}
