/** Sync Wizard commands: cached items, loading both directions, approving through the outbox. */
import * as v from 'valibot';
import { ApproveRequest, type ApproveResult, type Summary, type WizardItem } from '../api/schema';
import { connectionOfKey } from '../connections/company-key';
import { readSummary, readWizard, writeSummary, writeWizard } from '../db/cache';
import { loadSettings } from '../settings/store';
import type { PayloadOf, WizardSnapshot } from '../messaging/protocol';
import { ReplyError } from '../messaging/router';
import { refreshBadge } from './badge';
import { clientForCompany } from './configured-client';
import type { BackgroundContext } from './context';
import { queuedError, runAction } from './deliver-action';
import { pollNow } from './poll-cycle';
import { t } from '../i18n/t';

export async function cachedWizard(ctx: BackgroundContext, companyId: string): Promise<WizardSnapshot | null> {
  const row = await readWizard(ctx.db, companyId);
  return row ? { companyId, items: row.items, fetchedAt: row.fetchedAt } : null;
}

export async function loadWizard(ctx: BackgroundContext, companyId: string): Promise<WizardSnapshot> {
  const client = await clientForCompany(ctx, companyId);
  const [exports, imports] = await Promise.all([client.wizardAll(companyId, 'export'), client.wizardAll(companyId, 'import')]);
  const row = await writeWizard(ctx.db, companyId, [...exports, ...imports], ctx.now());
  const damaged = client.damagedItems();
  return { companyId, items: row.items, fetchedAt: row.fetchedAt, ...(damaged.repaired + damaged.dropped > 0 ? { damaged } : {}) };
}

/** Pure: the summary with the removed wizard items no longer counted as waiting. */
export function summaryWithout(summary: Summary, companyId: string, removed: WizardItem[]): Summary {
  const exp = removed.filter((i) => i.direction === 'export').length;
  const imp = removed.length - exp;
  const companies = summary.companies.map((c) =>
    c.companyId === companyId
      ? { ...c, pendingApprovals: { export: Math.max(0, c.pendingApprovals.export - exp), import: Math.max(0, c.pendingApprovals.import - imp) } }
      : c,
  );
  const affected = summary.companies.some((c) => c.companyId === companyId);
  return {
    ...summary,
    companies,
    pendingApprovals: affected
      ? { export: Math.max(0, summary.pendingApprovals.export - exp), import: Math.max(0, summary.pendingApprovals.import - imp) }
      : summary.pendingApprovals,
  };
}

/** Removes every reviewed item (approved, kept or cleared) from the cache and the cached counts. */
async function dropReviewed(ctx: BackgroundContext, companyId: string, reviewedIds: string[]): Promise<void> {
  const row = await readWizard(ctx.db, companyId);
  if (!row) return;
  const reviewed = new Set(reviewedIds);
  const removed = row.items.filter((i) => reviewed.has(i.id));
  await ctx.db.wizard.put({ ...row, items: row.items.filter((i) => !reviewed.has(i.id)) });
  const connectionId = connectionOfKey(companyId, (await loadSettings()).connections.map((c) => c.id));
  const cached = connectionId ? await readSummary(ctx.db, connectionId) : undefined;
  if (connectionId && cached && removed.length > 0) {
    // Keep the old ETag out: the adjusted summary is ours, the next poll must fetch the real one.
    await writeSummary(ctx.db, connectionId, summaryWithout(cached.summary, companyId, removed), null, ctx.now());
  }
}

export async function approveWizard(ctx: BackgroundContext, payload: PayloadOf<'wizard.approve'>): Promise<ApproveResult> {
  const { companyId, actionKey, ...body } = payload;
  const request = v.safeParse(ApproveRequest, body);
  if (!request.success) throw new ReplyError('rejected', t('bgApproveNotReviewed'));
  const client = await clientForCompany(ctx, companyId);
  const outcome = await runAction<ApproveResult>(ctx, client, { kind: 'approve', companyId, request: request.output }, actionKey);
  await dropReviewed(ctx, companyId, request.output.reviewedIds);
  await refreshBadge(ctx);
  if (outcome.status === 'queued') throw queuedError(outcome.message);
  await pollNow(ctx, 'user');
  return outcome.data;
}
