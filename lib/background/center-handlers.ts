/**
 * The Sync Center's commands (lib/messaging/center-commands.ts) and the notification settings.
 * Company-scoped commands answer only for companies the user follows.
 */
import type { BulkResyncResult } from '../api/schema';
import { readUnsyncedSnapshot, writeUnsynced } from '../db/cache';
import { addDays } from '../history/days';
import { readHistory } from '../history/store';
import type { LogQuery, LogSlice } from '../messaging/center-commands';
import type { Handlers } from '../messaging/router';
import { ReplyError } from '../messaging/router';
import { digestSettingsChanged } from '../notifications/notifier';
import { loadNotificationSettings, saveNotificationSettings } from '../notifications/settings';
import { isConfigured, loadSettings } from '../settings/store';
import { clientForCompany } from './configured-client';
import { fetchWebConnectorFile } from './connector-file';
import { isFollowed } from '../connections/connection';
import type { BackgroundContext } from './context';
import { queuedError, runAction } from './deliver-action';
import { pollNow } from './poll-cycle';
import { t } from '../i18n/t';

export const CENTER_COMMANDS = [
  'center.unsyncedCached', 'center.unsynced', 'center.log', 'center.bulkResync', 'center.history',
  'connector.qwcFile', 'notifications.get', 'notifications.save',
] as const;
export type CenterHandlers = Pick<Handlers, (typeof CENTER_COMMANDS)[number]>;

export const DEFAULT_HISTORY_DAYS = 30;

async function requireFollowed(companyId: string): Promise<void> {
  const settings = await loadSettings();
  if (!isConfigured(settings)) throw new ReplyError('unconfigured', t('bgNotConnected'));
  if (!isFollowed(settings, companyId)) {
    throw new ReplyError('rejected', t('bgCompanyNotFollowed', companyId.slice(0, 128)));
  }
}

/** The instant a local day starts (from) or ends, inclusive (to): the server compares instants. */
export function localDayBound(day: string, edge: 'from' | 'to'): string {
  const [y, m, d] = (edge === 'from' ? day : addDays(day, 1)).split('-').map(Number) as [number, number, number];
  const start = new Date(y, m - 1, d).getTime();
  return new Date(edge === 'from' ? start : start - 1).toISOString();
}

async function logSlice(ctx: BackgroundContext, query: LogQuery): Promise<LogSlice> {
  await requireFollowed(query.companyId);
  if (query.from && query.to && query.to < query.from) throw new ReplyError('rejected', t('bgRangeReversed'));
  const client = await clientForCompany(ctx, query.companyId);
  const page = await client.logPage(query.companyId, {
    status: query.status,
    direction: query.direction,
    entityType: query.entityType,
    q: query.q,
    from: query.from && localDayBound(query.from, 'from'),
    to: query.to && localDayBound(query.to, 'to'),
    cursor: query.cursor,
    limit: query.limit,
  });
  return { items: page.items, nextCursor: page.nextCursor, counts: page.counts ?? null };
}

async function bulkResync(ctx: BackgroundContext, companyId: string, ids: string[], actionKey?: string): Promise<BulkResyncResult> {
  await requireFollowed(companyId);
  const client = await clientForCompany(ctx, companyId);
  // One request for every id, with one idempotency key: a retry after a lost reply applies once.
  const outcome = await runAction<BulkResyncResult>(ctx, client, { kind: 'bulk-resync', companyId, ids: [...new Set(ids)] }, actionKey);
  if (outcome.status === 'queued') throw queuedError(outcome.message);
  await ctx.db.transaction('rw', ctx.db.unsynced, async () => {
    for (const r of outcome.data.results) if (r.ok && r.state) await ctx.db.unsynced.update(r.id, { state: r.state });
  });
  await pollNow(ctx, 'user'); // fresh summary and badge
  return outcome.data;
}

export function createCenterHandlers(ctx: BackgroundContext): CenterHandlers {
  return {
    'center.unsyncedCached': async ({ companyId }) => {
      await requireFollowed(companyId);
      const cached = await readUnsyncedSnapshot(ctx.db, companyId);
      return cached ? { companyId, ...cached } : null;
    },
    'center.unsynced': async ({ companyId }) => {
      await requireFollowed(companyId);
      const client = await clientForCompany(ctx, companyId);
      const items = await client.unsyncedAll(companyId);
      const now = ctx.now();
      await writeUnsynced(ctx.db, companyId, items, now);
      const damaged = client.damagedItems();
      return { companyId, items, fetchedAt: now.toISOString(), ...(damaged.repaired + damaged.dropped > 0 ? { damaged } : {}) };
    },
    'center.log': (query) => logSlice(ctx, query),
    'center.bulkResync': ({ companyId, ids, actionKey }) => bulkResync(ctx, companyId, ids, actionKey),
    'center.history': async ({ days }) => {
      return { days: await readHistory(ctx.db, days ?? DEFAULT_HISTORY_DAYS, await loadSettings(), ctx.now()) };
    },
    'connector.qwcFile': async ({ companyId }) => {
      await requireFollowed(companyId);
      return fetchWebConnectorFile(ctx, companyId);
    },
    'notifications.get': () => loadNotificationSettings(),
    'notifications.save': async (settings) => {
      const before = await loadNotificationSettings();
      const saved = await saveNotificationSettings(settings);
      await digestSettingsChanged(ctx, before, saved);
      return saved;
    },
  };
}
