/** Renders the badge from what is stored right now (status, cached summary, followed companies). */
import { badgeFor, type BadgeView } from '../badge/states';
import { renderBadge } from '../badge/render';
import type { Summary } from '../api/schema';
import { readSummary } from '../db/cache';
import { loadSettings } from '../settings/store';
import type { BackgroundContext } from './context';
import { loadStatus } from './status';

export async function refreshBadge(ctx: BackgroundContext, summaryOverride?: Summary): Promise<BadgeView> {
  const [status, settings, row] = await Promise.all([loadStatus(), loadSettings(), readSummary(ctx.db)]);
  const view = badgeFor({
    status,
    summary: summaryOverride ?? row?.summary ?? null,
    followedCompanyIds: settings.followedCompanyIds,
    formatTime: ctx.formatTime,
  });
  await renderBadge(view);
  return view;
}
