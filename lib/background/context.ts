/** What the background's logic depends on, injectable so tests control time, randomness and fetch. */
import { createApiClient, type ApiClient } from '../api/client';
import { getDb, type SyncLensDb } from '../db/schema';
import type { Settings } from '../settings/store';

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

export function clientFor(ctx: BackgroundContext, settings: Pick<Settings, 'apiUrl' | 'token'>): ApiClient {
  return createApiClient({ baseUrl: settings.apiUrl, token: settings.token, fetch: ctx.fetch, now: () => ctx.now().getTime() });
}
