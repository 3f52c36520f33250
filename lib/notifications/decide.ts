/**
 * What to notify after a poll, pure: given what was seen and notified before, the new summary,
 * the settings and the time, the notifications to show and the state to store.
 *
 * - New failures: counts above the last seen ones, ONE grouped notification per poll.
 * - Connectors: one notification when one turns stale, offline or signed out (auth-expired);
 *   recovery forgets it, so the next bad turn is notified again.
 * - Quiet hours, a switched-off kind, or the master switch off: nothing is shown. Failures seen
 *   meanwhile are not shown later (the digest covers them); a connector still bad after quiet
 *   hours is.
 * - Keys of what was notified are persisted, so nothing is shown twice across restarts.
 */
import type { CompanySummary, ConnectorState } from '../api/schema';
import { formatCount } from '../format/amount';
import { t, type MessageKey } from '../i18n/t';
import { localDay } from '../history/days';
import { centerPath } from '../center/center-link';
import type { NotificationSettings } from '../messaging/center-commands';
import { isQuiet } from './clock';

export interface SeenCounts {
  failed: number;
  unsynced: number;
}

export interface Notice {
  /** Notification id; also the key of its click target. */
  id: string;
  title: string;
  message: string;
  /** Extension path a click opens (the Sync Center). */
  path: string;
  /** Dedup keys this notice covers; stored once it is shown. */
  keys: string[];
}

export interface PollInput {
  settings: NotificationSettings;
  /** Followed companies of the new summary. */
  companies: readonly CompanySummary[];
  seen: Readonly<Record<string, SeenCounts>>;
  notified: ReadonlySet<string>;
  /** When the previous successful poll finished (ISO): failures since then are "new". */
  previousPollAt: string | null;
  now: Date;
}

export interface PollDecision {
  notices: Notice[];
  seen: Record<string, SeenCounts>;
  /** Key prefixes to forget (a connector that recovered). */
  forgetPrefixes: string[];
}

const BAD_CONNECTOR: readonly ConnectorState[] = ['stale', 'offline', 'auth-expired'];

export const failureKey = (companyId: string, count: number, day: string) => `failures:${companyId}:${count}@${day}`;
export const connectorKey = (companyId: string, state: ConnectorState) => `connector:${companyId}:${state}`;
export const digestKey = (day: string) => `digest:${day}`;

export function decideAfterPoll(input: PollInput): PollDecision {
  const { settings, companies, now } = input;
  const showing = settings.enabled && !isQuiet(now, settings);
  const seen: Record<string, SeenCounts> = {};
  const forgetPrefixes: string[] = [];
  const grew: { company: CompanySummary; added: number; key: string }[] = [];
  const notices: Notice[] = [];
  const day = localDay(now);

  for (const c of companies) {
    seen[c.companyId] = { failed: c.failedSyncs, unsynced: c.unsynced };
    const before = input.seen[c.companyId];
    // A company seen for the first time sets the baseline: its old failures are not "new".
    if (before) {
      const added = Math.max(c.failedSyncs - before.failed, c.unsynced - before.unsynced);
      const key = failureKey(c.companyId, Math.max(c.failedSyncs, c.unsynced), day);
      if (added > 0 && !input.notified.has(key)) grew.push({ company: c, added, key });
    }
    if (!BAD_CONNECTOR.includes(c.connector.state)) {
      forgetPrefixes.push(`connector:${c.companyId}:`);
    } else if (showing && settings.connectorAlerts && !input.notified.has(connectorKey(c.companyId, c.connector.state))) {
      notices.push(connectorNotice(c));
    }
  }
  if (showing && settings.newFailures && grew.length > 0) notices.unshift(failureNotice(grew, input.previousPollAt));
  return { notices, seen, forgetPrefixes };
}

function failureNotice(grew: { company: CompanySummary; added: number; key: string }[], since: string | null): Notice {
  const total = grew.reduce((n, g) => n + g.added, 0);
  const what = total === 1 ? t('notifyFailuresOne') : t('notifyFailuresMany', formatCount(total));
  const only = grew.length === 1 ? grew[0]!.company : null;
  const message = only
    ? t('notifyFailuresIn', what, only.companyName)
    : t('notifyFailuresPerCompany', what, grew.map((g) => t('notifyFailuresCompanyPart', formatCount(g.added), g.company.companyName)).join(', '));
  const keys = grew.map((g) => g.key);
  return {
    id: keys[0]!,
    title: t('notifyFailuresTitle'),
    message,
    path: centerPath({ tab: 'unsynced', ...(only ? { companyId: only.companyId } : {}), ...(since ? { failedSince: since } : {}) }),
    keys,
  };
}

/** Message keys per system and connector state: the whole sentence, so each language can word it. */
const CONNECTOR_MESSAGES: Record<'qbo' | 'qbd', Record<ConnectorState, MessageKey>> = {
  qbd: { ok: 'notifyQbdOk', stale: 'notifyQbdStale', offline: 'notifyQbdOffline', 'auth-expired': 'notifyQbdAuthExpired' },
  qbo: { ok: 'notifyQboOk', stale: 'notifyQboStale', offline: 'notifyQboOffline', 'auth-expired': 'notifyQboAuthExpired' },
};

function connectorNotice(c: CompanySummary): Notice {
  const key = connectorKey(c.companyId, c.connector.state);
  return {
    id: key,
    title: t('badgeTitle', c.companyName),
    message: t(CONNECTOR_MESSAGES[c.system === 'qbd' ? 'qbd' : 'qbo'][c.connector.state]),
    path: centerPath({ tab: 'connector', companyId: c.companyId }),
    keys: [key],
  };
}
