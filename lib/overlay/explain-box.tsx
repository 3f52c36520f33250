/**
 * "Explain a QuickBooks error" on QuickBooks Online pages: the keyboard shortcut (commands API,
 * handled in the background) sends a notice to this tab, and a small dialog opens. Notices are
 * accepted only from our own background, never from the page.
 *
 * The dialog (./explain-dialog.tsx) is not in the content script: the chip's first paint never
 * needs it, so it is loaded from the extension the first time the shortcut is used. A content
 * script's dynamic import runs the module in the script's isolated world, and the file is listed
 * in web_accessible_resources for QuickBooks pages only (wxt.config.ts).
 */
import { browser, type Browser } from 'wxt/browser';
import type { ExplainFn } from '@/components/errors/ExplainLookup';
import type { OverlayServices } from './overlay-services';

/** Where the loaded dialog module leaves its `open` function (the isolated world's global). */
export const EXPLAIN_DIALOG_KEY = Symbol.for('synclens.explainDialog');

/** The built file of entrypoints/qbo-explain.ts. */
export const EXPLAIN_DIALOG_FILE = '/qbo-explain.js';

export type OpenExplainDialog = (explain: ExplainFn, onClose: () => void) => Promise<void>;

export function isFromOurBackground(sender: Browser.runtime.MessageSender, ownId: string): boolean {
  return sender.id === ownId && !sender.tab;
}

let loading: Promise<OpenExplainDialog> | null = null;

/** Loads the dialog module once per page; a failed load is tried again on the next request. */
export function loadExplainDialog(): Promise<OpenExplainDialog> {
  loading ??= (async () => {
    const url = (browser.runtime.getURL as (path: string) => string)(EXPLAIN_DIALOG_FILE);
    await import(/* @vite-ignore */ url);
    const open = (globalThis as Record<symbol, unknown>)[EXPLAIN_DIALOG_KEY];
    if (typeof open !== 'function') throw new Error('The SyncLens explain dialog did not load.');
    return open as OpenExplainDialog;
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

export function installExplainBox(services: OverlayServices, load: () => Promise<OpenExplainDialog> = loadExplainDialog): void {
  let open = false;

  const show = async () => {
    if (open) return;
    open = true;
    try {
      const openDialog = await load();
      await openDialog((text, system) => services.ask('error.explain', { text, system }), () => {
        open = false;
      });
    } catch (error) {
      open = false;
      console.warn('SyncLens: the explain dialog could not open', error);
    }
  };

  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isFromOurBackground(sender, browser.runtime.id)) return;
    if ((message as { notice?: unknown })?.notice === 'overlay.openExplain') void show();
  };
  browser.runtime.onMessage.addListener(listener);
  services.ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
