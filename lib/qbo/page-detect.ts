/**
 * What a QuickBooks Online URL shows: one record (entity type + Accounting API id), a list page,
 * or nothing we can attach sync status to. Pure: the content script passes the URL in (on load
 * and on every client-side route change).
 */
import { parseQboUrl } from './hosts';
import { normalizeRecordId } from './ids';
import { readParam } from './params';
import { QBO_OTHER_PAGES, routeFor, type ListType, type RecordRouteName } from './routes';

export type NoneReason =
  /** Not an https QuickBooks Online app URL (or not a URL at all). */
  | 'not-qbo'
  /** A QBO URL whose route we do not know. */
  | 'unknown-route'
  /** A transaction form with no id yet: a new, unsaved record. */
  | 'new-record'
  /** A record route whose id is malformed or given twice with different values. */
  | 'bad-id';

export type PageInfo =
  | { kind: 'record'; entityType: string; qbId: string; route: RecordRouteName }
  | { kind: 'list'; listType: ListType; route: ListType; entityTypes: string[] }
  /** No reason: a known page that shows no single record (dashboard, reports, a detail page without id). */
  | { kind: 'none'; reason?: NoneReason };

export interface RecordRef {
  entityType: string;
  qbId: string;
}

/** The app route segment of a QBO path: /app/<route> with an optional trailing slash. */
const APP_PATH = /^\/app\/([^/]+)\/?$/i;

/** Accepts a string or a URL object (WXT's locationchange event hands over a URL). */
export function detectPage(rawUrl: string | URL): PageInfo {
  const url = parseQboUrl(rawUrl);
  return url ? detectParsed(url) : { kind: 'none', reason: 'not-qbo' };
}

function detectParsed(url: URL): PageInfo {
  const match = APP_PATH.exec(url.pathname);
  if (!match) return { kind: 'none', reason: 'unknown-route' };
  const name = (match[1] ?? '').toLowerCase();
  const route = routeFor(name);
  if (!route) {
    return QBO_OTHER_PAGES.has(name) ? { kind: 'none' } : { kind: 'none', reason: 'unknown-route' };
  }
  if (route.kind === 'list') {
    return { kind: 'list', listType: name as ListType, route: name as ListType, entityTypes: [...route.entityTypes] };
  }

  const read = readParam(url.searchParams, route.idParam);
  if (read.status === 'conflict') return { kind: 'none', reason: 'bad-id' };
  // "new" is how some hand-built links ask for a blank form; treat it like no id.
  if (read.status === 'absent' || read.value.toLowerCase() === 'new') {
    return route.blankIsNew ? { kind: 'none', reason: 'new-record' } : { kind: 'none' };
  }
  const qbId = normalizeRecordId(read.value);
  if (!qbId) return { kind: 'none', reason: 'bad-id' };
  return { kind: 'record', entityType: route.entityType, qbId, route: name as RecordRouteName };
}

/**
 * The record an anchor on a QBO page (a list row, a linked transaction) points to, resolved
 * against the page URL. Links to other sites, non-https links and javascript: links give null.
 */
export function recordFromHref(href: string, baseUrl: string): RecordRef | null {
  if (typeof href !== 'string' || typeof baseUrl !== 'string') return null;
  let resolved: URL;
  try {
    resolved = new URL(href, baseUrl);
  } catch {
    return null;
  }
  const page = detectPage(resolved.toString());
  return page.kind === 'record' ? { entityType: page.entityType, qbId: page.qbId } : null;
}
