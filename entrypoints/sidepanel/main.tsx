import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendCommand } from '@/lib/messaging/send';
import { outboxSubscription } from '@/lib/outbox/outbox-subscribe';
import { parseCenterHash } from '@/lib/center/center-link';
import { watchPolls } from '@/lib/center/poll-watch';
import { createCenterStore } from '@/components/center/store';
import { CenterApp } from '@/components/center/CenterApp';

const store = createCenterStore({
  send: sendCommand,
  openOptions: () => void browser.runtime.openOptionsPage(),
  link: parseCenterHash(location.hash),
  subscribeOutbox: outboxSubscription(browser.storage.onChanged),
});
void store.start();
// A notification click or the popup may point an open Sync Center somewhere else.
window.addEventListener('hashchange', () => store.applyLink(parseCenterHash(location.hash)));
// Each background poll refreshes what the page shows.
watchPolls(browser.storage.onChanged, () => void store.afterPoll());
render(<CenterApp store={store} />, document.getElementById('app')!);
