/**
 * Opening the Sync Center from the popup: in the side panel when the browser has the API, else as
 * a tab. `sidePanel.open` must run inside the click (a user gesture), so the window id is looked up
 * when the popup opens, not after the click.
 */
import { browser } from 'wxt/browser';
import { centerPath, type CenterLink } from './center-link';

interface SidePanelApi {
  open(options: { windowId: number }): Promise<void>;
}

export interface OpenCenterDeps {
  sidePanel: SidePanelApi | undefined;
  windowId: number | undefined;
  openTab: (url: string) => Promise<unknown>;
  pageUrl: (path: string) => string;
}

export async function openSyncCenter(deps: OpenCenterDeps, link: CenterLink = {}): Promise<'side-panel' | 'tab'> {
  if (deps.sidePanel && deps.windowId !== undefined) {
    try {
      await deps.sidePanel.open({ windowId: deps.windowId });
      return 'side-panel';
    } catch {
      // No side panel (permission missing, gesture lost, another browser): a tab does the same job.
    }
  }
  await deps.openTab(deps.pageUrl(centerPath(link)));
  return 'tab';
}

let currentWindowId: number | undefined;

/** Call when the popup opens, so the click can open the side panel without awaiting anything first. */
export function rememberCurrentWindow(): void {
  try {
    void browser.windows
      ?.getCurrent()
      .then((w) => (currentWindowId = w.id))
      .catch(() => undefined);
  } catch {
    // Not available (tests, other browsers): the tab fallback is used.
  }
}

/** The real browser's side panel (or a tab); the popup's button calls this from its click. */
export function openSyncCenterFromPopup(link: CenterLink = {}): Promise<'side-panel' | 'tab'> {
  const sidePanel = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
  return openSyncCenter(
    {
      sidePanel,
      windowId: currentWindowId,
      openTab: (url) => browser.tabs.create({ url }),
      pageUrl: (path) => browser.runtime.getURL(path as '/sidepanel.html'),
    },
    link,
  );
}
