/**
 * Which hosts serve the QuickBooks Online web app.
 *
 * Known forms (docs: /work/shared/reference/qbo-web-app.md §1): qbo.intuit.com, app.qbo.intuit.com,
 * older per-cluster hosts cN.qbo.intuit.com, and the sandbox hosts sandbox.qbo.intuit.com,
 * app.sandbox.qbo.intuit.com and cN.sandbox.qbo.intuit.com. Intuit's internal e2e host is left
 * out on purpose: no customer data lives there.
 *
 * An allowlist (not "ends with qbo.intuit.com") so lookalikes such as evilqbo.intuit.com or
 * qbo.intuit.com.evil.com never count.
 */

import { isDemoQboUrl } from './demo-origin';

const QBO_HOST = /^(?:(?:app|c\d{1,3})\.)?(?:sandbox\.)?qbo\.intuit\.com$/;
const SANDBOX_HOST = /(?:^|\.)sandbox\.qbo\.intuit\.com$/;

/** The production origin used when a caller does not say which host to link to. */
export const DEFAULT_QBO_ORIGIN = 'https://qbo.intuit.com';

function normalizeHostname(hostname: string): string {
  // A fully qualified name with a trailing dot is the same host.
  return hostname.trim().toLowerCase().replace(/\.$/, '');
}

/** True for a hostname (no scheme, no port) that serves the QuickBooks Online app. */
export function isQboHost(hostname: string): boolean {
  if (typeof hostname !== 'string') return false;
  return QBO_HOST.test(normalizeHostname(hostname));
}

/** True for sandbox (developer test company) hosts. */
export function isSandboxHost(hostname: string): boolean {
  return isQboHost(hostname) && SANDBOX_HOST.test(normalizeHostname(hostname));
}

/**
 * True when a parsed URL is a QuickBooks Online app URL we may trust: https only, default port,
 * no embedded credentials, and an allowlisted host. A demo build also accepts its one loopback
 * stand-in origin (./demo-origin.ts); other builds accept nothing more.
 */
export function isQboUrl(url: URL): boolean {
  return (
    (url.protocol === 'https:' &&
      url.port === '' &&
      url.username === '' &&
      url.password === '' &&
      isQboHost(url.hostname)) ||
    isDemoQboUrl(url)
  );
}

/** Parses a string (or URL object) as a QuickBooks Online app URL; null for anything else (never throws). */
export function parseQboUrl(raw: string | URL, base?: string): URL | null {
  // URL objects may come from another realm (page vs content script), so no instanceof check.
  if (raw !== null && typeof raw === 'object' && typeof (raw as URL).href === 'string') raw = (raw as URL).href;
  if (typeof raw !== 'string') return null;
  let url: URL;
  try {
    url = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    return null;
  }
  return isQboUrl(url) ? url : null;
}
