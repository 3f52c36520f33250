/** Runs one user action through the outbox and turns the outcome into a reply or a ReplyError. */
import type { OutboxAction } from '../db/schema';
import { ReplyError } from '../messaging/router';
import { deliver, enqueue } from '../outbox/outbox';
import type { ActionResult } from '../outbox/describe';
import type { ApiClient } from '../api/client';
import type { BackgroundContext } from './context';
import { scheduleOutboxRetry } from './outbox-retry';
import { t } from '../i18n/t';

export type ActionOutcome<T extends ActionResult> = { status: 'sent'; data: T } | { status: 'queued'; message: string };

/**
 * Stores the action under `key` (the page's choice, so it can ask later what became of it; a new
 * one otherwise) and sends it once. Anything but an answer keeps it in the outbox, retried soon.
 */
export async function runAction<T extends ActionResult>(ctx: BackgroundContext, client: ApiClient, action: OutboxAction, key?: string): Promise<ActionOutcome<T>> {
  const row = await enqueue(ctx.db, action, ctx.now(), key);
  const result = await deliver(ctx.db, client, row, ctx.now);
  if (result.status === 'sent') await ctx.onRecordsChanged?.(action.companyId).catch(() => undefined);
  else await scheduleOutboxRetry(ctx).catch(() => undefined);
  switch (result.status) {
    case 'sent':
      return { status: 'sent', data: result.data as T };
    case 'refused':
      throw result.error;
    case 'busy':
      return { status: 'queued', message: t('bgActionBeingSent') };
    case 'gave-up':
      return { status: 'queued', message: t('bgActionGaveUp', result.error.message) };
    default:
      // Said as what it is: SyncLens does not know yet whether the service applied it.
      return { status: 'queued', message: result.error.outcomeUnknown ? t('bgActionConfirming', result.error.message) : t('bgQueuedBecause', result.error.message) };
  }
}

/** The reply a page gets for an action that is safe in the outbox but not yet applied. */
export function queuedError(message: string): ReplyError {
  return new ReplyError('queued', message);
}
