/**
 * The badge as a pure function of what the background knows: connection status, the cached
 * summary and which companies the user follows. Rendering is in ./render.ts.
 */
import type { CompanySummary, Summary } from '../api/schema';
import { formatCount } from '../format/amount';
// Imported as `msg`: `t` is the conventional name of the totals in this file.
import { t as msg, uiLocale, type MessageKey } from '../i18n/t';
import type { ConnectionStatus } from '../messaging/protocol';

export interface BadgeView {
  kind: BadgeKind;
  text: string;
  color: string;
  title: string;
}

export type BadgeKind = 'unconfigured' | 'signed-out' | 'unreachable' | 'error' | 'failures' | 'connector-warning' | 'service-warning' | 'ok';

export const BADGE_COLORS: Record<BadgeKind, string> = {
  ok: '#1a73e8', // calm blue: items wait for approval, nothing wrong
  failures: '#c5221f', // red: something did not sync
  'connector-warning': '#b06000', // amber: the Web Connector / QBO link is stale or offline
  'service-warning': '#b06000', // amber: one of several sync services does not answer; counts are partly old
  'signed-out': '#c5221f',
  unreachable: '#5f6368', // grey: we do not know, data shown is old
  error: '#b06000',
  unconfigured: '#5f6368',
};

export const BADGE_MAX = 999;

export interface BadgeInput {
  status: ConnectionStatus;
  summary: Summary | null;
  /** Empty or absent = every company in the summary. */
  followedCompanyIds?: readonly string[];
  /**
   * Services that fail while others answer (several connections). Their cached counts still
   * count; the badge turns amber (or red for a refused sign-in) and the tooltip names them.
   */
  serviceProblems?: readonly ServiceProblem[];
  /**
   * Services that asked for a pause (Retry-After) still running: nothing is asked of them until
   * then, so the tooltip says so (`name` null with a single service).
   */
  pauses?: readonly { name: string | null; until: string }[];
  /** Formats an ISO time for the tooltip ("9:02"); injectable so tests do not depend on locale. */
  formatTime?: (iso: string) => string;
}

export interface ServiceProblem {
  name: string;
  state: ConnectionStatus['state'];
  /** Since when it fails (ISO), if known. */
  since: string | null;
}

export function defaultFormatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(uiLocale(), { hour: 'numeric', minute: '2-digit' });
}

/** Badge text for a count: '' for none, capped at 999+. */
export function countText(count: number): string {
  if (count <= 0) return '';
  return count > BADGE_MAX ? `${BADGE_MAX}+` : String(count);
}

export function followedCompanies(summary: Summary, followed: readonly string[]): CompanySummary[] {
  if (followed.length === 0) return summary.companies;
  const wanted = new Set(followed);
  return summary.companies.filter((c) => wanted.has(c.companyId));
}

interface Totals {
  exportWaiting: number;
  importWaiting: number;
  unsynced: number;
  failed: number;
  pending: number;
  /** Companies whose connector is not ok. */
  connectorProblems: CompanySummary[];
  /** The most recent connector run among the followed companies. */
  lastRunAt: string | null;
  webConnector: boolean;
}

function totalsOf(companies: CompanySummary[]): Totals {
  const t: Totals = { exportWaiting: 0, importWaiting: 0, unsynced: 0, failed: 0, pending: 0, connectorProblems: [], lastRunAt: null, webConnector: false };
  for (const c of companies) {
    t.exportWaiting += c.pendingApprovals.export;
    t.importWaiting += c.pendingApprovals.import;
    t.unsynced += c.unsynced;
    t.failed += c.failedSyncs;
    t.pending += c.pendingSyncs;
    if (c.connector.state !== 'ok') t.connectorProblems.push(c);
    if (c.connector.kind === 'web-connector') t.webConnector = true;
    const ran = c.connector.lastRunAt;
    if (ran && (!t.lastRunAt || ran > t.lastRunAt)) t.lastRunAt = ran;
  }
  return t;
}

const CONNECTOR_WORDS: Record<string, MessageKey> = {
  stale: 'badgeConnectorStale',
  offline: 'badgeConnectorOffline',
  'auth-expired': 'badgeConnectorAuthExpired',
};

