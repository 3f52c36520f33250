/**
 * Tells open QuickBooks tabs when the followed QuickBooks Online companies change: the first
 * company list arrived (a tab restored at browser start-up, opened right after install or right
 * after a service was added, found none and is waiting), a service was added or removed, the
 * follow list changed. Each tab then asks the background again which company it shows.
 *
 * Companies are written to the extension's IndexedDB (the `companies` table) and settings to the
 * vault (another IndexedDB, lib/settings/vault.ts): Dexie reports every write to either
 * (`storagemutated`); the followed set is compared with the last one seen, so a poll that writes
 * the same list again sends nothing.
 */
import { Dexie } from 'dexie';
import { browser } from 'wxt/browser';
import type { BackgroundContext } from '../background/context';
import { qboMatchPatterns } from '../qbo/demo-origin';
import { VAULT_DB_NAME } from '../settings/vault';
import { followedQboCompanies } from './tab-company';

export const COMPANIES_CHANGED_NOTICE = 'overlay.companiesChanged';

/** Pure: what the overlay's company decision depends on, as a comparable string. */
export function followedSignature(companies: readonly { id: string; name: string; realmId?: string | null }[]): string {
  return JSON.stringify(companies.map((c) => [c.id, c.realmId ?? null, c.name]).sort());
}

/** Sends the notice to every open QuickBooks Online tab (tabs without our script ignore it). */
export async function noticeQboTabs(): Promise<void> {
  const tabs = await browser.tabs.query({ url: qboMatchPatterns() });
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, { notice: COMPANIES_CHANGED_NOTICE }).catch(() => undefined))),
  );
}

export interface CompanyWatch {
  /** Compares the followed companies with the last ones seen and notices the tabs on a change. */
  check(): Promise<boolean>;
  stop(): void;
}

/**
 * Starts watching. `debounceMs` lets a poll's delete-then-write settle before comparing. The first
 * check only records the current set, unless no company was known yet.
 */
export function watchFollowedCompanies(ctx: BackgroundContext, notice: () => Promise<void> = noticeQboTabs, debounceMs = 250): CompanyWatch {
  let last: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let checking: Promise<boolean> = Promise.resolve(false);

  const check = () => {
    checking = checking.then(async () => {
      const now = followedSignature(await followedQboCompanies(ctx));
      const changed = last !== null && now !== last;
      last = now;
      if (changed) await notice().catch(() => undefined);
      return changed;
    }, () => false);
    return checking;
  };

  const prefixes = [`idb://${ctx.db.name}/companies/`, `idb://${VAULT_DB_NAME}/`];
  const onMutated = (parts: Record<string, unknown>) => {
    if (!Object.keys(parts).some((key) => prefixes.some((p) => key.startsWith(p)))) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void check();
    }, debounceMs);
  };
  Dexie.on('storagemutated', onMutated);
  void check();

  return {
    check,
    stop() {
      Dexie.on('storagemutated').unsubscribe(onMutated);
      if (timer !== null) clearTimeout(timer);
    },
  };
}
