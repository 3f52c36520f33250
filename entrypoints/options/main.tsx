import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendCommand } from '@/lib/messaging/send';
import { createOptionsStore } from '@/components/options/store';
import { OptionsApp } from '@/components/options/OptionsApp';

const store = createOptionsStore({
  send: sendCommand,
  requestPermission: (origins) => browser.permissions.request({ origins }),
});
render(<OptionsApp store={store} />, document.getElementById('app')!);
void store.load();
