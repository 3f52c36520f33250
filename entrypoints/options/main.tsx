import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendCommand } from '@/lib/messaging/send';
import { createNotificationsStore } from '@/components/options/notifications-store';
import { createOptionsStore } from '@/components/options/store';
import { OptionsApp } from '@/components/options/OptionsApp';

const store = createOptionsStore({
  send: sendCommand,
  requestPermission: (origins) => browser.permissions.request({ origins }),
});
const notifications = createNotificationsStore({
  send: sendCommand,
  requestNotifications: () => browser.permissions.request({ permissions: ['notifications'] }),
});
render(<OptionsApp store={store} notifications={notifications} />, document.getElementById('app')!);
void store.load();
void notifications.load();
