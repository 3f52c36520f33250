/**
 * Where the Sync Center opens: a tab, a company and, for "new failures" notifications, the time
 * since which failures count as new. Kept in the page's hash so a notification click, the popup and
 * a bookmark all land on the same view: sidepanel.html#tab=unsynced&company=evergreen&since=...
 */
export const CENTER_TABS = ['unsynced', 'log', 'connector', 'history'] as const;
export type CenterTab = (typeof CENTER_TABS)[number];

export interface CenterLink {
  tab?: CenterTab;
  companyId?: string;
  /** ISO time: show only unsynced entities whose last attempt is at or after it. */
  failedSince?: string;
}

export const CENTER_PAGE = 'sidepanel.html';

export function centerHash(link: CenterLink): string {
  const params = new URLSearchParams();
  if (link.tab) params.set('tab', link.tab);
  if (link.companyId) params.set('company', link.companyId);
  if (link.failedSince) params.set('since', link.failedSince);
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** Path of the Sync Center page (relative to the extension root) for a link. */
export function centerPath(link: CenterLink = {}): string {
  return `/${CENTER_PAGE}${centerHash(link)}`;
}

/** Reads a hash written by centerHash; anything unknown or malformed is dropped. */
export function parseCenterHash(hash: string): CenterLink {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const link: CenterLink = {};
  const tab = params.get('tab');
  if (tab && (CENTER_TABS as readonly string[]).includes(tab)) link.tab = tab as CenterTab;
  const company = params.get('company');
  if (company && /^[^\u0000-\u001f\u007f]{1,128}$/.test(company)) link.companyId = company;
  const since = params.get('since');
  if (since && !Number.isNaN(Date.parse(since))) link.failedSince = new Date(since).toISOString();
  return link;
}
