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
// Start first: it reads last paint synchronously, and any request it must send before that paint
// (nothing painted from last time) leaves before the first render's work.
void store.start();
render(<PopupApp store={store} />, document.getElementById('app')!);
