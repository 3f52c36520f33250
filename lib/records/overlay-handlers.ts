/**
 * The background's answers to the QuickBooks Online overlay. The content script sends ids only;
 * everything here is checked against what the user follows and what the tab shows (decided by
 * the background, ./tab-company.ts), and fetched with the background's own token.
 */
import { browser } from 'wxt/browser';
import { clientForCompany } from '../background/configured-client';
import type { BackgroundContext } from '../background/context';
import { readCompanies } from '../db/cache';
import { explainFailure, explainText, failureCode } from '../errors/explanation-view';
import { t } from '../i18n/t';
import type { overlayCommands, OverlayCompany, OverlayPrefs, TabCompanyChoice } from '../messaging/overlay-commands';
import { ReplyError, type Handlers } from '../messaging/router';
import { configuredConnections, isConfigured, loadSettings, type Settings } from '../settings/store';
import { hasSeveralConnections } from '../connections/connection';
import { resolveKey } from '../connections/company-key';
import { requireTabCompany } from './content-authority';
import { createRecordStatusService, pruneLinks, type LinkStore } from './record-status';
import { decideTabCompany, followedQboCompanies } from './tab-company';
import { pruneClosedTabsNow, rememberLookup, rememberTabChoice } from './tab-memory';

export { followedQboCompanies } from './tab-company';

export type OverlayHandlers = Pick<Handlers, keyof typeof overlayCommands>;

/** Where the chip's collapsed flag lives (the key the content script used before it went through here). */
export const CHIP_COLLAPSED_KEY = 'overlay:chipCollapsed';

async function requireFollowedQbo(ctx: BackgroundContext, companyId: string) {
  const company = (await followedQboCompanies(ctx)).find((c) => c.id === companyId);
  if (!company) throw new ReplyError('rejected', t('overlayNotFollowedQbo'));
  return company;
}

/**
 * A company's name in the chip's picker. With several services the service is named too (two
 * may both have "Evergreen"), by the user's label or its place in the list, never by its address.
 */
function pickerLabel(settings: Settings, key: string, name: string): string {
  if (!hasSeveralConnections(settings)) return name;
  const resolved = resolveKey(key, settings.connections.map((c) => c.id));
  const index = resolved ? settings.connections.findIndex((c) => c.id === resolved.connectionId) : -1;
  if (index < 0) return name;
  const label = settings.connections[index]!.name.trim() || t('overlayServiceNumber', index + 1);
  return `${name} · ${label}`;
}

/** No company list yet from any configured service: the first poll has not answered. */
async function companiesLoading(ctx: BackgroundContext, settings: Settings): Promise<boolean> {
  const ids = configuredConnections(settings).map((c) => c.id);
  return ids.length > 0 && (await readCompanies(ctx.db, settings.connections.map((c) => c.id))).length === 0;
}

function choiceReply(choice: Awaited<ReturnType<typeof decideTabCompany>>): TabCompanyChoice {
  if ('companyId' in choice) return { kind: 'company', companyId: choice.companyId, how: choice.how };
  if ('need' in choice) return { kind: 'picker', candidateIds: choice.candidates.map((c) => c.id) };
  return { kind: 'hidden', reason: choice.none };
}

async function loadPrefs(): Promise<OverlayPrefs> {
  const stored = await browser.storage.local.get(CHIP_COLLAPSED_KEY);
  return { chipCollapsed: stored[CHIP_COLLAPSED_KEY] === true };
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
      const hidden = { kind: 'hidden', reason: 'no-qbo-company' } as const;
      if (!isConfigured(settings)) return { configured: false, loading: false, companies: [], choice: hidden };
      if (await companiesLoading(ctx, settings)) return { configured: true, loading: true, companies: [], choice: hidden };
      const followed = await followedQboCompanies(ctx);
      const companies: OverlayCompany[] = followed.map((c) => ({ id: c.id, name: pickerLabel(settings, c.id, c.name), realmId: c.realmId ?? null }));
      return { configured: true, loading: false, companies, choice: choiceReply(await decideTabCompany(followed, tab)) };
    },

    async 'overlay.pickCompany'({ companyId }, { tab }) {
      await requireFollowedQbo(ctx, companyId);
      if (tab?.id === undefined) throw new ReplyError('rejected', t('overlayOnlyTabPicks'));
      // Only among the companies the tab may show: a picker never overrides the realm cookie.
      const choice = await decideTabCompany(await followedQboCompanies(ctx), { url: tab.url });
      const allowed = 'need' in choice ? choice.candidates.map((c) => c.id) : 'companyId' in choice ? [choice.companyId] : [];
      if (!allowed.includes(companyId)) throw new ReplyError('rejected', t('overlayNotTabCompany'));
      await rememberTabChoice(tab.id, companyId);
      return { companyId };
    },

    'overlay.prefs': () => loadPrefs(),

    async 'overlay.setPrefs'({ chipCollapsed }) {
      await browser.storage.local.set({ [CHIP_COLLAPSED_KEY]: chipCollapsed });
      return loadPrefs();
    },

    async 'record.status'({ companyId, entityType, qbId }, { from, tab }) {
      if (from === 'content') await requireTabCompany(ctx, tab, companyId);
      const status = await records.status(companyId, { entityType, qbId });
      // What this tab was shown is what it may act on (lib/records/content-authority.ts).
      if (from === 'content' && tab?.id !== undefined) await rememberLookup(tab.id, companyId, status.link, ctx.now().getTime());
      return status;
    },

    async 'records.status'({ companyId, records: refs }, { from, tab }) {
      if (from === 'content') await requireTabCompany(ctx, tab, companyId);
      // The markers show the code as the lookup would read it ("003200" is 3200); the catalog stays here.
      const links = await records.links(companyId, refs);
      return { links: links.map((link) => (link.errorCode ? { ...link, errorCode: failureCode({ ...link, errorCode: link.errorCode }, 'qbo').code } : link)) };
    },

    'error.explain': async ({ text, system }) => ({ explanations: explainText(text, system) }),
  };
}

/** When the background starts: old record links, and what was kept for tabs that are gone. */
export async function pruneOverlayMemory(ctx: BackgroundContext, linkStore: LinkStore): Promise<void> {
  await pruneLinks(linkStore, ctx.now().getTime());
  await pruneClosedTabsNow();
}
