/**
 * The one place where company keys meet the sync service. A scoped client has the same methods as
 * the plain API client, but takes company keys and unsynced-entity keys (see ./company-key.ts),
 * sends the service its own plain ids, and hands back replies whose ids are keys again. Everything
 * above it (outbox, caches, handlers, pages) works with keys only.
 */
import type { ApiClient } from '../api/client';
import { ApiError, apiText } from '../api/errors';
import type * as s from '../api/schema';
import { resolveKey, scopeId } from './company-key';

/** The longest id the Sync API allows; a key must fit too, or pages would refuse the reply. */
const MAX_ID_LENGTH = 128;

export function scopeClient(client: ApiClient, connectionId: string, allConnectionIds: readonly string[]): ApiClient {
  const key = (id: string) => {
    const scoped = scopeId(connectionId, id);
    // Fail this service's reply with a clear reason rather than every page's snapshot later.
    if (scoped.length > MAX_ID_LENGTH) throw new ApiError('bad-reply', apiText('apiIdTooLongBesideOthers', client.baseUrl, MAX_ID_LENGTH - (scoped.length - id.length), id.slice(0, 24)));
    return scoped;
  };
  /** A key of this connection back to the service's id; a key of another service is a bug, never sent. */
  const plain = (k: string): string => {
    const resolved = resolveKey(k, allConnectionIds);
    if (!resolved || resolved.connectionId !== connectionId) throw new Error(`"${k.slice(0, 140)}" does not belong to sync service ${connectionId}.`);
    return resolved.id;
  };

  const company = (c: s.Company): s.Company => ({ ...c, id: key(c.id) });
  const companySummary = (c: s.CompanySummary): s.CompanySummary => ({ ...c, companyId: key(c.companyId) });
  const wizardItem = (w: s.WizardItem): s.WizardItem => ({ ...w, companyId: key(w.companyId) });
  const logEntry = (e: s.LogEntry): s.LogEntry => ({ ...e, companyId: key(e.companyId) });
  const unsynced = (u: s.UnsyncedEntity): s.UnsyncedEntity => ({ ...u, id: key(u.id), companyId: key(u.companyId) });
  const link = (l: s.Link): s.Link => (l.unsyncedId ? { ...l, unsyncedId: key(l.unsyncedId) } : l);

  return {
    baseUrl: client.baseUrl,
    damagedItems: () => client.damagedItems(),
    health: () => client.health(),
    companies: async () => (await client.companies()).map(company),
    async summary(etag) {
      const result = await client.summary(etag);
      if (result.kind === 'unchanged') return result;
      return { ...result, summary: { ...result.summary, companies: result.summary.companies.map(companySummary) } };
    },
    companySummary: async (id) => companySummary(await client.companySummary(plain(id))),
    connector: (id) => client.connector(plain(id)),

    wizardPage: async (id, direction, cursor, limit) => {
      const page = await client.wizardPage(plain(id), direction, cursor, limit);
      return { ...page, items: page.items.map(wizardItem) };
    },
    wizardAll: async (id, direction) => (await client.wizardAll(plain(id), direction)).map(wizardItem),
    // Wizard item ids stay plain: the cache keeps them per company, so they never meet another service's.
    approve: (id, body, idempotencyKey) => client.approve(plain(id), body, idempotencyKey),

    logPage: async (id, query) => {
      const page = await client.logPage(plain(id), query);
      return { ...page, items: page.items.map(logEntry) };
    },
    logAll: async (id, query) => (await client.logAll(plain(id), query)).map(logEntry),

    unsyncedPage: async (id, query) => {
      const page = await client.unsyncedPage(plain(id), query);
      return { ...page, items: page.items.map(unsynced) };
    },
    unsyncedAll: async (id, query) => (await client.unsyncedAll(plain(id), query)).map(unsynced),
    resync: async (id, unsyncedId, idempotencyKey) => {
      const r = await client.resync(plain(id), plain(unsyncedId), idempotencyKey);
      return { unsynced: unsynced(r.unsynced), logEntry: logEntry(r.logEntry) };
    },
    clearId: async (id, unsyncedId, idempotencyKey) => {
      const r = await client.clearId(plain(id), plain(unsyncedId), idempotencyKey);
      return { ...r, unsynced: unsynced(r.unsynced) };
    },
    bulkResync: async (id, ids, idempotencyKey) => {
      const r = await client.bulkResync(plain(id), ids.map(plain), idempotencyKey);
      return { ...r, results: r.results.map((x) => ({ ...x, id: key(x.id) })) };
    },

    links: async (id, entityType, qbIds) => (await client.links(plain(id), entityType, qbIds)).map(link),
    runConnector: (id, idempotencyKey) => client.runConnector(plain(id), idempotencyKey),
    webConnectorFile: (id) => client.webConnectorFile(plain(id)),
  };
}
