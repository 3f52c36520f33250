import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendCommand } from '@/lib/messaging/send';
import { outboxSubscription } from '@/lib/outbox/outbox-subscribe';
import { createPopupStore } from '@/components/popup/store';
import { PopupApp } from '@/components/popup/PopupApp';

const store = createPopupStore({
  send: sendCommand,
  openOptions: () => void browser.runtime.openOptionsPage(),
  storage: window.localStorage,
  // Looked up when the popup subscribes (after its first paint), not before it renders.
  subscribeOutbox: (listener) => outboxSubscription(browser.storage.onChanged)(listener),
});
// Start first: the cache requests leave before the first render's work.
void store.start();
render(<PopupApp store={store} />, document.getElementById('app')!);
