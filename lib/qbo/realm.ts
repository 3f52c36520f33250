/**
 * Which QuickBooks Online company (realm) a tab shows, and which followed company that is.
 *
 * Record ids only mean something inside one realm, so the overlay must never match a URL id to a
 * sync record of another company. Signals (reference §5): `companyId` / `realmId` on some URLs
 * (the company switch, dashboard links), the `qbo.currentcompanyid` cookie, and, less sure, a
 * `companyId=<n>` inside the `shell.ctx.id` cookie.
 */
import { parseQboUrl } from './hosts';
import { isRealmId } from './ids';
import { readParam } from './params';
import { parseSwitchCompanyUrl } from './switch-company';

export const CURRENT_COMPANY_COOKIE = 'qbo.currentcompanyid';
export const SHELL_CONTEXT_COOKIE = 'shell.ctx.id';

/** The realm a QBO URL names, or null. Conflicting companyId/realmId values give null. */
export function realmFromUrl(rawUrl: string | URL): string | null {
  const url = parseQboUrl(rawUrl);
  if (!url) return null;
  const switchTarget = parseSwitchCompanyUrl(url);
  if (switchTarget) return switchTarget.realmId;
  const found = new Set<string>();
  for (const name of ['companyId', 'realmId']) {
    const read = readParam(url.searchParams, name);
    if (read.status === 'conflict') return null;
    if (read.status === 'one') found.add(read.value);
  }
  if (found.size !== 1) return null;
  const [realm] = found;
  return isRealmId(realm) ? realm : null;
}

function cleanCookieValue(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  let text = value.trim();
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1);
  try {
    return decodeURIComponent(text).trim();
  } catch {
    return null; // malformed percent-encoding: not a value we can trust
  }
}

/** The realm in the value of the `qbo.currentcompanyid` cookie (digits only), or null. */
export function realmFromCookieValue(value: string | null | undefined): string | null {
  const text = cleanCookieValue(value);
  return isRealmId(text) ? text : null;
}

/** The realm inside the `shell.ctx.id` cookie value ("…companyId=123…"), or null. */
export function realmFromShellContextCookie(value: string | null | undefined): string | null {
  const text = cleanCookieValue(value);
  if (!text) return null;
  const found = new Set([...text.matchAll(/(?:^|[^A-Za-z0-9])companyId=(\d{1,20})(?!\d)/gi)].map((m) => m[1]));
  const [only, ...others] = found;
  return only !== undefined && others.length === 0 ? only : null;
}

/**
 * The realm from a `document.cookie` style string: `qbo.currentcompanyid` first (the reliable
 * one), then `shell.ctx.id`. Null when neither names a valid realm.
 */
export function realmFromCookieHeader(header: string | null | undefined): string | null {
  if (typeof header !== 'string') return null;
  const cookies = new Map<string, string>();
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    // First occurrence wins: browsers list cookies with longer (more specific) paths first.
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1));
  }
  return (
    realmFromCookieValue(cookies.get(CURRENT_COMPANY_COOKIE)) ??
    realmFromShellContextCookie(cookies.get(SHELL_CONTEXT_COOKIE))
  );
}

// ---------------------------------------------------------------- choosing the followed company

/** A company the user follows in SyncLens (shape of lib/api/schema.ts Company, reduced). */
export interface FollowedCompany {
  id: string;
  realmId?: string | null;
  system?: 'qbo' | 'qbd';
}

export interface RealmSignals {
  /** Realm read from the tab's URL (realmFromUrl). */
  url?: string | null;
  /** Realm read from the company cookie (realmFromCookieValue / realmFromCookieHeader). */
  cookie?: string | null;
  /** Company id (not realm) the user picked for this tab earlier. */
  stored?: string | null;
}

export type CompanyChoice<C extends FollowedCompany = FollowedCompany> =
  | { companyId: string; how: 'url' | 'cookie' | 'stored' | 'only-one' }
  | { need: 'picker'; candidates: C[] }
  | { none: 'no-qbo-company' | 'realm-not-followed' };

function isQboCompany(company: FollowedCompany): boolean {
  return company.system !== 'qbd' && isRealmId(company.realmId);
}

/** The realm the signals name: the cookie's, else the URL's (rule 2 below), or null. */
function realmSignal({ url, cookie }: RealmSignals): { realm: string; how: 'url' | 'cookie' } | null {
  if (isRealmId(cookie)) return { realm: cookie, how: 'cookie' };
  if (isRealmId(url)) return { realm: url, how: 'url' };
  return null;
}

/**
 * Whether the tab's stored choice can change what chooseCompany decides: only when no realm is
 * named, or when several followed QBO companies share the named realm. Otherwise the caller need
 * not read it.
 */
export function storedChoiceMatters(input: { signals: RealmSignals; companies: readonly FollowedCompany[] }): boolean {
  const signal = realmSignal(input.signals);
  return !signal || input.companies.filter((c) => isQboCompany(c) && c.realmId === signal.realm).length > 1;
}

/**
 * Rules, in order:
 * 1. No followed QuickBooks Online company → none.
 * 2. A realm signal (the cookie first; the URL only when there is no cookie) decides alone: it
 *    picks the company with that realm, or says the realm is not followed. Another company's
 *    records are never shown. Two followed companies with the same realm → picker among them
 *    (stored choice settles it). The cookie wins because it names the company QuickBooks really
 *    has open, while anyone can craft a link whose `companyId` names another company: when the
 *    two disagree, trusting the URL would make SyncLens act on a company the page does not show.
 * 3. No realm signal: the tab's stored choice if it still names a followed QBO company, else the
 *    only QBO company, else a picker.
 * Malformed signal values are ignored, as if absent.
 */
export function chooseCompany<C extends FollowedCompany>(input: {
  signals: RealmSignals;
  companies: readonly C[];
}): CompanyChoice<C> {
  const qbo = input.companies.filter(isQboCompany);
  if (qbo.length === 0) return { none: 'no-qbo-company' };
  const { stored } = input.signals;
  const storedMatch = (among: readonly C[]) =>
    typeof stored === 'string' ? among.find((c) => c.id === stored) : undefined;

  const signal = realmSignal(input.signals);
  if (signal) {
    const matches = qbo.filter((c) => c.realmId === signal.realm);
    const [only, ...others] = matches;
    if (!only) return { none: 'realm-not-followed' };
    if (others.length === 0) return { companyId: only.id, how: signal.how };
    const chosen = storedMatch(matches);
    return chosen ? { companyId: chosen.id, how: 'stored' } : { need: 'picker', candidates: matches };
  }

  const chosen = storedMatch(qbo);
  if (chosen) return { companyId: chosen.id, how: 'stored' };
  const [only, ...others] = qbo;
  if (only && others.length === 0) return { companyId: only.id, how: 'only-one' };
  return { need: 'picker', candidates: qbo };
}
