/**
 * A connection: one sync service the user signed in to (an accountant may serve several
 * businesses, each with its own service). Shared by the background (which holds the tokens) and the
 * pages (which see `hasToken` only), so "which companies are followed" is decided in one place.
 */
import { PRIMARY_CONNECTION_ID, resolveKey } from './company-key';

/** The parts of a connection both sides know. */
export interface ConnectionLike {
  id: string;
  name: string;
  apiUrl: string;
  /** Plain ids as the service knows them; empty means "every company of this service". */
  followedCompanyIds: readonly string[];
}

export interface ConnectionsLike {
  connections: readonly ConnectionLike[];
}

/** The name shown for a connection: the user's label, or the service's host name. */
export function connectionName(connection: Pick<ConnectionLike, 'name' | 'apiUrl'>): string {
  if (connection.name.trim()) return connection.name.trim();
  try {
    return new URL(connection.apiUrl).host;
  } catch {
    return connection.apiUrl;
  }
}

export function connectionIds(settings: ConnectionsLike): string[] {
  return settings.connections.map((c) => c.id);
}

/** The connection a company key belongs to, or undefined for a removed service. */
export function connectionForKey<C extends ConnectionLike>(settings: { connections: readonly C[] }, key: string): C | undefined {
  const resolved = resolveKey(key, settings.connections.map((c) => c.id));
  return resolved ? settings.connections.find((c) => c.id === resolved.connectionId) : undefined;
}

/**
 * Pure: is the company with this key followed? Each connection has its own follow list; an empty
 * list follows every company of that service. Keys of removed services are never followed.
 */
export function isFollowed(settings: ConnectionsLike, key: string): boolean {
  const resolved = resolveKey(key, connectionIds(settings));
  if (!resolved) return false;
  const connection = settings.connections.find((c) => c.id === resolved.connectionId)!;
  return connection.followedCompanyIds.length === 0 || connection.followedCompanyIds.includes(resolved.id);
}

/** The followed items of a list, by the company key each item names. */
export function followedOnly<T>(settings: ConnectionsLike, items: readonly T[], keyOf: (item: T) => string): T[] {
  return items.filter((item) => isFollowed(settings, keyOf(item)));
}

/** True when more than one service is connected: views then group companies by service. */
export function hasSeveralConnections(settings: ConnectionsLike): boolean {
  return settings.connections.length > 1;
}

export { PRIMARY_CONNECTION_ID };

/**
 * The companies a page lists: the followed ones. A stale follow list (companies renamed or
 * removed on the service) must not leave a view empty, so nothing followed falls back to all.
 */
export function followedCompanyList<C extends { id: string }>(settings: ConnectionsLike, companies: readonly C[]): C[] {
  const list = followedOnly(settings, companies, (c) => c.id);
  return list.length > 0 ? list : [...companies];
}

/** True when some connection has an address and a token (pages cannot see tokens, only `hasToken`). */
export function hasUsableConnection(settings: { connections: readonly { apiUrl: string; hasToken: boolean }[] }): boolean {
  return settings.connections.some((c) => c.apiUrl !== '' && c.hasToken);
}

/**
 * A company's name as shown outside the pages' own grouping (notifications, the overlay's picker):
 * with several services the service's name is added, since two services may both have "Evergreen".
 */
export function companyLabel(settings: ConnectionsLike, key: string, companyName: string): string {
  if (!hasSeveralConnections(settings)) return companyName;
  const service = connectionForKey(settings, key);
  return service ? `${companyName} · ${connectionName(service)}` : companyName;
}
