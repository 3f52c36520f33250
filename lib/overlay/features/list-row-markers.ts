/**
 * Feature: on QuickBooks Online list pages, a small marker beside each row whose record the sync
 * service knows as failed, pending or awaiting approval. Rows are read in one pass and written in
 * another (no forced layout in a loop); lookups are batched per scan and remembered for the run.
 * After a failed lookup the markers wait before asking again (exponential back-off, or as long as
 * the sync service asked with Retry-After), however often QuickBooks changes the page meanwhile.
 */
import type { Link, LinkStatus } from '../../api/schema';
import { MAX_LINK_IDS } from '../../api/schema';
import { recordFromHref, type RecordRef } from '../../qbo/page-detect';
import { resolveCompany } from '../company';
import type { OverlayFeature } from '../feature-registry';
import type { OverlayServices } from '../overlay-services';
import { t, type MessageKey } from '../../i18n/t';

const MARKED_STATUSES: ReadonlySet<LinkStatus> = new Set(['failed', 'pending', 'awaiting-approval']);
const MARKER_COLOURS: Partial<Record<LinkStatus, string>> = {
  failed: '#c92a2a',
  pending: '#e67700',
  'awaiting-approval': '#1971c2',
};
const STATUS_WORDS: Partial<Record<LinkStatus, MessageKey>> = {
  failed: 'markerFailed',
  pending: 'markerPending',
  'awaiting-approval': 'markerAwaitingApproval',
};
const ROW_SELECTOR = 'tr, [role="row"]';
const MARKER_ATTR = 'data-synclens-marker';

const keyOf = (ref: RecordRef) => `${ref.entityType}:${ref.qbId}`;

export function markerTitle(link: Link): string {
  const words = STATUS_WORDS[link.status];
  const parts = [t('badgeTitle', words ? t(words) : link.status)];
  if (link.errorCode) parts.push(t('markerErrorCode', link.errorCode));
  if (link.errorMessage) parts.push(link.errorMessage.slice(0, 200));
  return parts.join(' · ');
}

export function createMarker(doc: Document, link: Link): HTMLElement {
  const marker = doc.createElement('span');
  marker.setAttribute(MARKER_ATTR, keyOf(link));
  marker.dataset.testid = 'row-marker';
  marker.dataset.status = link.status;
  marker.setAttribute('role', 'img');
  marker.title = markerTitle(link); // text, never HTML
  marker.setAttribute('aria-label', marker.title);
  Object.assign(marker.style, {
    display: 'inline-block',
    width: '9px',
    height: '9px',
    marginLeft: '6px',
    borderRadius: '50%',
    verticalAlign: 'middle',
    background: MARKER_COLOURS[link.status] ?? '#868e96',
    boxShadow: '0 0 0 2px #fff',
  });
  return marker;
}

interface RowHit {
  anchor: HTMLAnchorElement;
  ref: RecordRef;
}

/** Read pass: every row link that resolves to a record and has no marker yet. */
export function findRowRecords(doc: Document, pageUrl: string): RowHit[] {
  const hits: RowHit[] = [];
  for (const anchor of doc.querySelectorAll<HTMLAnchorElement>(`:is(${ROW_SELECTOR}) a[href]`)) {
    const ref = recordFromHref(anchor.getAttribute('href') ?? '', pageUrl);
    if (!ref) continue;
    const next = anchor.nextElementSibling;
    if (next?.getAttribute(MARKER_ATTR) === keyOf(ref)) continue;
    hits.push({ anchor, ref });
  }
  return hits;
}

/** First wait after a failed lookup; it doubles with each failure in a row, up to the maximum. */
export const MARKER_RETRY_BASE_MS = 5_000;
export const MARKER_RETRY_MAX_MS = 5 * 60_000;
/** A Retry-After longer than this is treated as this (a service cannot silence the page for days). */
export const MARKER_RETRY_AFTER_CAP_MS = 60 * 60_000;

/** Pure: how long to wait after `failures` failed lookups in a row, honouring a Retry-After (seconds). */
export function markerRetryDelayMs(failures: number, retryAfterSeconds?: number): number {
  const backoff = Math.min(MARKER_RETRY_MAX_MS, MARKER_RETRY_BASE_MS * 2 ** Math.max(0, failures - 1));
  const asked = retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0 ? Math.min(MARKER_RETRY_AFTER_CAP_MS, retryAfterSeconds * 1000) : 0;
  return Math.max(backoff, asked);
}

export function listRowMarkers(services: OverlayServices): OverlayFeature {
  return {
    id: 'list-row-markers',
    appliesTo: (page) => page.kind === 'list',
    async run({ url, signal }) {
      const resolved = await resolveCompany(services, url, signal);
      if (resolved.kind !== 'company' || signal.aborted) return;
      const companyId = resolved.company.id;
      /** Every record asked about this run: its link, or null when the service has none (not asked again). */
      const known = new Map<string, Link | null>();
      const inFlight = new Set<string>();
      let failures = 0;
      /** While set, lookups wait: page mutations do not ask again before this time (epoch ms). */
      let pausedUntil = 0;
      let retryTimer: ReturnType<typeof setTimeout> | null = null;
      signal.addEventListener('abort', () => {
        if (retryTimer !== null) clearTimeout(retryTimer);
      });

      const scan = async () => {
        if (signal.aborted) return;
        if (Date.now() < pausedUntil) return; // backing off: the retry timer scans again
        const hits = findRowRecords(document, location.href);
        const missing = [...new Map(hits.filter((h) => !known.has(keyOf(h.ref)) && !inFlight.has(keyOf(h.ref))).map((h) => [keyOf(h.ref), h.ref])).values()];
        for (let i = 0; i < missing.length; i += MAX_LINK_IDS) {
          const batch = missing.slice(i, i + MAX_LINK_IDS);
          batch.forEach((ref) => inFlight.add(keyOf(ref)));
          const reply = await services.ask('records.status', { companyId, records: batch });
          batch.forEach((ref) => inFlight.delete(keyOf(ref)));
          if (signal.aborted) return;
          if (!reply.ok) {
            if ('invalidated' in reply) return;
            failures += 1;
            const wait = markerRetryDelayMs(failures, reply.error.retryAfterSeconds);
            pausedUntil = Date.now() + wait;
            if (retryTimer !== null) clearTimeout(retryTimer);
            retryTimer = setTimeout(() => {
              retryTimer = null;
              void scan();
            }, wait);
            return;
          }
          failures = 0;
          for (const ref of batch) known.set(keyOf(ref), null);
          for (const link of reply.data.links) if (known.has(keyOf(link))) known.set(keyOf(link), link);
        }
        // Write pass, after every read: one insertion per row that needs a marker.
        for (const hit of findRowRecords(document, location.href)) {
          const link = known.get(keyOf(hit.ref));
          if (link && MARKED_STATUSES.has(link.status)) hit.anchor.after(createMarker(document, link));
        }
      };

      services.domWatch.subscribe(() => void scan(), signal);
      signal.addEventListener('abort', () => {
        for (const marker of document.querySelectorAll(`[${MARKER_ATTR}]`)) marker.remove();
      });
      await scan();
    },
  };
}
