/**
 * Company keys: how the extension names a company when several sync services are connected.
 *
 * Two services may both call a company "evergreen", so inside the extension (Dexie, messages,
 * pages) a company is named by a key that also says which service it belongs to:
 * - companies of the first service ("primary") keep their plain id. Everything stored before
 *   several services existed (outbox, history, notification marks) stays valid without a rewrite;
 * - companies of any other service are `${connectionId}~${companyId}`.
 * Unsynced-entity ids get the same prefix, because the local cache is keyed by them.
 *
 * Keys are resolved against the list of connections, never guessed from their shape alone, so a
 * plain id that happens to contain `~` still belongs to the primary service. Only lib/connections
 * builds or splits keys; the sync service never sees one (see ./scoped-client.ts).
 */
import * as v from 'valibot';

export const PRIMARY_CONNECTION_ID = 'primary';
export const KEY_SEPARATOR = '~';

/** Connection ids: `primary`, or `s` and six lower-case letters or digits (short, so keys stay short). */
export const ConnectionId = v.pipe(v.string(), v.regex(/^(primary|s[0-9a-z]{6})$/, 'must be a SyncLens connection id'));

export function scopeId(connectionId: string, id: string): string {
  return connectionId === PRIMARY_CONNECTION_ID ? id : `${connectionId}${KEY_SEPARATOR}${id}`;
}

export interface ResolvedKey {
  connectionId: string;
  /** The id as the connection's sync service knows it. */
  id: string;
}

/**
 * Splits a key given the connection ids that exist; null when it names no connection (a removed
 * service, or a plain id while no primary service is connected).
 */
export function resolveKey(key: string, connectionIds: readonly string[]): ResolvedKey | null {
  for (const connectionId of connectionIds) {
    if (connectionId === PRIMARY_CONNECTION_ID) continue;
    const prefix = `${connectionId}${KEY_SEPARATOR}`;
    if (key.startsWith(prefix) && key.length > prefix.length) return { connectionId, id: key.slice(prefix.length) };
  }
  return connectionIds.includes(PRIMARY_CONNECTION_ID) ? { connectionId: PRIMARY_CONNECTION_ID, id: key } : null;
}

/** The connection a key belongs to (see resolveKey), or null. */
export function connectionOfKey(key: string, connectionIds: readonly string[]): string | null {
  return resolveKey(key, connectionIds)?.connectionId ?? null;
}

/**
 * Pure: a fresh connection id: `primary` while no connection holds it, otherwise a random one that
 * no known key already starts with (so a plain id such as `s1a2b3c~x` can never change owner).
 */
export function newConnectionId(taken: readonly string[], knownKeys: readonly string[] = [], random: () => number = Math.random): string {
  if (!taken.includes(PRIMARY_CONNECTION_ID)) return PRIMARY_CONNECTION_ID;
  for (;;) {
    let id = 's';
    for (let i = 0; i < 6; i++) id += '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 36)];
    const prefix = `${id}${KEY_SEPARATOR}`;
    if (!taken.includes(id) && !knownKeys.some((key) => key.startsWith(prefix))) return id;
  }
}
