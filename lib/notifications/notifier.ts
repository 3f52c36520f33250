/**
 * The notifier's side effects: after each successful poll (new failures, connector changes) and
 * on the daily digest alarm. Decisions come from the pure ./decide and ./digest modules.
 */
import { browser } from 'wxt/browser';
import type { BackgroundContext } from '../background/context';
import { centerPath } from '../center/center-link';
import { readMergedSummary } from '../db/cache';
import { companyLabel } from '../connections/connection';
import { followedOf } from '../history/store';
import type { NotificationSettings } from '../messaging/center-commands';
import { loadSettings } from '../settings/store';
import { decideAfterPoll, digestKey } from './decide';
import { digestDue, digestText, nextDigest, type DigestSlot } from './digest';
import { loadNotificationSettings } from './settings';
import { mayNotify, showNotice } from './show';
import { forgetNotified, loadLastDigestDay, loadSeen, markNotified, notifiedKeys, pruneNotified, saveLastDigestDay, saveSeen } from './state';

export const DIGEST_ALARM = 'digest';

async function followedCompanies(ctx: BackgroundContext) {
  const settings = await loadSettings();
  const summary = await readMergedSummary(ctx.db, settings.connections.map((c) => c.id));
  // Notifications name the service too when two services may share a company name.
  return summary ? followedOf(summary, settings).map((c) => ({ ...c, companyName: companyLabel(settings, c.companyId, c.companyName) })) : null;
}

/** After a successful poll; `previousPollAt` is when the poll before it succeeded. */
export async function notifyAfterPoll(ctx: BackgroundContext, previousPollAt: string | null): Promise<void> {
  const companies = await followedCompanies(ctx);
  if (!companies) return;
  const now = ctx.now();
  const [settings, seen, notified] = await Promise.all([loadNotificationSettings(), loadSeen(), notifiedKeys(ctx.db)]);
  const decision = decideAfterPoll({ settings, companies, seen, notified, previousPollAt, now });
  await forgetNotified(ctx.db, decision.forgetPrefixes);
  if (decision.notices.length > 0 && (await mayNotify())) {
    for (const notice of decision.notices) {
      await showNotice(ctx.db, notice, now);
      await markNotified(ctx.db, notice.keys, now);
    }
  }
  await saveSeen(decision.seen);
  await pruneNotified(ctx.db, now);
}

/** (Re)creates the digest alarm for the next digest, or removes it; on start, wake and settings change. */
export async function scheduleDigest(ctx: BackgroundContext): Promise<DigestSlot | null> {
  const [settings, lastDay] = await Promise.all([loadNotificationSettings(), loadLastDigestDay()]);
  const slot = nextDigest(settings, lastDay, ctx.now());
  if (!slot) {
    await browser.alarms.clear(DIGEST_ALARM);
    return null;
  }
  const existing = await browser.alarms.get(DIGEST_ALARM);
  if (existing?.scheduledTime !== slot.at.getTime()) await browser.alarms.create(DIGEST_ALARM, { when: slot.at.getTime() });
  return slot;
}

/**
 * After the settings were saved. Turning the digest on (or moving it) after today's time has
 * passed starts with tomorrow's: no digest pops up the moment the user clicks Save.
 */
export async function digestSettingsChanged(ctx: BackgroundContext, before: NotificationSettings, after: NotificationSettings): Promise<void> {
  const started = after.enabled && after.digestAt !== null && (!before.enabled || before.digestAt !== after.digestAt);
  if (started) {
    const now = ctx.now();
    const slot = nextDigest(after, await loadLastDigestDay(), now);
    if (digestDue(slot, now)) await saveLastDigestDay(slot.day);
  }
  await scheduleDigest(ctx);
}

/** The digest alarm fired: show the digest if one is due (once per day), then schedule the next. */
export async function onDigestAlarm(ctx: BackgroundContext): Promise<void> {
  const now = ctx.now();
  const [settings, lastDay] = await Promise.all([loadNotificationSettings(), loadLastDigestDay()]);
  const slot = nextDigest(settings, lastDay, now);
  if (digestDue(slot, now)) {
    const key = digestKey(slot.day);
    const [companies, notified] = await Promise.all([followedCompanies(ctx), notifiedKeys(ctx.db)]);
    if (companies && companies.length > 0 && !notified.has(key) && (await mayNotify())) {
      const text = digestText(companies, now);
      await showNotice(ctx.db, { id: key, ...text, path: centerPath({ tab: 'unsynced' }), keys: [key] }, now);
      await markNotified(ctx.db, [key], now);
    }
    // The day counts as done even with nothing to show, so it is never retried (or shown twice).
    await saveLastDigestDay(slot.day);
  }
  await scheduleDigest(ctx);
}
