/**
 * The demo-only QuickBooks Online stand-in: a build made with SYNCLENS_DEMO_QBO_ORIGIN (for
 * example http://127.0.0.1:8790, the QBO emulator's web app) treats exactly that one origin as a
 * QuickBooks Online host, so the overlay can be tried without an Intuit account. Every other
 * build bakes in an empty value and nothing here ever matches.
 *
 * Only loopback origins are accepted: a demo build must never let a site on the network pose as
 * QuickBooks. Pure module (no browser APIs), shared by wxt.config.ts and the extension.
 */

// Injected by Vite `define` in wxt.config.ts ('' unless the build set the variable). Absent in
// plain Node and unit tests, hence the typeof guard (tests may stub the global).
declare const __SYNCLENS_DEMO_QBO_ORIGIN__: string;

const LOOPBACK_HOSTS = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

type DemoOriginCheck = { origin: string | null } | { problem: 'not-url' | 'scheme' | 'not-bare' | 'not-loopback'; text: string; url?: URL };

/** The rules, without the wording: the extension only needs the verdict (see demoQboOrigin). */
function checkDemoQboOrigin(raw: string | undefined | null): DemoOriginCheck {
  const text = (raw ?? '').trim();
  if (text === '') return { origin: null };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'not-url', text };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'scheme', text, url };
  if (url.username !== '' || url.password !== '' || (url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return { problem: 'not-bare', text, url };
  }
  if (!LOOPBACK_HOSTS.test(url.hostname)) return { problem: 'not-loopback', text, url };
  return { origin: url.origin };
}

/**
 * The canonical origin ("http://127.0.0.1:8790") of a demo QuickBooks stand-in, or null when
 * `raw` is empty. Throws for anything else than a bare http(s) loopback origin, so a mistyped
 * build variable fails the build instead of silently doing nothing.
 */
export function parseDemoQboOrigin(raw: string | undefined | null): string | null {
  const checked = checkDemoQboOrigin(raw);
  if ('origin' in checked) return checked.origin;
  const { text, url } = checked;
  switch (checked.problem) {
    case 'not-url':
      throw new Error(`SYNCLENS_DEMO_QBO_ORIGIN "${text}" is not a URL; expected an origin such as http://127.0.0.1:8790`);
    case 'scheme':
      throw new Error(`SYNCLENS_DEMO_QBO_ORIGIN must be an http or https origin, not ${url?.protocol}`);
    case 'not-bare':
      throw new Error(`SYNCLENS_DEMO_QBO_ORIGIN must be a bare origin (scheme, host and port only), got "${text}"`);
    case 'not-loopback':
      throw new Error(`SYNCLENS_DEMO_QBO_ORIGIN must be on this machine (localhost, 127.x.x.x or [::1]), got "${url?.hostname}"`);
  }
}

let cachedRaw: string | undefined;
let cachedOrigin: string | null = null;

/** The demo origin this build accepts as QuickBooks Online, or null (every normal build). */
export function demoQboOrigin(): string | null {
  const raw = typeof __SYNCLENS_DEMO_QBO_ORIGIN__ === 'string' ? __SYNCLENS_DEMO_QBO_ORIGIN__ : '';
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    // The build refuses bad values (parseDemoQboOrigin); a bad stub in a test means "no demo host".
    const checked = checkDemoQboOrigin(raw);
    cachedOrigin = 'origin' in checked ? checked.origin : null;
  }
  return cachedOrigin;
}

/** True when `url` is on the demo origin (and carries no credentials). */
export function isDemoQboUrl(url: URL, demoOrigin: string | null = demoQboOrigin()): boolean {
  return demoOrigin !== null && url.username === '' && url.password === '' && url.origin === demoOrigin;
}

/** The production QuickBooks Online match pattern (covers qbo.intuit.com and every subdomain). */
export const QBO_MATCH_PATTERN = 'https://*.qbo.intuit.com/*';

/**
 * Match patterns for QuickBooks Online tabs: the production hosts, plus the demo origin (with its
 * port, so no other local service matches) in a demo build. Used for the content script's matches,
 * host permissions and tab queries.
 */
export function qboMatchPatterns(demoOrigin: string | null = demoQboOrigin()): string[] {
  return demoOrigin === null ? [QBO_MATCH_PATTERN] : [QBO_MATCH_PATTERN, `${demoOrigin}/*`];
}
