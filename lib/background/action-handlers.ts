/** actions.status / actions.list / actions.retry / actions.discard: the user's actions in the outbox. */
import { ReplyError, type Handlers } from '../messaging/router';
import type { actionCommands } from '../messaging/action-commands';
import { actionStates, outboxStates } from '../outbox/action-status';
import { deliver, discardAction, resetForRetry } from '../outbox/outbox';
import { t } from '../i18n/t';
import { clientForCompany } from './configured-client';
import type { BackgroundContext } from './context';
import { scheduleOutboxRetry } from './outbox-retry';
import { pollNow } from './poll-cycle';

export type ActionHandlers = Pick<Handlers, keyof typeof actionCommands>;

export function createActionHandlers(ctx: BackgroundContext): ActionHandlers {
  const stateOf = async (key: string) => (await actionStates(ctx.db, [key]))[0]!;
  return {
    'actions.status': async ({ keys }) => ({ actions: await actionStates(ctx.db, keys) }),
    'actions.list': async ({ companyId }) => ({ actions: await outboxStates(ctx.db, companyId) }),

    async 'actions.retry'({ key }) {
      const row = await resetForRetry(ctx.db, key);
      if (!row) return stateOf(key); // already finished: say how
      const result = await deliver(ctx.db, await clientForCompany(ctx, row.companyId), row, ctx.now);
      if (result.status === 'sent') {
        await ctx.onRecordsChanged?.(row.companyId).catch(() => undefined);
        await pollNow(ctx, 'user');
      } else {
        await scheduleOutboxRetry(ctx);
      }
      return stateOf(key);
    },

    async 'actions.discard'({ key }) {
      const row = await ctx.db.outbox.get(key);
      if (row && !(await discardAction(ctx.db, key, ctx.now()))) throw new ReplyError('rejected', t('bgActionBeingSent'));
      await scheduleOutboxRetry(ctx);
      return stateOf(key);
    },
  };
}
