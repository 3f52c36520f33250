/** Runs one user action through the outbox and turns the outcome into a reply or a ReplyError. */
import type { OutboxAction } from '../db/schema';
import { ReplyError } from '../messaging/router';
import { deliver, enqueue } from '../outbox/outbox';
import type { ActionResult } from '../outbox/describe';
import type { ApiClient } from '../api/client';
import type { BackgroundContext } from './context';
import { t } from '../i18n/t';

export type ActionOutcome<T extends ActionResult> = { status: 'sent'; data: T } | { status: 'queued'; message: string };

export async function runAction<T extends ActionResult>(ctx: BackgroundContext, client: ApiClient, action: OutboxAction): Promise<ActionOutcome<T>> {
  const row = await enqueue(ctx.db, action, ctx.now());
  const result = await deliver(ctx.db, client, row, ctx.now);
  if (result.status === 'sent') await ctx.onRecordsChanged?.(action.companyId).catch(() => undefined);
  switch (result.status) {
    case 'sent':
      return { status: 'sent', data: result.data as T };
    case 'refused':
      throw result.error;
    default: {
      const message = result.status === 'queued' ? t('bgQueuedBecause', result.error.message) : t('bgQueued');
      return { status: 'queued', message };
    }
  }
}

/** The reply a page gets for an action that is safe in the outbox but not yet applied. */
export function queuedError(message: string): ReplyError {
  return new ReplyError('queued', message);
}