function breakdown(t: Totals, fmt: (iso: string) => string): string {
  const waiting = t.exportWaiting + t.importWaiting;
  const parts: string[] = [];
  parts.push(
    waiting === 0
      ? msg('badgeNothingWaiting')
      : msg('badgeWaiting', formatCount(waiting), formatCount(t.exportWaiting), formatCount(t.importWaiting)),
  );
  if (t.unsynced > 0) parts.push(msg('badgeUnsynced', formatCount(t.unsynced)));
  if (t.failed > 0) parts.push(msg('badgeFailed', formatCount(t.failed)));
  if (t.pending > 0) parts.push(t.pending === 1 ? msg('badgePendingOne') : msg('badgePending', formatCount(t.pending)));
  for (const c of t.connectorProblems) {
    const words = Object.hasOwn(CONNECTOR_WORDS, c.connector.state) ? msg(CONNECTOR_WORDS[c.connector.state]!) : c.connector.state;
    parts.push(msg('badgeConnectorProblem', c.companyName, words));
  }
  if (t.lastRunAt) parts.push(msg(t.webConnector ? 'badgeWebConnectorLastRan' : 'badgeConnectorLastRan', fmt(t.lastRunAt)));
  return parts.join(' · ');
}

function serviceProblemText(p: ServiceProblem, fmt: (iso: string) => string): string {
  if (p.state === 'signed-out') return msg('badgeServiceSignedOut', p.name);
  if (p.state === 'unreachable') return p.since ? msg('badgeServiceUnreachableSince', p.name, fmt(p.since)) : msg('badgeServiceUnreachable', p.name);
  return msg('badgeServiceFailing', p.name);
}

function pauseText(pause: { name: string | null; until: string }, fmt: (iso: string) => string): string {
  return pause.name ? msg('badgeServicePausedUntil', pause.name, fmt(pause.until)) : msg('badgePausedUntil', fmt(pause.until));
}

export function badgeFor(input: BadgeInput): BadgeView {
  const fmt = input.formatTime ?? defaultFormatTime;
  const { status } = input;
  const pauses = (input.pauses ?? []).map((p) => pauseText(p, fmt));
  const view = (kind: BadgeKind, text: string, title: string): BadgeView => ({
    kind,
    text,
    color: BADGE_COLORS[kind],
    title: msg('badgeTitle', [title, ...pauses].join(' · ')),
  });

  if (status.state === 'unconfigured') {
    return view('unconfigured', '', msg('badgeUnconfigured'));
  }
  if (status.state === 'signed-out') {
    return view('signed-out', '!', msg('badgeSignedOut'));
  }
  const dataAge = status.lastSuccessAt ? ` ${msg('badgeDataFrom', fmt(status.lastSuccessAt))}` : '';
  if (status.state === 'unreachable') {
    const unreachable = status.failingSince ? msg('badgeUnreachableSince', fmt(status.failingSince)) : msg('badgeUnreachable');
    return view('unreachable', '?', `${unreachable}${dataAge}`);
  }
  if (status.state === 'error') {
    const message = (status.message ?? msg('badgeServiceError')).replace(/\.+$/, '');
    return view('error', '?', `${message}.${dataAge}`);
  }
  if (!input.summary) return view('ok', '', msg('badgeFirstSummary'));

  const t = totalsOf(followedCompanies(input.summary, input.followedCompanyIds ?? []));
  const text = countText(t.exportWaiting + t.importWaiting);
  const problems = input.serviceProblems ?? [];
  // A service that refused its token or does not answer comes first: its counts are old.
  const title = [...problems.map((p) => serviceProblemText(p, fmt)), breakdown(t, fmt)].join(' · ');
  if (problems.some((p) => p.state === 'signed-out')) return view('signed-out', text || '!', title);
  if (t.unsynced > 0 || t.failed > 0) return view('failures', text, title);
  if (problems.length > 0) return view('service-warning', text || '?', title);
  if (t.connectorProblems.length > 0) return view('connector-warning', text, title);
  return view('ok', text, title);
}
