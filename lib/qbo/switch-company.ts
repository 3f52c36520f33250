/**
 * The company-switch URL: /app/switchCompany?companyId=<realm>[&navigationURL=<route>?<id>].
 *
 * Record ids only mean something inside one company, so a deep link into a company the tab may
 * not have open goes through this page. Assumption (one public integration, not Intuit docs):
 * `navigationURL` is a route relative to /app/ such as `invoice?txnId=5`, URL-encoded. If QBO
 * ignored it, the user would land on the right company's dashboard, never on another company's
 * record.
 */
import { isQboUrl, parseQboUrl } from './hosts';
import { isRealmId } from './ids';
import { readParam } from './params';

const SWITCH_ROUTES = new Set(['switchcompany', 'multientityswitchcompany']);

/** Builds the switch URL on a QBO origin; `navigation` is a route relative to /app/. */
export function buildSwitchCompanyUrl(origin: string, realmId: string, navigation?: string): string {
  const url = new URL('/app/switchCompany', origin);
  url.searchParams.set('companyId', realmId);
  if (navigation) url.searchParams.set('navigationURL', navigation);
  return url.toString();
}

export interface SwitchCompanyTarget {
  realmId: string;
  /** Absolute URL QBO is asked to open after switching, or null (dashboard). */
  next: string | null;
}

/** Reads a switch URL back; null when the URL is not a QBO company switch with a valid realm. */
export function parseSwitchCompanyUrl(raw: string | URL): SwitchCompanyTarget | null {
  const url = typeof raw === 'string' ? parseQboUrl(raw) : isQboUrl(raw) ? raw : null;
  if (!url) return null;
  const match = /^\/app\/([^/]+)\/?$/i.exec(url.pathname);
  if (!match || !SWITCH_ROUTES.has((match[1] ?? '').toLowerCase())) return null;
  const read = readParam(url.searchParams, 'companyId');
  const realmId = read.status === 'one' ? read.value : null;
  if (!isRealmId(realmId)) return null;
  const navigation = url.searchParams.get('navigationURL');
  let next: string | null = null;
  if (navigation) {
    // Only follow a target on a QBO host: an absolute foreign URL here must never be trusted.
    const target = parseQboUrl(navigation, `${url.origin}/app/`);
    next = target ? target.toString() : null;
  }
  return { realmId, next };
}
