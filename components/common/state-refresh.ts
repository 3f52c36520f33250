/**
 * "Poll now and show the result", shared by the popup and the Sync Center: asks the background
 * for a fresh poll and hands the snapshot to the page, or keeps its error for the whole-page view.
 */
import { batch, type Signal } from '@preact/signals';
import type { Snapshot } from '@/lib/messaging/protocol';
import type { ReplyError, SendCommand } from './client';

export interface RefreshTargets {
  refreshing: Signal<boolean>;
  connectionError: Signal<ReplyError | null>;
  apply: (snapshot: Snapshot) => void;
}

export async function refreshPageState(send: SendCommand, page: RefreshTargets): Promise<void> {
  page.refreshing.value = true;
  const reply = await send('state.refresh', {});
  batch(() => {
    page.refreshing.value = false;
    if (reply.ok) {
      page.connectionError.value = null;
      page.apply(reply.data);
    } else {
      page.connectionError.value = reply.error;
    }
  });
}
