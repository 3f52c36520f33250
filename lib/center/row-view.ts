/**
 * The text and links one unsynced row shows (its title, labels, links, last-attempt time), made
 * once per row and kept while the row, its company and the page's clock are the same. A row that
 * scrolls or filters back into view, or re-renders for a selection, costs no formatting, URL
 * parsing or message lookups again.
 */
import type { Company } from '../api/schema';
import { entityLabel } from '../format/labels';
import { dayAndTime } from '../format/time';
import { t } from '../i18n/t';
import { isHttpUrl, qboLinkFor } from './links';
import type { PreparedRow } from './unsynced-rows';

export interface RowView {
  /** "Invoice 5012 for Oak Hollow HOA 12": how labels name the row. */
  title: string;
  typeLabel: string;
  lastAttempt: string;
  qboUrl: string | null;
  /** The sync service's page for the record, only when it is http(s). */
  localUrl: string | null;
  /** Accessible names of the row's controls, each naming the row (a link's is empty without the link). */
  selectLabel: string;
  resyncLabel: string;
  clearIdLabel: string;
  explainLabel: string;
  openQboText: string;
  openLocalText: string;
}

export function rowTitle(row: PreparedRow): string {
  const { item } = row;
  return item.docNumber ? t('centerRowTitleNumbered', entityLabel(item.entityType), item.docNumber, item.name) : t('centerRowTitle', entityLabel(item.entityType), item.name);
}

interface Cached {
  company: Company | undefined;
  nowMs: number;
  view: RowView;
}

const views = new WeakMap<PreparedRow, Cached>();

export function rowView(row: PreparedRow, company: Company | undefined, now: Date): RowView {
  const nowMs = now.getTime();
  const cached = views.get(row);
  if (cached && cached.company === company && cached.nowMs === nowMs) return cached.view;
  const { item } = row;
  const title = rowTitle(row);
  const qboUrl = qboLinkFor(company, item.entityType, item.qbId);
  const localUrl = isHttpUrl(item.localUrl) ? item.localUrl : null;
  const view: RowView = {
    title,
    typeLabel: entityLabel(item.entityType),
    lastAttempt: dayAndTime(item.lastAttemptAt, now),
    qboUrl,
    localUrl,
    selectLabel: t('centerRowSelect', title),
    resyncLabel: t('centerRowResyncLabel', title),
    clearIdLabel: t('centerRowClearIdLabel', title),
    explainLabel: t('centerRowExplainLabel', row.code, title),
    openQboText: qboUrl ? t('centerRowOpenInQuickBooks', title) : '',
    openLocalText: localUrl ? t('centerRowOpenInService', title) : '',
  };
  views.set(row, { company, nowMs, view });
  return view;
}
