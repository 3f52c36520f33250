/** The popup's view of the world, from storage only (instant, works offline). */
import type { Snapshot } from '../messaging/protocol';
import { readCompanies, readMergedSummary } from '../db/cache';
import { loadSettings, toPublic } from '../settings/store';
import type { BackgroundContext } from './context';
import { loadConnectionStatuses, loadStatus, statusOf } from './status';

export async function buildSnapshot(ctx: BackgroundContext): Promise<Snapshot> {
  const [status, statuses, settings] = await Promise.all([loadStatus(), loadConnectionStatuses(), loadSettings()]);
  const ids = settings.connections.map((c) => c.id);
  const [summary, companies] = await Promise.all([readMergedSummary(ctx.db, ids), readCompanies(ctx.db, ids)]);
  const publicSettings = toPublic(settings);
  return {
    status,
    connections: publicSettings.connections.map((c) => ({ ...c, status: statusOf(statuses, c.id) })),
    summary,
    companies,
    settings: publicSettings,
  };
}
