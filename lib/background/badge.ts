/** Renders the badge from what is stored right now (statuses, cached summaries, followed companies). */
import { badgeFor, type BadgeView } from '../badge/states';
import { renderBadge } from '../badge/render';
import type { Summary } from '../api/schema';
import { failingWhileOthersWork } from '../connections/combine-status';
import { connectionName, followedOnly } from '../connections/connection';
import { readMergedSummary } from '../db/cache';
import { loadSettings } from '../settings/store';
import type { BackgroundContext } from './context';
import { loadConnectionStatuses, loadStatus, statusOf } from './status';

export async function refreshBadge(ctx: BackgroundContext, summaryOverride?: Summary): Promise<BadgeView> {
  const [status, statuses, settings] = await Promise.all([loadStatus(), loadConnectionStatuses(), loadSettings()]);
  const ids = settings.connections.map((c) => c.id);
  const merged = summaryOverride ?? (await readMergedSummary(ctx.db, ids));
  // The badge sums what the user follows, across every service.
  const summary = merged && { ...merged, companies: followedOnly(settings, merged.companies, (c) => c.companyId) };
  const troubled = failingWhileOthersWork(settings.connections.map((c) => ({ name: connectionName(c), status: statusOf(statuses, c.id) })));
  const view = badgeFor({
    status,
    summary,
    followedCompanyIds: [],
    serviceProblems: troubled.map((c) => ({ name: c.name, state: c.status.state, since: c.status.failingSince })),
    formatTime: ctx.formatTime,
  });
  await renderBadge(view);
  return view;
}
