/**
 * Which followed company this QuickBooks tab shows. Ids only mean something inside one realm, so
 * a record is looked up only once the realm is matched to a followed QuickBooks Online company.
 */
import type { OverlayCompany, OverlayContext } from '../messaging/overlay-commands';
import { chooseCompany, realmFromCookieHeader, realmFromUrl } from '../qbo/realm';
import { isInvalidated, type OverlayServices } from './overlay-services';

export type ResolvedCompany =
  | { kind: 'company'; company: { id: string; name: string; how: 'url' | 'cookie' | 'stored' | 'only-one' } }
  | { kind: 'picker'; candidates: OverlayCompany[] }
  /** No followed QuickBooks Online company, or the tab shows a company SyncLens does not follow. */
  | { kind: 'hidden'; reason: 'no-qbo-company' | 'realm-not-followed' | 'unconfigured' }
  | { kind: 'error'; message: string }
  | { kind: 'invalidated' };

/**
 * The context is asked for once and reused for a few seconds, so moving between records costs one
 * round trip, not two. Any sign that the company may have changed (the page's own realm cookie
 * differs) asks again at once.
 */
const CONTEXT_REUSE_MS = 10_000;
let lastContext: { context: OverlayContext; at: number; pageCookieRealm: string | null } | null = null;

export function forgetOverlayContext(): void {
  lastContext = null;
}

async function overlayContext(services: OverlayServices): Promise<OverlayContext | { error: string } | 'invalidated'> {
  const pageCookieRealm = realmFromCookieHeader(document.cookie);
  if (lastContext && Date.now() - lastContext.at < CONTEXT_REUSE_MS && lastContext.pageCookieRealm === pageCookieRealm) {
    return lastContext.context;
  }
  const reply = await services.ask('overlay.context', {});
  if (isInvalidated(reply)) return 'invalidated';
  if (!reply.ok) return { error: reply.error.message };
  lastContext = { context: reply.data, at: Date.now(), pageCookieRealm };
  return reply.data;
}

export async function resolveCompany(services: OverlayServices, url: string): Promise<ResolvedCompany> {
  const context = await overlayContext(services);
  if (context === 'invalidated') return { kind: 'invalidated' };
  if ('error' in context) return { kind: 'error', message: context.error };
  if (!context.configured) return { kind: 'hidden', reason: 'unconfigured' };
  const companies = context.companies.map((c) => ({ ...c, system: 'qbo' as const }));
  const choice = chooseCompany({
    signals: {
      url: realmFromUrl(url),
      // The background reads the cookie with the cookies API; the page's own cookie string is the fallback.
      cookie: context.cookieRealm ?? realmFromCookieHeader(document.cookie),
      stored: context.storedCompanyId,
    },
    companies,
  });
  if ('companyId' in choice) {
    const company = context.companies.find((c) => c.id === choice.companyId)!;
    return { kind: 'company', company: { id: company.id, name: company.name, how: choice.how } };
  }
  if ('need' in choice) return { kind: 'picker', candidates: choice.candidates };
  return { kind: 'hidden', reason: choice.none };
}
