/**
 * Resync and Clear ID. These can come from a content script on a QuickBooks page, which is not
 * trusted: the id is checked against the service's own list for that company before acting.
 */
import type { ClearIdResult, ResyncResult, UnsyncedEntity } from '../api/schema';
import { isApiError } from '../api/errors';
import { readUnsynced, writeUnsynced } from '../db/cache';
import type { PayloadOf } from '../messaging/protocol';
import { ReplyError } from '../messaging/router';
import type { ApiClient } from '../api/client';
import { clientForCompany } from './configured-client';
import type { BackgroundContext } from './context';
import { queuedError, runAction } from './deliver-action';
import { pollNow } from './poll-cycle';
import { t } from '../i18n/t';

type Ref = PayloadOf<'unsynced.resync'>;

/** The company's unsynced list, fresh from the service, or the cached one when it is unreachable. */
async function unsyncedList(ctx: BackgroundContext, client: ApiClient, companyId: string): Promise<UnsyncedEntity[]> {
  try {
    const items = await client.unsyncedAll(companyId);
    await writeUnsynced(ctx.db, companyId, items, ctx.now());
    return items;
  } catch (err) {
    if (isApiError(err) && err.code === 'unreachable') {
      const cached = await readUnsynced(ctx.db, companyId);
      if (cached.length > 0) return cached;
    }
    throw err;
  }
}

async function act<T extends ResyncResult | ClearIdResult>(ctx: BackgroundContext, ref: Ref, kind: 'resync' | 'clear-id'): Promise<T> {
  const client = await clientForCompany(ctx, ref.companyId);
  const list = await unsyncedList(ctx, client, ref.companyId);
  if (!list.some((e) => e.id === ref.unsyncedId)) {
    throw new ReplyError('rejected', t('bgUnsyncedGone'));
  }
  const outcome = await runAction<T>(ctx, client, { kind, companyId: ref.companyId, unsyncedId: ref.unsyncedId }, ref.actionKey);
  if (outcome.status === 'queued') throw queuedError(outcome.message);
  await ctx.db.unsynced.put({ ...outcome.data.unsynced, fetchedAt: ctx.now().toISOString() });
  await pollNow(ctx, 'user');
  return outcome.data;
}

export const resyncUnsynced = (ctx: BackgroundContext, ref: Ref) => act<ResyncResult>(ctx, ref, 'resync');
export const clearUnsyncedId = (ctx: BackgroundContext, ref: Ref) => act<ClearIdResult>(ctx, ref, 'clear-id');
