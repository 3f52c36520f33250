/**
 * The background's answers to the QuickBooks Online overlay. The content script sends ids only;
 * everything here is checked against what the user follows and what the tab shows (decided by
 * the background, ./tab-company.ts), and fetched with the background's own token.
 */
import { browser } from 'wxt/browser';
import { clientForCompany } from '../background/configured-client';
import type { BackgroundContext } from '../background/context';
import type { Company } from '../api/schema';
import { explainFailure, explainText, failureCode } from '../errors/explanation-view';
import { t } from '../i18n/t';
import type { overlayCommands, OverlayCompany, OverlayPrefs, TabCompanyChoice } from '../messaging/overlay-commands';
import { ReplyError, type HandlerContext, type Handlers } from '../messaging/router';
import { configuredConnections, isConfigured, type Settings } from '../settings/store';
import { hasSeveralConnections } from '../connections/connection';
import { resolveKey } from '../connections/company-key';
import { requireTabCompany } from './content-authority';
import { createRecordStatusService, pruneLinks, type KnownCompany, type LinkStore } from './record-status';
import { decideTabCompany, followedQboCompanies, readFollowedQbo, type FollowedQbo } from './tab-company';
import { pruneClosedTabsNow, rememberLookup, rememberTabChoice } from './tab-memory';
import { loadGates } from '../poll/gate';

export { followedQboCompanies } from './tab-company';

export type OverlayHandlers = Pick<Handlers, keyof typeof overlayCommands>;

/** Where the chip's collapsed flag lives (the key the content script used before it went through here). */
export const CHIP_COLLAPSED_KEY = 'overlay:chipCollapsed';

async function requireFollowedQbo(ctx: BackgroundContext, companyId: string) {
  return followedQboIn(await followedQboCompanies(ctx), companyId);
}

function followedQboIn(companies: readonly Company[], companyId: string): Company {
  const company = companies.find((c) => c.id === companyId);
  if (!company) throw new ReplyError('rejected', t('overlayNotFollowedQbo'));
  return company;
}

/**
 * A lookup from the page reads the settings and the company cache once: the tab check, the
 * company and its service's client all come from that one read, and the browser's signals for the
 * tab check (cookie, the tab's stored choice) are read alongside it. Nothing is fetched from the
 * sync service before the tab check has passed.
 */
async function checkLookup(ctx: BackgroundContext, companyId: string, { from, tab }: HandlerContext): Promise<KnownCompany> {
  const followed = readFollowedQbo(ctx);
  const followedCompanies = followed.then((f) => f.companies);
  // The service's pause (Retry-After) is read alongside too, for the request that may follow.
  const gates = loadGates(ctx.now().getTime());
  // Each is awaited below unless a refusal comes first, which must not leave a failure unobserved.
  for (const reading of [followedCompanies, gates]) reading.catch(() => undefined);
  if (from === 'content') await requireTabCompany(ctx, tab, companyId, followedCompanies);
  const { settings, companies }: FollowedQbo = await followed;
  const company = followedQboIn(companies, companyId);
  return { company, client: () => clientForCompany(ctx, companyId, settings, gates) };
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

/** No company list yet from any configured service (`cached`: their cached companies): the first poll has not answered. */
function companiesLoading(settings: Settings, cached: readonly Company[]): boolean {
  return configuredConnections(settings).length > 0 && cached.length === 0;
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
      // One read of the settings and the company cache; the tab's signals are read alongside it.
      const read = readFollowedQbo(ctx);
      const decided = decideTabCompany(read.then((r) => r.companies), tab);
      decided.catch(() => undefined); // awaited below unless the answer needs no choice
      const { settings, companies: followed, cached } = await read;
      const hidden = { kind: 'hidden', reason: 'no-qbo-company' } as const;
      if (!isConfigured(settings)) return { configured: false, loading: false, companies: [], choice: hidden };
      if (companiesLoading(settings, cached)) return { configured: true, loading: true, companies: [], choice: hidden };
      const companies: OverlayCompany[] = followed.map((c) => ({ id: c.id, name: pickerLabel(settings, c.id, c.name), realmId: c.realmId ?? null }));
      return { configured: true, loading: false, companies, choice: choiceReply(await decided) };
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

    async 'record.status'({ companyId, entityType, qbId }, sender) {
      const { from, tab } = sender;
      const status = await records.status(companyId, { entityType, qbId }, checkLookup(ctx, companyId, sender));
      // What this tab was shown is what it may act on (lib/records/content-authority.ts).
      // Not awaited: any later read of the tab's lookups waits for it (tab-memory.ts, serialized).
      if (from === 'content' && tab?.id !== undefined) void rememberLookup(tab.id, companyId, status.link, ctx.now().getTime()).catch(() => undefined);
      return status;
    },

    async 'records.status'({ companyId, records: refs }, sender) {
      // The markers show the code as the lookup would read it ("003200" is 3200); the catalog stays here.
      const links = await records.links(companyId, refs, checkLookup(ctx, companyId, sender));
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
