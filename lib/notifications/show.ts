/**
 * Shows notifications (only with the optional `notifications` permission granted) and opens the
 * Sync Center on a click. Each notification's target path is stored in Dexie under its id, since
 * the service worker that showed it may be gone when the user clicks.
 */
import { browser } from 'wxt/browser';
import type { SyncLensDb } from '../db/schema';
import { centerPath } from '../center/center-link';
import type { Notice } from './decide';

export async function mayNotify(): Promise<boolean> {
  try {
    return Boolean(browser.notifications) && (await browser.permissions.contains({ permissions: ['notifications'] }));
  } catch {
    return false;
  }
}

let listening = false;

/**
 * Registers the click listener once per worker. The notifications API exists only while the
 * optional permission is granted: at startup when it was granted before, and again just before
 * showing (the permission may have been granted while this worker ran).
 */
export function listenForClicks(db: SyncLensDb, onError: (err: unknown) => void): void {
  if (listening || !browser.notifications?.onClicked) return;
  listening = true;
  browser.notifications.onClicked.addListener((id) => {
    openNotice(db, id).catch(onError);
  });
}

/** Tests: a fresh fake browser has no listeners. */
export function resetClickListener(): void {
  listening = false;
}

export async function showNotice(db: SyncLensDb, notice: Notice, now: Date): Promise<void> {
  listenForClicks(db, (err) => console.error('SyncLens: notification click failed', err));
  await db.noticeTargets.put({ id: notice.id, path: notice.path, at: now.toISOString() });
  await browser.notifications.create(notice.id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: notice.title,
    message: notice.message,
  });
}

/** A click on a notification: open where it points (the Sync Center by default) and close it. */
export async function openNotice(db: SyncLensDb, id: string): Promise<void> {
  const target = await db.noticeTargets.get(id);
  // Only our own Sync Center paths are opened, whatever is stored.
  const path = target?.path.startsWith('/sidepanel.html') ? target.path : centerPath({ tab: 'unsynced' });
  // getURL is typed with the built entrypoints; the side panel may be built by another bundle step.
  const getUrl = browser.runtime.getURL as (path: string) => string;
  await browser.tabs.create({ url: getUrl(path) });
  await browser.notifications.clear(id);
}
