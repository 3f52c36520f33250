/**
 * The popup's script, built as one classic file (an unlisted script) rather than a module graph:
 * Chromium starts a classic script sooner than it resolves a graph of shared module chunks, and
 * the popup's first paint waits for it. popup.html loads it at the end of its body.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sendCommand } from '@/lib/messaging/send';
import { outboxSubscription } from '@/lib/outbox/outbox-subscribe';
import { createPopupStore } from '@/components/popup/store';
import { PopupApp } from '@/components/popup/PopupApp';
import './popup/style.css';

export default defineUnlistedScript(() => {
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
});
