/**
 * What a content script may ask for and act on. The QuickBooks page shares the renderer with our
 * content script, so a message "from the content script" may really come from a hostile page: it
 * is held to what that tab shows, as the background itself established.
 *
 * - Lookups (`record.status`, `records.status`) must name the company the background decided the
 *   tab shows (./tab-company.ts).
 * - Resync and Clear ID must name that company too, and an unsynced entity that `record.status`
 *   answered for this very tab, for the record the tab's URL shows (./tab-memory.ts). Anything
 *   else is refused before the sync service is asked. Extension pages are not held to this.
 */
import type { Company } from '../api/schema';
import type { BackgroundContext } from '../background/context';
import { t } from '../i18n/t';
import { ReplyError } from '../messaging/router';
import { detectPage } from '../qbo/page-detect';
import { tabCompanyId, type TabInfo } from './tab-company';
import { tabLookups } from './tab-memory';

/**
 * Throws unless `companyId` is the followed QuickBooks Online company the tab shows. `companies`:
 * the followed QBO companies when the caller reads them anyway (one read per request).
 */
export async function requireTabCompany(
  ctx: BackgroundContext,
  tab: TabInfo | undefined,
  companyId: string,
  companies?: Promise<readonly Company[]>,
): Promise<void> {
  if (tab?.id === undefined || (await tabCompanyId(ctx, tab, companies)) !== companyId) {
    throw new ReplyError('rejected', t('overlayNotTabCompany'));
  }
}

/**
 * Throws unless a content script in `tab` may Resync or Clear ID `unsyncedId` of `companyId`:
 * the tab shows that company, and the background looked that entity up for the record the tab
 * shows. After the tab's memory is gone (the tab was closed), the chip asks `record.status` again.
 */
export async function authorizeContentAction(
  ctx: BackgroundContext,
  tab: TabInfo | undefined,
  ref: { companyId: string; unsyncedId: string },
): Promise<void> {
  const refuse = () => new ReplyError('rejected', t('overlayActionNotShown'));
  if (tab?.id === undefined || !tab.url) throw refuse();
  if ((await tabCompanyId(ctx, tab)) !== ref.companyId) throw new ReplyError('rejected', t('overlayNotTabCompany'));
  const page = detectPage(tab.url);
  if (page.kind !== 'record') throw refuse();
  const lookups = await tabLookups(tab.id);
  const shown = lookups.some(
    (l) => l.companyId === ref.companyId && l.unsyncedId === ref.unsyncedId && l.entityType === page.entityType && l.qbId === page.qbId,
  );
  if (!shown) throw refuse();
}
