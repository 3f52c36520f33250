/** What the background's logic depends on, injectable so tests control time, randomness and fetch. */
import { createApiClient, type ApiClient } from '../api/client';
import { getDb, type SyncLensDb } from '../db/schema';
import { scopeClient } from '../connections/scoped-client';
import { requestGate, type PollGate } from '../poll/gate';
import type { Connection } from '../settings/store';

export interface BackgroundContext {
  db: SyncLensDb;
  now: () => Date;
  random: () => number;
  fetch?: typeof fetch;
  /** For the badge tooltip; defaults to the browser's locale. */
  formatTime?: (iso: string) => string;
  /**
   * Called after a user action changed a company's records (approve, resync, clear id), so caches
   * kept elsewhere (the overlay's record links) can drop what is now out of date.
   */
  onRecordsChanged?: (companyId: string) => Promise<void>;
}

export function createBackgroundContext(overrides: Partial<BackgroundContext> = {}): BackgroundContext {
  return { db: overrides.db ?? getDb(), now: () => new Date(), random: Math.random, ...overrides };
}

/**
 * The client of one sync service, speaking company keys (see lib/connections/scoped-client).
 * `gates`: the stored pauses when the caller started reading them already (used by the first request).
 */
export function clientFor(
  ctx: BackgroundContext,
  connection: Pick<Connection, 'id' | 'apiUrl' | 'token'>,
  connectionIds: readonly string[],
  gates?: Promise<Record<string, PollGate>>,
): ApiClient {
  const now = () => ctx.now().getTime();
  // Every request to this service, pages' reads included, honours the pause it asked for.
  const plain = createApiClient({ baseUrl: connection.apiUrl, token: connection.token, fetch: ctx.fetch, now, gate: requestGate(connection.id, now, gates) });
  return scopeClient(plain, connection.id, connectionIds);
}
