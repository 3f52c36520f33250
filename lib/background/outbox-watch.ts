/**
 * Open pages follow the outbox: the background bumps one number in storage.local after every
 * change (an action stored, sent, given up on), and pages watching storage.onChanged ask again
 * what became of their actions. storage.local is closed to content scripts (storage-access.ts),
 * so a QuickBooks page can neither read nor fake it.
 */
import { browser } from 'wxt/browser';

import { OUTBOX_REVISION_KEY } from '../outbox/outbox-subscribe';

let revision = 0;

export function announceOutboxChange(): void {
  revision += 1;
  browser.storage.local.set({ [OUTBOX_REVISION_KEY]: `${Date.now()}-${revision}` }).catch(() => undefined);
}
