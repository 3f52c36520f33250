/**
 * The background's answers to the QuickBooks Online overlay. The content script sends ids only;
 * everything here is checked against what the user follows and fetched with the background's own
 * token. A company id from a tab must name a followed QuickBooks Online company.
 */
import { browser } from 'wxt/browser';
import type { Company } from '../api/schema';
import { clientForCompany } from '../background/configured-client';
import type { BackgroundContext } from '../background/context';
import { readCompanies } from '../db/cache';
import { explainFailure, explainText } from '../errors/explanation-view';
import { t } from '../i18n/t';
import type { overlayCommands, OverlayCompany } from '../messaging/overlay-commands';
import { ReplyError, type Handlers } from '../messaging/router';
import { isQboUrl } from '../qbo/hosts';
import { CURRENT_COMPANY_COOKIE, realmFromCookieValue } from '../qbo/realm';
import { isConfigured, loadSettings } from '../settings/store';
import { companyLabel, followedOnly } from '../connections/connection';
import { createRecordStatusService, type LinkStore } from './record-status';

export type OverlayHandlers = Pick<Handlers, keyof typeof overlayCommands>;

const TAB_CHOICE_PREFIX = 'overlay:tabCompany:';

/** Followed QuickBooks Online companies (an empty follow list means every company). */
export async function followedQboCompanies(ctx: BackgroundContext): Promise<Company[]> {
  const settings = await loadSettings();
  const companies = await readCompanies(ctx.db, settings.connections.map((c) => c.id));
  return followedOnly(settings, companies, (c) => c.id).filter((c) => c.system === 'qbo');
}

async function requireFollowedQbo(ctx: BackgroundContext, companyId: string): Promise<Company> {
  const company = (await followedQboCompanies(ctx)).find((c) => c.id === companyId);
  if (!company) throw new ReplyError('rejected', t('overlayNotFollowedQbo'));
  return company;
}

/** The realm cookie for the tab's QuickBooks host, read with the cookies API (never the page's word). */
async function cookieRealm(tabUrl: string | undefined): Promise<string | null> {
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

export function createOverlayHandlers(ctx: BackgroundContext, linkStore: LinkStore): OverlayHandlers & { forgetCompany(id: string): Promise<void> } {
  const records = createRecordStatusService({
    client: (companyId) => clientForCompany(ctx, companyId),
    company: (id) => requireFollowedQbo(ctx, id),
    store: linkStore,
    explain: (link, company) =>
      link.errorCode ? explainFailure({ errorCode: link.errorCode, errorMessage: link.errorMessage, errorDetail: link.errorDetail }, company.system) : null,
    now: () => ctx.now().getTime(),
  });

  return {
    forgetCompany: records.forgetCompany,

    async 'overlay.context'(_payload, { tab }) {
      const settings = await loadSettings();
      if (!isConfigured(settings)) return { configured: false, companies: [], cookieRealm: null, storedCompanyId: null };
      // With several services, the picker says which one a company comes from (names may repeat).
      const companies: OverlayCompany[] = (await followedQboCompanies(ctx)).map((c) => ({
        id: c.id,
        name: companyLabel(settings, c.id, c.name),
        realmId: c.realmId ?? null,
      }));
      const key = `${TAB_CHOICE_PREFIX}${tab?.id ?? 'none'}`;
      const stored = tab?.id !== undefined ? ((await browser.storage.session.get(key))[key] as string | undefined) : undefined;
      return {
        configured: true,
        companies,
        cookieRealm: await cookieRealm(tab?.url),
        storedCompanyId: stored && companies.some((c) => c.id === stored) ? stored : null,
      };
    },

    async 'overlay.pickCompany'({ companyId }, { tab }) {
      await requireFollowedQbo(ctx, companyId);
      if (tab?.id === undefined) throw new ReplyError('rejected', t('overlayOnlyTabPicks'));
      await browser.storage.session.set({ [`${TAB_CHOICE_PREFIX}${tab.id}`]: companyId });
      return { companyId };
    },

    'record.status': ({ companyId, entityType, qbId }) => records.status(companyId, { entityType, qbId }),

    'records.status': async ({ companyId, records: refs }) => ({ links: await records.links(companyId, refs) }),

    'error.explain': async ({ text, system }) => ({ explanations: explainText(text, system) }),
  };
}
