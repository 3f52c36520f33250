import '@/components/overlay/overlay.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startOverlay } from '@/lib/overlay/start-overlay';

// One pattern for every QuickBooks Online host; routes change client-side, so no path filter.
// A demo build (SYNCLENS_DEMO_QBO_ORIGIN) adds its emulator origin in wxt.config.ts.
export default defineContentScript({
  matches: ['https://*.qbo.intuit.com/*'],
  cssInjectionMode: 'ui',
  main: (ctx) => startOverlay(ctx),
});
