/**
 * Feature: on QuickBooks Online list pages, a small marker beside each row whose record the sync
 * service knows as failed, pending or awaiting approval. Rows are read in one pass and written in
 * another (no forced layout in a loop); lookups are batched per scan and remembered for the run.
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

export function listRowMarkers(services: OverlayServices): OverlayFeature {
  return {
    id: 'list-row-markers',
    appliesTo: (page) => page.kind === 'list',
    async run({ url, signal }) {
      const resolved = await resolveCompany(services, url);
      if (resolved.kind !== 'company' || signal.aborted) return;
      const companyId = resolved.company.id;
      const known = new Map<string, Link>();
      const inFlight = new Set<string>();

      const scan = async () => {
        if (signal.aborted) return;
        const hits = findRowRecords(document, location.href);
        const missing = [...new Map(hits.filter((h) => !known.has(keyOf(h.ref)) && !inFlight.has(keyOf(h.ref))).map((h) => [keyOf(h.ref), h.ref])).values()];
        for (let i = 0; i < missing.length; i += MAX_LINK_IDS) {
          const batch = missing.slice(i, i + MAX_LINK_IDS);
          batch.forEach((ref) => inFlight.add(keyOf(ref)));
          const reply = await services.ask('records.status', { companyId, records: batch });
          batch.forEach((ref) => inFlight.delete(keyOf(ref)));
          if (!reply.ok || signal.aborted) return;
          for (const link of reply.data.links) known.set(keyOf(link), link);
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
