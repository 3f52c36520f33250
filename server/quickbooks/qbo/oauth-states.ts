/**
 * The OAuth `state` values that tie Intuit's redirect back to the company an admin started
 * connecting. Each is random, stored only as its SHA-256 hash, valid for 10 minutes and usable once.
 *
 * These rows are not part of anything the Sync API reports, so they are written in plain
 * transactions rather than `store.write`, which would tell every poller that the data changed.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../../store/store.ts';

export const AUTH_STATE_TTL_MS = 10 * 60_000;
/** Rows this old are deleted whatever their state. */
const PRUNE_AFTER_MS = 24 * 60 * 60_000;
/** 32 random bytes in base64url, no padding. */
const STATE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type ConsumedAuthState = { ok: true; companyId: string } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

const hashState = (state: string): string => createHash('sha256').update(state, 'utf8').digest('hex');

async function prune(store: Store, now: Date): Promise<void> {
  await store.db.prepare('DELETE FROM oauth_states WHERE created_at < ?').run(new Date(now.getTime() - PRUNE_AFTER_MS).toISOString());
}

/** A fresh state for `companyId`'s consent link. */
export async function createAuthState(store: Store, companyId: string): Promise<string> {
  const state = randomBytes(32).toString('base64url');
  const now = store.now();
  await store.db.transaction(async () => {
    await prune(store, now);
    await store.db.prepare('INSERT INTO oauth_states (state_hash, company_id, created_at, expires_at) VALUES (?,?,?,?)').run(
      hashState(state), companyId, now.toISOString(), new Date(now.getTime() + AUTH_STATE_TTL_MS).toISOString(),
    );
  });
  return state;
}

/** Checks a state that came back on the redirect and marks it used, in one transaction. */
export async function consumeAuthState(store: Store, state: unknown): Promise<ConsumedAuthState> {
  if (typeof state !== 'string' || !STATE_PATTERN.test(state)) return { ok: false, reason: 'unknown' };
  const now = store.now();
  return store.db.transaction(async (): Promise<ConsumedAuthState> => {
    const row = (await store.db.prepare('SELECT company_id, expires_at, used_at FROM oauth_states WHERE state_hash = ?').get(hashState(state))) as
      { company_id: string; expires_at: string; used_at: string | null } | undefined;
    let result: ConsumedAuthState;
    if (!row) result = { ok: false, reason: 'unknown' };
    else if (row.used_at) result = { ok: false, reason: 'used' };
    else if (Date.parse(row.expires_at) <= now.getTime()) result = { ok: false, reason: 'expired' };
    else result = { ok: true, companyId: row.company_id };
    if (result.ok) {
      // Only the first of two redirects racing with the same state marks it (PostgreSQL runs them side by side).
      const marked = await store.db.prepare('UPDATE oauth_states SET used_at = ? WHERE state_hash = ? AND used_at IS NULL')
        .run(now.toISOString(), hashState(state));
      if (marked.changes === 0) result = { ok: false, reason: 'used' };
    }
    await prune(store, now);
    return result;
  });
}
