/**
 * The user's actions still in the outbox: what each is, where it stands (sending, no answer yet
 * with the next try, not done with the reason) and, for one SyncLens gave up on, Try again and
 * Discard. Shared by the popup and the Sync Center. Reasons from the service are shown as text.
 */
import { formatCount } from '@/lib/format/amount';
import { clockTime } from '@/lib/format/time';
import { t } from '@/lib/i18n/t';
import type { ActionState } from '@/lib/messaging/action-commands';

export function actionLabel(action: ActionState): string {
  switch (action.kind) {
    case 'approve':
      return action.count === 1 ? t('actApproveOne') : t('actApproveMany', formatCount(action.count));
    case 'resync':
      return t('actResync');
    case 'clear-id':
      return t('actClearId');
    case 'bulk-resync':
      return action.count === 1 ? t('actBulkResyncOne') : t('actBulkResyncMany', formatCount(action.count));
    default:
      return '';
  }
}

/**
 * Why an action did not go through, in plain words: the kind of failure, or the service's own
 * sentence when it answered with an error. Never an address or a browser's technical words.
 */
export function actionReasonText(action: Pick<ActionState, 'reason' | 'message'>): string {
  switch (action.reason) {
    case 'unreachable':
      return t('actReasonUnreachable');
    case 'bad-reply':
      return t('actReasonBadReply');
    case 'signed-out':
      return t('actReasonSignedOut');
    case 'paused':
      return t('actReasonPaused');
    default:
      return action.message ?? t('actReasonUnreachable');
  }
}

export function actionStateText(action: ActionState): string {
  if (action.state === 'sending') return t('actStateSending');
  if (action.state === 'not-done') return t('actStateNotDone', actionReasonText(action));
  const next = action.nextAttemptAt ? new Date(action.nextAttemptAt) : null;
  return next && !Number.isNaN(next.getTime()) ? t('actStateWaitingAt', clockTime(next)) : t('actStateWaiting');
}

export function WaitingActions({
  actions,
  onRetry,
  onDiscard,
}: {
  actions: readonly ActionState[];
  onRetry: (key: string) => void;
  onDiscard: (key: string) => void;
}) {
  const open = actions.filter((a) => a.state === 'sending' || a.state === 'waiting' || a.state === 'not-done');
  if (open.length === 0) return null;
  return (
    <section class="waiting-actions" data-testid="waiting-actions" aria-labelledby="waiting-actions-title">
      <h2 id="waiting-actions-title" class="waiting-actions__title">
        {t('actWaitingTitle')}
      </h2>
      <ul class="waiting-actions__list">
        {open.map((action) => (
          <li key={action.key} class={`waiting-action waiting-action--${action.state}`} data-testid="waiting-action" data-state={action.state}>
            <span class="waiting-action__what">{actionLabel(action)}</span>
            <span class="waiting-action__state">{actionStateText(action)}</span>
            {action.state === 'not-done' && (
              <span class="waiting-action__buttons">
                <button type="button" class="button button--small" data-testid="action-retry" onClick={() => onRetry(action.key)}>
                  {t('actRetry')}
                </button>
                <button type="button" class="button button--small" data-testid="action-discard" onClick={() => onDiscard(action.key)}>
                  {t('actDiscard')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
