/**
 * Sync status of QuickBooks records for the overlay, answered by the background. Lookups go to the
 * `links` endpoint (one request per entity type, up to 200 ids) and are cached briefly, so moving
 * back and forth between records costs no new request. Actions on a record invalidate its entry.
 */
import type { ApiClient } from '../api/client';
import type { Company, Link } from '../api/schema';
import { MAX_LINK_IDS } from '../api/schema';
import type { ExplanationView, RecordRef, RecordStatus } from '../messaging/overlay-commands';

export const LINK_CACHE_TTL_MS = 60_000;
/**
 * The cache only answers within its time-to-live, so older rows are dead weight: they are pruned
 * by age, and the table is kept to a bounded number of rows (the newest win), at most once per
 * PRUNE_EVERY_MS while lookups happen, and once when the background starts.
 */
export const LINK_CACHE_MAX_AGE_MS = 60 * 60_000;
export const LINK_CACHE_MAX_ROWS = 5_000;
export const PRUNE_EVERY_MS = 10 * 60_000;

export interface CachedLink {
  /** `${companyId}|${entityType}|${qbId}` */
  key: string;
  link: Link;
  fetchedAt: number;
}

/** Where cached links live (Dexie in the extension, a Map in tests). */
export interface LinkStore {
  getMany(keys: string[]): Promise<(CachedLink | undefined)[]>;
  putMany(rows: CachedLink[]): Promise<void>;
  /** Drops every cached link whose key starts with `prefix`. */
  deleteByPrefix(prefix: string): Promise<void>;
  /** Drops links fetched before `olderThan` (epoch ms), then the oldest beyond `maxRows`; says how many went. */
  prune(olderThan: number, maxRows: number): Promise<number>;
}

export interface RecordStatusDeps {
  /** The API client of the service this company belongs to. */
  client(companyId: string): Promise<ApiClient>;
  /** The followed QuickBooks Online company with this id; throws when it is not one. */
  company(companyId: string): Promise<Company>;
  store: LinkStore;
  explain(link: Link, company: Company): ExplanationView | null;
  now(): number;
  ttlMs?: number;
}

export const linkKey = (companyId: string, ref: RecordRef) => `${companyId}|${ref.entityType}|${ref.qbId}`;

/** Prunes the link cache (by age, then by count) at `now`. */
export function pruneLinks(store: LinkStore, now: number): Promise<number> {
  return store.prune(now - LINK_CACHE_MAX_AGE_MS, LINK_CACHE_MAX_ROWS);
}

export function createRecordStatusService(deps: RecordStatusDeps) {
  const ttl = deps.ttlMs ?? LINK_CACHE_TTL_MS;
  let lastPrune = Number.NEGATIVE_INFINITY;
  const pruneNowAndThen = async (now: number) => {
    if (now - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = now;
    await pruneLinks(deps.store, now).catch(() => 0);
  };

  /** Links for `refs`, from the cache where fresh, else one request per entity type. */
  async function links(companyId: string, refs: RecordRef[]): Promise<{ links: Link[]; fetchedAt: Map<string, number> }> {
    const unique = [...new Map(refs.map((r) => [linkKey(companyId, r), r])).values()];
    const keys = unique.map((r) => linkKey(companyId, r));
    const cached = await deps.store.getMany(keys);
    const now = deps.now();
    const found = new Map<string, CachedLink>();
    const missing: RecordRef[] = [];
    unique.forEach((ref, i) => {
      const hit = cached[i];
      if (hit && now - hit.fetchedAt < ttl) found.set(keys[i]!, hit);
      else missing.push(ref);
    });
    if (missing.length) {
      const client = await deps.client(companyId);
      const byType = new Map<string, string[]>();
      for (const ref of missing) byType.set(ref.entityType, [...(byType.get(ref.entityType) ?? []), ref.qbId]);
      const fresh: CachedLink[] = [];
      for (const [entityType, ids] of byType) {
        for (let i = 0; i < ids.length; i += MAX_LINK_IDS) {
          const reply = await client.links(companyId, entityType, ids.slice(i, i + MAX_LINK_IDS));
          for (const link of reply) {
            // Only keep what was asked for: a service answering about other records is ignored.
            const key = linkKey(companyId, link);
            if (keys.includes(key)) fresh.push({ key, link, fetchedAt: now });
          }
        }
      }
      await deps.store.putMany(fresh);
      for (const row of fresh) found.set(row.key, row);
      await pruneNowAndThen(now);
    }
    const result = keys.map((k) => found.get(k)).filter((row): row is CachedLink => row !== undefined);
    return { links: result.map((r) => r.link), fetchedAt: new Map(result.map((r) => [r.key, r.fetchedAt])) };
  }

  return {
    links: async (companyId: string, refs: RecordRef[]) => {
      await deps.company(companyId);
      return (await links(companyId, refs)).links;
    },

    async status(companyId: string, ref: RecordRef): Promise<RecordStatus> {
      const company = await deps.company(companyId);
      const { links: [link], fetchedAt } = await links(companyId, [ref]);
      const answer: Link = link ?? { entityType: ref.entityType, qbId: ref.qbId, localId: null, name: null, status: 'not-linked' };
      return {
        companyId,
        system: company.system,
        connector: company.connector,
        link: answer,
        explanation: answer.status === 'failed' ? deps.explain(answer, company) : null,
        fetchedAt: new Date(fetchedAt.get(linkKey(companyId, ref)) ?? deps.now()).toISOString(),
      };
    },

    /** Forget what is cached for a company (after any action on its records: statuses moved). */
    forgetCompany: (companyId: string) => deps.store.deleteByPrefix(`${companyId}|`),
  };
}
export type RecordStatusService = ReturnType<typeof createRecordStatusService>;
