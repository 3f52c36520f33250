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

/**
 * What a lookup's check established: the followed company and the client of its service. A caller
 * that reads the settings and companies for its own checks hands its result in (as a promise: the
 * lookup reads its cache meanwhile), so the lookup reads neither again.
 */
export interface KnownCompany {
  company: Company;
  client(): Promise<ApiClient>;
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
  /**
   * The cache's writes, one after the other. A lookup answers without waiting for the write it
   * starts (the answer is in hand); every read and delete of the cache waits for the writes before
   * it, so the next lookup still finds what this one fetched, and a forgotten company stays forgotten.
   */
  let writes: Promise<unknown> = Promise.resolve();
  const afterWrites = <T>(work: () => Promise<T>): Promise<T> => {
    const done = writes.then(work);
    writes = done.catch(() => undefined);
    return done;
  };

  /** The deps' own check: the company must be a followed QuickBooks Online one. */
  const checkOf = (companyId: string): Promise<KnownCompany> =>
    deps.company(companyId).then((company) => ({ company, client: () => deps.client(companyId) }));

  /**
   * Links for `refs`, from the cache where fresh, else one request per entity type. The cache is
   * read while `check` runs; nothing is answered or fetched unless it passes (its failure wins).
   */
  async function links(companyId: string, refs: RecordRef[], check: Promise<KnownCompany>): Promise<{ links: Link[]; fetchedAt: Map<string, number>; known: KnownCompany }> {
    const unique = [...new Map(refs.map((r) => [linkKey(companyId, r), r])).values()];
    const keys = unique.map((r) => linkKey(companyId, r));
    const reading = afterWrites(() => deps.store.getMany(keys));
    reading.catch(() => undefined); // awaited below, once the check has passed
    const known = await check;
    const cached = await reading;
    const now = deps.now();
    const found = new Map<string, CachedLink>();
    const missing: RecordRef[] = [];
    unique.forEach((ref, i) => {
      const hit = cached[i];
      if (hit && now - hit.fetchedAt < ttl) found.set(keys[i]!, hit);
      else missing.push(ref);
    });
    if (missing.length) {
      const client = await known.client();
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
      // Kept for the next lookups, not awaited by this one: a failed write only costs a request later.
      void afterWrites(async () => {
        await deps.store.putMany(fresh);
        await pruneNowAndThen(now);
      }).catch(() => undefined);
      for (const row of fresh) found.set(row.key, row);
    }
    const result = keys.map((k) => found.get(k)).filter((row): row is CachedLink => row !== undefined);
    return { links: result.map((r) => r.link), fetchedAt: new Map(result.map((r) => [r.key, r.fetchedAt])), known };
  }

  return {
    /** `check`: the caller's own check of the company (see KnownCompany), else the deps' one. */
    links: async (companyId: string, refs: RecordRef[], check: Promise<KnownCompany> = checkOf(companyId)) => (await links(companyId, refs, check)).links,

    async status(companyId: string, ref: RecordRef, check: Promise<KnownCompany> = checkOf(companyId)): Promise<RecordStatus> {
      const {
        links: [link],
        fetchedAt,
        known: { company },
      } = await links(companyId, [ref], check);
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
    forgetCompany: (companyId: string) => afterWrites(() => deps.store.deleteByPrefix(`${companyId}|`)),

    /** Resolves once the cache writes started so far are done (tests, and a worker about to stop). */
    settled: (): Promise<void> => afterWrites(async () => undefined),
  };
}
export type RecordStatusService = ReturnType<typeof createRecordStatusService>;
