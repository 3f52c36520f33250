/**
 * Links into the QuickBooks Online web app, built from the same route table page detection
 * reads, so a link always detects back as the record it was made for.
 */
import { DEFAULT_QBO_ORIGIN, isQboUrl } from './hosts';
import { isRealmId, normalizeRecordId } from './ids';
import { PREFERRED_RECORD_ROUTE, isListType, isRecordRouteName, routeFor, type RecordRouteName } from './routes';
import { buildSwitchCompanyUrl } from './switch-company';

/** Thrown for input no link can be built from (a caller bug, not a missing QBO page). */
export class QboLinkError extends Error {
  override name = 'QboLinkError';
}

/** Accepts an origin ("https://app.qbo.intuit.com") or a bare host ("app.qbo.intuit.com"). */
function qboOrigin(host: string | undefined): string {
  const raw = host ?? DEFAULT_QBO_ORIGIN;
  let url: URL | null = null;
  try {
    url = new URL(raw.includes('://') ? raw : `https://${raw}`);
  } catch {
    url = null;
  }
  if (!url || !isQboUrl(url)) {
    throw new QboLinkError(`"${raw}" is not a QuickBooks Online https host`);
  }
  return url.origin;
}

export interface RecordLinkInput {
  entityType: string;
  qbId: string;
  /** Realm the record belongs to. When set and different from currentRealmId, the link switches company first. */
  realmId?: string | null;
  /** Realm the target tab already shows, if known; unknown means "switch to be safe". */
  currentRealmId?: string | null;
  /** QBO origin or host; production qbo.intuit.com by default. Sandbox companies need a sandbox host. */
  host?: string;
  /** Page to use instead of the preferred one (e.g. 'check' for a Purchase paid by check). */
  route?: RecordRouteName;
}

/**
 * The URL of a record's page in QBO, or null when QBO has no known page for that entity type
 * (Item, or types the sync service adds later). Throws QboLinkError for malformed ids, realms,
 * hosts, or a route that shows another entity type.
 */
export function qboRecordUrl(input: RecordLinkInput): string | null {
  const qbId = typeof input.qbId === 'string' ? normalizeRecordId(input.qbId) : null;
  if (!qbId) throw new QboLinkError(`"${String(input.qbId)}" is not a QuickBooks Online record id`);
  const realm = input.realmId ?? null;
  if (realm !== null && !isRealmId(realm)) {
    throw new QboLinkError(`"${String(realm)}" is not a QuickBooks Online company (realm) id`);
  }
  const origin = qboOrigin(input.host);

  let routeName: RecordRouteName | undefined;
  if (input.route !== undefined) {
    const route = isRecordRouteName(input.route) ? routeFor(input.route) : undefined;
    if (!route || route.kind !== 'record' || route.entityType !== input.entityType) {
      throw new QboLinkError(`route "${String(input.route)}" does not show ${input.entityType} records`);
    }
    routeName = input.route;
  } else if (Object.prototype.hasOwnProperty.call(PREFERRED_RECORD_ROUTE, input.entityType)) {
    routeName = PREFERRED_RECORD_ROUTE[input.entityType];
  }
  const relative = routeName ? recordPath(routeName, qbId) : null;
  if (!relative) return null;
  if (realm !== null && realm !== input.currentRealmId) {
    return buildSwitchCompanyUrl(origin, realm, relative);
  }
  return new URL(`/app/${relative}`, origin).toString();
}

/** `invoice?txnId=7`: a record's page under /app/, or null when the route shows no record. */
function recordPath(routeName: RecordRouteName, qbId: string): string | null {
  const route = routeFor(routeName);
  if (!route || route.kind !== 'record') return null;
  return `${routeName}?${new URLSearchParams({ [route.idParam]: qbId })}`;
}

/**
 * The path under /app/ of a record's preferred page (`invoice?txnId=7`), or null for an id that is
 * not a record id or a type without a page. For callers that already hold a QuickBooks origin
 * (the overlay, on the tab's own host): no company switch, no host checks, nothing thrown.
 */
export function qboRecordPath(entityType: string, qbId: string): string | null {
  const id = normalizeRecordId(qbId);
  if (!id || !Object.prototype.hasOwnProperty.call(PREFERRED_RECORD_ROUTE, entityType)) return null;
  return recordPath(PREFERRED_RECORD_ROUTE[entityType]!, id);
}

/** The URL of a list page, e.g. qboListUrl('customers'). Throws for an unknown list. */
export function qboListUrl(listType: string, host?: string): string {
  if (!isListType(listType)) throw new QboLinkError(`"${listType}" is not a QuickBooks Online list page`);
  return new URL(`/app/${listType}`, qboOrigin(host)).toString();
}
