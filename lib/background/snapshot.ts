/** The popup's view of the world, from storage only (instant, works offline). */
import type { Snapshot } from '../messaging/protocol';
import { readCompanies, readMergedSummary } from '../db/cache';
import { loadSettings, toPublic } from '../settings/store';
import { gateOf, loadGates } from '../poll/gate';
import type { BackgroundContext } from './context';
import { latestPause, loadConnectionStatuses, loadStatus, statusOf, withPause } from './status';

export async function buildSnapshot(ctx: BackgroundContext): Promise<Snapshot> {
  const now = ctx.now().getTime();
  const [status, statuses, settings, gates] = await Promise.all([loadStatus(), loadConnectionStatuses(), loadSettings(), loadGates(now)]);
  const ids = settings.connections.map((c) => c.id);
  const [summary, companies] = await Promise.all([readMergedSummary(ctx.db, ids), readCompanies(ctx.db, ids)]);
  const publicSettings = toPublic(settings);
  // A service's pause (Retry-After) lives in its poll gate; the pages say until when it lasts.
  const connectionStatuses = ids.map((id) => withPause(statusOf(statuses, id), gateOf(gates, id).notBefore, now));
  return {
    status: { ...status, pausedUntil: latestPause(connectionStatuses) },
    connections: publicSettings.connections.map((c, i) => ({ ...c, status: connectionStatuses[i]! })),
    summary,
    companies,
    settings: publicSettings,
  };
}
