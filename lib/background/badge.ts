/** Renders the badge from what is stored right now (statuses, cached summaries, followed companies). */
import { badgeFor, type BadgeView } from '../badge/states';
import { renderBadge } from '../badge/render';
import type { Summary } from '../api/schema';
import { failingWhileOthersWork } from '../connections/combine-status';
import { connectionName, followedOnly } from '../connections/connection';
import { readMergedSummary } from '../db/cache';
import { gateOf, loadGates } from '../poll/gate';
import { loadSettings } from '../settings/store';
import type { BackgroundContext } from './context';
import { loadConnectionStatuses, loadStatus, statusOf } from './status';

export async function refreshBadge(ctx: BackgroundContext, summaryOverride?: Summary): Promise<BadgeView> {
  const now = ctx.now().getTime();
  const [status, statuses, settings, gates] = await Promise.all([loadStatus(), loadConnectionStatuses(), loadSettings(), loadGates(now)]);
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
    pauses: settings.connections
      .filter((c) => gateOf(gates, c.id).notBefore > now)
      .map((c) => ({ name: settings.connections.length > 1 ? connectionName(c) : null, until: new Date(gateOf(gates, c.id).notBefore).toISOString() })),
    formatTime: ctx.formatTime,
  });
  await renderBadge(view);
  return view;
}
