import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Build-time pre-configuration: SYNCLENS_API_URL / SYNCLENS_API_TOKEN (and, for tests only,
// SYNCLENS_POLL_MINUTES) are baked into the build so `npm run demo` and the tests need no clicking.
const apiUrl = process.env.SYNCLENS_API_URL ?? '';
const apiToken = process.env.SYNCLENS_API_TOKEN ?? '';
const pollMinutes = process.env.SYNCLENS_POLL_MINUTES ?? '';

/** The pre-configured API origin is granted at install; any other origin is asked for when saved. */
function hostPatternFor(url: string): string[] {
  if (!url) return [];
  const { protocol, hostname } = new URL(url);
  return [`${protocol}//${hostname}/*`];
}

export default defineConfig({
  // Tests build one extension per server port into a temporary folder.
  outDir: process.env.SYNCLENS_OUT_DIR || '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact()],
    define: {
      __SYNCLENS_API_URL__: JSON.stringify(apiUrl),
      __SYNCLENS_API_TOKEN__: JSON.stringify(apiToken),
      __SYNCLENS_POLL_MINUTES__: JSON.stringify(pollMinutes),
    },
  }),
  manifest: {
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['alarms', 'storage', 'cookies'],
    // QuickBooks Online hosts: for the realm cookie (which company a tab shows); the API origin of
    // a pre-configured build; any other API origin is asked for when the user saves it.
    host_permissions: ['https://*.qbo.intuit.com/*', ...hostPatternFor(apiUrl)],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Off until the user turns notifications on in the options (requested in that click).
    // (WXT adds the `sidePanel` permission itself for the sidepanel entrypoint.)
    optional_permissions: ['notifications'],
    action: { default_title: 'SyncLens' },
    commands: {
      'explain-error': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: '__MSG_commandExplainError__',
      },
    },
  },
});
