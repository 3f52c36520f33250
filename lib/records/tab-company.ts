/**
 * Which followed QuickBooks Online company a tab shows, decided by the background from what the
 * browser says, never from what the page says: the `qbo.currentcompanyid` cookie (read with the
 * cookies API) wins over a realm in the tab's URL (a crafted link chooses that one), then the
 * company the user picked for this tab, then the only followed one (lib/qbo/realm.ts,
 * chooseCompany). The overlay shows what this decides, and a content script may only act on it.
 */
import { browser } from 'wxt/browser';
import type { Company } from '../api/schema';
import type { BackgroundContext } from '../background/context';
import { followedOnly } from '../connections/connection';
import { ofConnections, readAllCompanies } from '../db/cache';
import { isQboUrl } from '../qbo/hosts';
import { chooseCompany, CURRENT_COMPANY_COOKIE, realmFromCookieValue, realmFromUrl, storedChoiceMatters, type CompanyChoice } from '../qbo/realm';
import { loadSettings, type Settings } from '../settings/store';
import { tabChoice } from './tab-memory';

/** What the router tells a handler about a content script's tab. */
export interface TabInfo {
  id?: number;
  url?: string;
}

/** The settings and the followed QuickBooks Online companies, as one request reads them (once). */
export interface FollowedQbo {
  settings: Settings;
  companies: Company[];
  /** Every cached company of the user's services, followed or not, of any system. */
  cached: Company[];
}

/**
 * Followed QuickBooks Online companies (an empty follow list means every company) with the
 * settings they were read with. The settings and the company cache are read side by side.
 */
export async function readFollowedQbo(ctx: BackgroundContext): Promise<FollowedQbo> {
  const [settings, all] = await Promise.all([loadSettings(), readAllCompanies(ctx.db)]);
  const cached = ofConnections(all, settings.connections.map((c) => c.id));
  return { settings, companies: followedOnly(settings, cached, (c) => c.id).filter((c) => c.system === 'qbo'), cached };
}

/** Followed QuickBooks Online companies (an empty follow list means every company). */
export async function followedQboCompanies(ctx: BackgroundContext): Promise<Company[]> {
  return (await readFollowedQbo(ctx)).companies;
}

/** The realm cookie for the tab's QuickBooks host, read with the cookies API (never the page's word). */
export async function cookieRealm(tabUrl: string | undefined): Promise<string | null> {
  if (!tabUrl) return null;
  let url: URL;
  try {
    url = new URL(tabUrl);
  } catch {
    return null;
  }
  if (!isQboUrl(url) || !browser.cookies) return null;
  try {
    const cookie = await browser.cookies.get({ url: url.origin + '/', name: CURRENT_COMPANY_COOKIE });
    return realmFromCookieValue(cookie?.value);
  } catch {
    return null;
  }
}

/**
 * The background's decision for one tab among `companies` (the followed QBO ones). Given a list
 * still being read, the realm cookie is read meanwhile. The tab's stored choice is read only when
 * it can change the decision (no realm named, or several followed companies share it): with the
 * realm cookie QuickBooks sets, a lookup then costs one read of the browser's storage fewer.
 */
export async function decideTabCompany(
  companies: readonly Company[] | Promise<readonly Company[]>,
  tab: TabInfo | undefined,
): Promise<CompanyChoice<Company>> {
  const [list, cookie] = await Promise.all([companies, cookieRealm(tab?.url)]);
  const signals = { cookie, url: tab?.url ? realmFromUrl(tab.url) : null };
  const stored = tab?.id !== undefined && storedChoiceMatters({ signals, companies: list }) ? await tabChoice(tab.id) : null;
  return chooseCompany({ signals: { ...signals, stored }, companies: list });
}

/**
 * The id of the company the tab shows, or null when the tab shows none SyncLens could act on.
 * `companies`: the followed QBO companies when the caller reads them anyway (else read here).
 */
export async function tabCompanyId(
  ctx: BackgroundContext,
  tab: TabInfo | undefined,
  companies: readonly Company[] | Promise<readonly Company[]> = followedQboCompanies(ctx),
): Promise<string | null> {
  const choice = await decideTabCompany(companies, tab);
  return 'companyId' in choice ? choice.companyId : null;
}
