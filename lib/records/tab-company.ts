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
import { readCompanies } from '../db/cache';
import { isQboUrl } from '../qbo/hosts';
import { chooseCompany, CURRENT_COMPANY_COOKIE, realmFromCookieValue, realmFromUrl, type CompanyChoice } from '../qbo/realm';
import { loadSettings } from '../settings/store';
import { tabChoice } from './tab-memory';

/** What the router tells a handler about a content script's tab. */
export interface TabInfo {
  id?: number;
  url?: string;
}

/** Followed QuickBooks Online companies (an empty follow list means every company). */
export async function followedQboCompanies(ctx: BackgroundContext): Promise<Company[]> {
  const settings = await loadSettings();
  const companies = await readCompanies(ctx.db, settings.connections.map((c) => c.id));
  return followedOnly(settings, companies, (c) => c.id).filter((c) => c.system === 'qbo');
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

/** The background's decision for one tab among `companies` (the followed QBO ones). */
export async function decideTabCompany(companies: readonly Company[], tab: TabInfo | undefined): Promise<CompanyChoice<Company>> {
  const [cookie, stored] = await Promise.all([cookieRealm(tab?.url), tab?.id === undefined ? null : tabChoice(tab.id)]);
  return chooseCompany({ signals: { cookie, url: tab?.url ? realmFromUrl(tab.url) : null, stored }, companies });
}

/** The id of the company the tab shows, or null when the tab shows none SyncLens could act on. */
export async function tabCompanyId(ctx: BackgroundContext, tab: TabInfo | undefined): Promise<string | null> {
  const choice = await decideTabCompany(await followedQboCompanies(ctx), tab);
  return 'companyId' in choice ? choice.companyId : null;
}
