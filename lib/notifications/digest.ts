/**
 * The morning digest, pure: when it is due next and what it says. It fires at most once per day
 * (the stored `lastDigestDay` survives worker and browser restarts) and waits out quiet hours.
 */
import type { CompanySummary } from '../api/schema';
import { formatCount } from '../format/amount';
import { t } from '../i18n/t';
import { dayAndTime } from '../format/time';
import { addDays, localDay } from '../history/days';
import { afterQuiet, atLocal, isQuiet } from './clock';
import type { NotificationSettings } from '../messaging/center-commands';

export interface DigestSlot {
  /** The day whose digest this is (local YYYY-MM-DD). */
  day: string;
  /** When to show it; at or before `now` means now. */
  at: Date;
}

/**
 * The next digest to show, or null when the digest is off. A day whose time has passed (the
 * browser was closed at 07:30) is caught up later that same day, outside quiet hours; a day
 * missed entirely is skipped, never shown the day after.
 */
export function nextDigest(settings: NotificationSettings, lastDigestDay: string | null, now: Date): DigestSlot | null {
  if (!settings.enabled || !settings.digestAt) return null;
  const today = localDay(now);
  for (let offset = -1; offset <= 2; offset++) {
    const day = addDays(today, offset);
    if (lastDigestDay !== null && day <= lastDigestDay) continue;
    const due = afterQuiet(atLocal(day, settings.digestAt), settings);
    if (due.getTime() > now.getTime()) return { day, at: due };
    if (localDay(due) === today && !isQuiet(now, settings)) return { day, at: now };
  }
  return null;
}

/** True when the digest of `slot` should be shown now. */
export function digestDue(slot: DigestSlot | null, now: Date): slot is DigestSlot {
  return slot !== null && slot.at.getTime() <= now.getTime();
}

export interface NoticeText {
  title: string;
  message: string;
}

/** "12 waiting for approval, 3 unsynced, Web Connector last ran yesterday 18:04" over the followed companies. */
export function digestText(companies: readonly CompanySummary[], now: Date): NoticeText {
  const waiting = companies.reduce((n, c) => n + c.pendingApprovals.export + c.pendingApprovals.import, 0);
  const unsynced = companies.reduce((n, c) => n + c.unsynced, 0);
  const parts = [t('digestWaiting', formatCount(waiting)), t('badgeUnsynced', formatCount(unsynced))];
  for (const c of companies) {
    if (c.system !== 'qbd') continue;
    const ran = dayAndTime(c.connector.lastRunAt ?? c.connector.lastContactAt, now) || t('timeNever');
    parts.push(companies.length > 1 ? t('digestCompanyWebConnector', c.companyName, ran) : t('digestWebConnector', ran));
  }
  const title = t('badgeTitle', companies.length === 1 ? companies[0]!.companyName : t('digestCompanies', formatCount(companies.length)));
  return { title, message: parts.join(', ') };
}
