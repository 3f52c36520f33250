/**
 * Scoped API tokens kept in the api_tokens table (migration 5).
 *
 * A token is `sl_` + 32 random bytes (base64url). Only its SHA-256 hash is stored: with 256 random
 * bits a plain hash is enough (no slow hash needed), and a copy of the database gives nobody a
 * working token. The plaintext exists once, in createApiToken's return value.
 *
 * These functions use store.db directly, never store.write: tokens are not part of the summary, and
 * store.write would move the summary's generatedAt (and so its ETag) for every token that is used.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { isScope, normalizeScopes, type Scope } from './scopes.ts';

export const TOKEN_PREFIX = 'sl_';
/** last_used_at is refreshed at most this often, so a busy client does not write on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;
export const MAX_LABEL_LENGTH = 100;

export interface ApiTokenInfo {
  id: string;
  label: string | null;
  scopes: Scope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuthenticatedToken { id: string; scopes: Scope[] }

interface TokenRow {
  id: string; token_hash: string; scopes: string; label: string | null;
  created_at: string; last_used_at: string | null; revoked_at: string | null;
}

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Scopes as stored (comma-separated); names this server does not know are ignored, never granted. */
const storedScopes = (text: string): Scope[] => normalizeScopes(text.split(',').filter(isScope));

const toInfo = (row: TokenRow): ApiTokenInfo => ({
  id: row.id, label: row.label, scopes: storedScopes(row.scopes), createdAt: row.created_at,
  lastUsedAt: row.last_used_at, revokedAt: row.revoked_at,
});

/** Creates a token and returns its plaintext: the only time it is ever available. Throws on bad scopes or label. */
export async function createApiToken(store: Store, opts: { scopes: readonly Scope[]; label?: string | null }): Promise<{ id: string; token: string }> {
  const scopes = normalizeScopes(opts.scopes);
  if (scopes.length === 0 || scopes.length !== new Set(opts.scopes).size) {
    throw new Error('a token needs at least one known scope (read, approve, ingest, admin)');
  }
  const label = opts.label?.trim() || null;
  if (label !== null) {
    if (label.length > MAX_LABEL_LENGTH) throw new Error(`the label must be at most ${MAX_LABEL_LENGTH} characters`);
    if (/[\u0000-\u001f\u007f]/.test(label)) throw new Error('the label must not contain control characters');
  }
  const id = `tok_${randomBytes(6).toString('hex')}`;
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  await store.db.prepare('INSERT INTO api_tokens (id, token_hash, scopes, label, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(id, hashToken(token), scopes.join(','), label, store.nowIso());
  return { id, token };
}

/**
 * The token's id and scopes when `presented` is a live token, else null (unknown or revoked).
 * Records when it was last used, at most once a minute, without counting as a data change.
 */
export async function findToken(store: Store, presented: string): Promise<AuthenticatedToken | null> {
  if (!presented.startsWith(TOKEN_PREFIX) || presented.length > 200) return null;
  const row = (await store.db.prepare('SELECT id, scopes, last_used_at, revoked_at FROM api_tokens WHERE token_hash = ?')
    .get(hashToken(presented))) as Pick<TokenRow, 'id' | 'scopes' | 'last_used_at' | 'revoked_at'> | undefined;
  if (!row || row.revoked_at) return null;
  const now = store.now();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= LAST_USED_RESOLUTION_MS) {
    try {
      await store.db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(now.toISOString(), row.id);
    } catch {
      // Only bookkeeping: a database locked by another process must not refuse the request.
    }
  }
  return { id: row.id, scopes: storedScopes(row.scopes) };
}

/** Every token, oldest first, revoked ones included. Never the hashes. */
export async function listApiTokens(store: Store): Promise<ApiTokenInfo[]> {
  return ((await store.db.prepare('SELECT * FROM api_tokens ORDER BY created_at, id').all()) as TokenRow[]).map(toInfo);
}

export type RevokeResult = 'revoked' | 'already-revoked' | 'not-found';

/** Revokes a token for good: it is refused from the next request on. */
export async function revokeApiToken(store: Store, id: string): Promise<RevokeResult> {
  const row = (await store.db.prepare('SELECT revoked_at FROM api_tokens WHERE id = ?').get(id)) as { revoked_at: string | null } | undefined;
  if (!row) return 'not-found';
  if (row.revoked_at) return 'already-revoked';
  await store.db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(store.nowIso(), id);
  return 'revoked';
}
