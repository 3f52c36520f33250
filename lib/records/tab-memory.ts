/**
 * What the background remembers per QuickBooks tab, in storage.session (trusted contexts only,
 * kept across service-worker restarts, emptied when the browser closes):
 * - `overlay:tabCompany:<tabId>`: the company the user picked for that tab in the chip;
 * - `overlay:tabLookups:<tabId>`: the unsynced entities `record.status` answered for that tab's
 *   records, which are the only ones a content script may act on (./content-authority.ts).
 * Both go when the tab closes (tabs.onRemoved, registered by the background entrypoint), and a
 * sweep drops keys of tabs that closed while no worker listened.
 */
import { browser } from 'wxt/browser';
import type { Link } from '../api/schema';

export const TAB_CHOICE_PREFIX = 'overlay:tabCompany:';
export const TAB_LOOKUPS_PREFIX = 'overlay:tabLookups:';
/** A tab moves between records; the last few lookups are plenty (the chip acts on the one it shows). */
export const MAX_LOOKUPS_PER_TAB = 20;

/** One answer of `record.status` for a tab that named an unsynced entity. */
export interface TabLookup {
  companyId: string;
  entityType: string;
  qbId: string;
  unsyncedId: string;
  /** Epoch ms. */
  at: number;
}

const choiceKey = (tabId: number) => `${TAB_CHOICE_PREFIX}${tabId}`;
const lookupsKey = (tabId: number) => `${TAB_LOOKUPS_PREFIX}${tabId}`;

/** Read-modify-write of one key at a time, so two lookups answered together never lose each other. */
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

export async function tabChoice(tabId: number): Promise<string | null> {
  const value = (await browser.storage.session.get(choiceKey(tabId)))[choiceKey(tabId)];
  return typeof value === 'string' ? value : null;
}

export async function rememberTabChoice(tabId: number, companyId: string): Promise<void> {
  await browser.storage.session.set({ [choiceKey(tabId)]: companyId });
}

function isLookup(value: unknown): value is TabLookup {
  const v = value as Partial<TabLookup> | null;
  return (
    !!v &&
    typeof v.companyId === 'string' &&
    typeof v.entityType === 'string' &&
    typeof v.qbId === 'string' &&
    typeof v.unsyncedId === 'string' &&
    typeof v.at === 'number'
  );
}

/**
 * The tab's lookups, once the writes started before this read are done: record.status answers
 * without waiting for its write (rememberLookup), and an action checked right after still sees it.
 */
export function tabLookups(tabId: number): Promise<TabLookup[]> {
  return serialized(() => readLookups(tabId));
}

async function readLookups(tabId: number): Promise<TabLookup[]> {
  const value = (await browser.storage.session.get(lookupsKey(tabId)))[lookupsKey(tabId)];
  return Array.isArray(value) ? value.filter(isLookup) : [];
}

/**
 * Records what `record.status` answered for a tab: a link that names an unsynced entity becomes
 * the tab's latest lookup for that record; a link without one drops the record's earlier lookup.
 */
export function rememberLookup(tabId: number, companyId: string, link: Link, now: number): Promise<void> {
  return serialized(async () => {
    const same = (l: TabLookup) => l.companyId === companyId && l.entityType === link.entityType && l.qbId === link.qbId;
    const kept = (await readLookups(tabId)).filter((l) => !same(l));
    const next = link.unsyncedId
      ? [{ companyId, entityType: link.entityType, qbId: link.qbId, unsyncedId: link.unsyncedId, at: now }, ...kept]
      : kept;
    if (next.length === 0) await browser.storage.session.remove(lookupsKey(tabId));
    else await browser.storage.session.set({ [lookupsKey(tabId)]: next.slice(0, MAX_LOOKUPS_PER_TAB) });
  });
}

/** Everything remembered for a tab (it closed). */
export function forgetTab(tabId: number): Promise<void> {
  return serialized(() => browser.storage.session.remove([choiceKey(tabId), lookupsKey(tabId)]));
}

/** The tab id inside one of our per-tab keys, or null for any other key. */
export function tabIdOfKey(key: string): number | null {
  for (const prefix of [TAB_CHOICE_PREFIX, TAB_LOOKUPS_PREFIX]) {
    if (key.startsWith(prefix)) {
      const id = Number(key.slice(prefix.length));
      return Number.isInteger(id) ? id : null;
    }
  }
  return null;
}

/** Drops the per-tab keys of every tab that is no longer open (closed while no worker listened). */
export function pruneClosedTabs(openTabIds: ReadonlySet<number>): Promise<number> {
  return serialized(async () => {
    const all = await browser.storage.session.get(null);
    const stale = Object.keys(all).filter((key) => {
      const id = tabIdOfKey(key);
      return id !== null && !openTabIds.has(id);
    });
    if (stale.length) await browser.storage.session.remove(stale);
    return stale.length;
  });
}

/** The sweep with the browser's own list of open tabs. */
export async function pruneClosedTabsNow(): Promise<number> {
  const tabs = await browser.tabs.query({});
  return pruneClosedTabs(new Set(tabs.map((t) => t.id).filter((id): id is number => id !== undefined)));
}
