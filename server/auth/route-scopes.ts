/**
 * Which scope each route family of the Sync API needs. Kept in one table so the middleware in
 * server/http/routes.ts and docs/openapi.json (scripts/openapi.ts) agree.
 */
import type { Scope } from './scopes.ts';

const APPROVE_ROUTES = [
  /^\/api\/v1\/companies\/[^/]+\/wizard\/approve$/,
  /^\/api\/v1\/companies\/[^/]+\/unsynced\/resync$/,
  /^\/api\/v1\/companies\/[^/]+\/unsynced\/[^/]+\/(resync|clear-id)$/,
  /^\/api\/v1\/companies\/[^/]+\/connector\/run$/,
];
const INGEST_ROUTES = /^\/api\/v1\/companies\/[^/]+\/records(\/|$)/;
/** The .qwc file names the Web Connector login: the people who approve (or administer) get it, not read-only tokens. */
const QWC_ROUTE = /^\/api\/v1\/companies\/[^/]+\/connector\/qwc$/;

/**
 * The scope a request needs: the job app's records → ingest (whatever the method); other reads →
 * read; the extension's actions → approve. Any other write needs admin, so a route added later is
 * closed to the extension's and the job app's tokens until it is given its scope here.
 */
export function routeScope(method: string, path: string): Scope {
  if (INGEST_ROUTES.test(path)) return 'ingest';
  if (QWC_ROUTE.test(path)) return 'approve';
  if (method === 'GET' || method === 'HEAD') return 'read';
  if (APPROVE_ROUTES.some((route) => route.test(path))) return 'approve';
  return 'admin';
}

/** Every scope that opens the route (any one is enough); the first is the one routeScope names. */
export function routeScopes(method: string, path: string): Scope[] {
  const scope = routeScope(method, path);
  return QWC_ROUTE.test(path) ? [scope, 'admin'] : [scope];
}
