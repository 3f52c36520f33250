import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDemoQboOrigin, qboMatchPatterns, QBO_MATCH_PATTERN } from './lib/qbo/demo-origin';
import { finishPopupPage, POPUP_STYLESHEET } from './scripts/lib/popup-page';

// Build-time pre-configuration: SYNCLENS_API_URL / SYNCLENS_API_TOKEN (and, for tests only,
// SYNCLENS_POLL_MINUTES) are baked into the build so `npm run demo` and the tests need no clicking.
const apiUrl = process.env.SYNCLENS_API_URL ?? '';
const apiToken = process.env.SYNCLENS_API_TOKEN ?? '';
const pollMinutes = process.env.SYNCLENS_POLL_MINUTES ?? '';
// Demo only: a loopback origin (the QBO emulator's web app) the build treats as QuickBooks Online.
// Unset in every normal build; a malformed value fails the build (parseDemoQboOrigin throws).
const demoQboOrigin = parseDemoQboOrigin(process.env.SYNCLENS_DEMO_QBO_ORIGIN);
const qboPatterns = qboMatchPatterns(demoQboOrigin);

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
      __SYNCLENS_DEMO_QBO_ORIGIN__: JSON.stringify(demoQboOrigin ?? ''),
    },
  }),
  hooks: {
    // The content script declares the production pattern; a demo build also runs it on the
    // stand-in origin (exact port, so no other local service gets the overlay). Changed on the
    // resolved entrypoint, so WXT derives everything from it (content_scripts, and the
    // web_accessible_resources entry that lets the overlay load its stylesheet there).
    'entrypoints:resolved': (_wxt, entrypoints) => {
      if (!demoQboOrigin) return;
      for (const entrypoint of entrypoints) {
        if (entrypoint.type !== 'content-script') continue;
        const matches = entrypoint.options.matches;
        if (Array.isArray(matches) && matches.includes(QBO_MATCH_PATTERN)) entrypoint.options.matches = [...new Set([...matches, ...qboPatterns])];
      }
    },
    // The QuickBooks content script (and the explain dialog it loads on demand) and the popup's
    // script run in Chromium only, whose `chrome.*` APIs already return promises for everything they
    // call (sendMessage, i18n, getURL, storage, windows, sidePanel, onMessage without replies), so
    // they use the browser's own object instead of webextension-polyfill: about 2.5 KB gzipped of the
    // content script, and about 2 ms of the popup's first paint (wrapping the polyfill's module
    // copies every `chrome.*` namespace, which Chromium builds on first touch). The side panel,
    // options and the background keep it.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script' || e.name === 'qbo-explain' || e.name === 'popup-app')) return;
      const native = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
      const alias = config.resolve?.alias;
      const rest = Array.isArray(alias)
        ? alias.filter((a) => String(a.find) !== 'wxt/browser')
        : Object.entries(alias ?? {}).filter(([k]) => k !== 'wxt/browser').map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = { ...config.resolve, alias: [native, ...rest] };
    },
    // The explain dialog (entrypoints/qbo-explain.ts) is imported by the content script when the
    // shortcut is used: it must be web-accessible exactly where the overlay's stylesheet is.
    'build:manifestGenerated': (_wxt, manifest) => {
      const overlay = manifest.web_accessible_resources?.find(
        (r): r is { resources: string[]; matches: string[] } => typeof r === 'object' && r.resources.includes('content-scripts/qbo.css'),
      );
      if (overlay) overlay.resources.push('qbo-explain.js');
    },
    // The popup page loads one file before its first paint: its stylesheet goes into the page.
    'build:done': (wxt) => {
      const page = join(wxt.config.outDir, 'popup.html');
      const stylesheetFile = join(wxt.config.outDir, POPUP_STYLESHEET);
      writeFileSync(page, finishPopupPage(readFileSync(page, 'utf8'), readFileSync(stylesheetFile, 'utf8'), wxt.config.plugins.length));
      rmSync(stylesheetFile);
    },
  },
  manifest: {
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['alarms', 'storage', 'cookies'],
    // QuickBooks Online hosts (plus the demo stand-in in a demo build): for the realm cookie (which
    // company a tab shows); the API origin of a pre-configured build; any other API origin is asked for when the user saves it.
    host_permissions: [...qboPatterns, ...hostPatternFor(apiUrl)],
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
