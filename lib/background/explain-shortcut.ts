/**
 * The "Explain a QuickBooks error" keyboard shortcut (manifest `commands`). On a QuickBooks Online
 * tab it opens the explain box there; anywhere else it opens the popup, which has the same lookup.
 */
import { browser, type Browser } from 'wxt/browser';
import { isQboUrl } from '../qbo/hosts';

export const EXPLAIN_COMMAND = 'explain-error';

export async function onShortcut(command: string, tab: Browser.tabs.Tab | undefined): Promise<void> {
  if (command !== EXPLAIN_COMMAND) return;
  const url = tab?.url ? safeUrl(tab.url) : null;
  if (tab?.id !== undefined && url && isQboUrl(url)) {
    try {
      await browser.tabs.sendMessage(tab.id, { notice: 'overlay.openExplain' });
      return;
    } catch {
      // No overlay in that tab (opened before SyncLens was installed): fall back to the popup.
    }
  }
  await browser.action.openPopup?.();
}

function safeUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
