/** A Sync Center tab's load error, said once and in plain words (lib/center/load-error). */
import { loadProblem, problemsThePageTells, type LoadTarget } from '@/lib/center/load-error';
import { t } from '@/lib/i18n/t';
import type { ReplyError } from '../common/client';
import { servicesToWarnAbout } from '../popup/services';
import type { CenterStore } from './store';

/**
 * A tab's load error, said once: nothing when the page's banner (or a service's warning line)
 * already says it and the tab still shows data; never an address or the browser's network words.
 */
export function LoadProblemLine({
  store,
  error,
  target,
  hasData,
  testId,
  waitingTestId,
  onRetry,
}: {
  store: CenterStore;
  error: ReplyError | null;
  target: LoadTarget;
  hasData: boolean;
  testId: string;
  waitingTestId: string;
  /** A Try again button on the error line (the banner has its own when the page tells the problem). */
  onRetry?: () => void;
}) {
  const told = problemsThePageTells(store.view.value, servicesToWarnAbout(store.snapshot.value).map((c) => c.status.state));
  const note = loadProblem(error, target, { told, hasData });
  if (!note) return null;
  return note.tone === 'error' ? (
    <p class="inline-error" role="alert" data-testid={testId}>
      {note.text}
      {onRetry && (
        <>
          {' '}
          <button type="button" class="button button--small" onClick={onRetry}>
            {t('commonTryAgain')}
          </button>
        </>
      )}
    </p>
  ) : (
    <p class="load-note" data-testid={waitingTestId}>
      {note.text}
    </p>
  );
}
