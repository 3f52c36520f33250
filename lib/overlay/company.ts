/**
 * Which followed company this QuickBooks tab shows. The background decides it from the realm
 * cookie (read with the cookies API), the tab's URL and the tab's stored choice; the overlay shows
 * what it decided and never picks a company on the page's word. Ids only mean something inside
 * one realm, so a record is looked up only once the tab's company is known.
 */
import type { OverlayCompany, OverlayContext } from '../messaging/overlay-commands';
import { realmFromCookieHeader, realmFromUrl } from '../qbo/realm';
import { isInvalidated, type OverlayServices } from './overlay-services';

export type CompanyHow = 'url' | 'cookie' | 'stored' | 'only-one';

export type ResolvedCompany =
  | { kind: 'company'; company: { id: string; name: string; how: CompanyHow } }
  | { kind: 'picker'; candidates: OverlayCompany[] }
  /** No followed QuickBooks Online company, or the tab shows a company SyncLens does not follow. */
  | { kind: 'hidden'; reason: 'no-qbo-company' | 'realm-not-followed' | 'unconfigured' | 'still-loading' }
  | { kind: 'error'; message: string; retryAfterSeconds?: number }
  | { kind: 'invalidated' }
  /** The run was stopped (route change) while waiting. */
  | { kind: 'aborted' };

/**
 * The context is asked for once and reused for a few seconds, so moving between records costs one
 * round trip, not two. Any sign that the company may have changed (the page's realm cookie or the
 * URL's realm differs, or the background says the followed companies changed) asks again at once.
 */
const CONTEXT_REUSE_MS = 10_000;
let lastContext: { context: OverlayContext; at: number; signals: string } | null = null;

export function forgetOverlayContext(): void {
  lastContext = null;
}

/**
 * How long to wait before asking again while SyncLens has no company list yet (its first poll
 * has not answered): quick at first, then every 30 s, for about ten minutes. The background's
 * `overlay.companiesChanged` notice usually ends the wait sooner.
 */
export const LOADING_RETRY_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000, ...Array<number>(19).fill(30_000)];

const signalsOf = (url: string) => `${realmFromCookieHeader(document.cookie) ?? ''}|${realmFromUrl(url) ?? ''}`;

/** The context asked for a moment ago, if nothing the decision depends on has changed since. */
function reusableContext(signals: string): OverlayContext | null {
  return lastContext && Date.now() - lastContext.at < CONTEXT_REUSE_MS && lastContext.signals === signals ? lastContext.context : null;
}

/**
 * The tab's company without waiting for anything, when the background decided it a moment ago
 * and would decide the same now: then a record lookup can leave at once, even while the route
 * change is still being dispatched (before the new URL commits, so the background may still see
 * the previous URL as the tab's: both URLs must name the same realm, or none). Otherwise null,
 * and resolveCompany asks.
 */
export function knownCompany(url: string, currentUrl: string = location.href): ResolvedCompany | null {
  const signals = signalsOf(url);
  if (realmFromUrl(currentUrl) !== realmFromUrl(url)) return null;
  const context = reusableContext(signals);
  if (!context || !context.configured || context.loading) return null;
  const resolved = fromChoice(context);
  return resolved.kind === 'company' ? resolved : null;
}

async function overlayContext(services: OverlayServices, url: string): Promise<OverlayContext | { error: string; retryAfterSeconds?: number } | 'invalidated'> {
  const signals = signalsOf(url);
  const reused = reusableContext(signals);
  if (reused) return reused;
  const reply = await services.ask('overlay.context', {});
  if (isInvalidated(reply)) return 'invalidated';
  if (!reply.ok) return { error: reply.error.message, ...('retryAfterSeconds' in reply.error ? { retryAfterSeconds: reply.error.retryAfterSeconds } : {}) };
  // A context that is still loading is not reused: the next ask must reach the background.
  lastContext = reply.data.loading ? null : { context: reply.data, at: Date.now(), signals };
  return reply.data;
}

function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function resolveCompany(
  services: OverlayServices,
  url: string,
  signal?: AbortSignal,
  retryDelays: readonly number[] = LOADING_RETRY_MS,
): Promise<ResolvedCompany> {
  for (let attempt = 0; ; attempt++) {
    const context = await overlayContext(services, url);
    if (signal?.aborted) return { kind: 'aborted' };
    if (context === 'invalidated') return { kind: 'invalidated' };
    if ('error' in context) return { kind: 'error', message: context.error, retryAfterSeconds: context.retryAfterSeconds };
    if (!context.configured) return { kind: 'hidden', reason: 'unconfigured' };
    if (!context.loading) return fromChoice(context);
    const delay = retryDelays[attempt];
    if (delay === undefined) return { kind: 'hidden', reason: 'still-loading' };
    if (!(await sleep(delay, signal))) return { kind: 'aborted' };
  }
}

function fromChoice(context: OverlayContext): ResolvedCompany {
  const { choice, companies } = context;
  switch (choice.kind) {
    case 'company': {
      const company = companies.find((c) => c.id === choice.companyId);
      return company ? { kind: 'company', company: { id: company.id, name: company.name, how: choice.how } } : { kind: 'hidden', reason: 'realm-not-followed' };
    }
    case 'picker': {
      const candidates = companies.filter((c) => choice.candidateIds.includes(c.id));
      return candidates.length ? { kind: 'picker', candidates } : { kind: 'hidden', reason: 'no-qbo-company' };
    }
    case 'hidden':
      return { kind: 'hidden', reason: choice.reason };
  }
}
