/** Whole-popup states: not configured, token refused, service unreachable, other errors, loading. */
import { clockTime, shortTime } from '@/lib/format/time';
import { t } from '@/lib/i18n/t';

export function UnconfiguredPanel({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <div class="panel" data-testid="state-unconfigured">
      <h2 class="panel__title">{t('statusUnconfiguredTitle')}</h2>
      <p>{t('statusUnconfiguredText')}</p>
      <button type="button" class="button button--primary" onClick={onOpenSettings}>
        {t('statusOpenSettings')}
      </button>
    </div>
  );
}

export function SignedOutBanner({ message, onOpenSettings }: { message: string | null; onOpenSettings: () => void }) {
  return (
    <div class="banner banner--error" data-testid="state-signed-out" role="alert">
      <p class="banner__title">{t('statusSignedOutTitle')}</p>
      <p>{message ? t('statusSignedOutTextWithReason', message) : t('statusSignedOutText')}</p>
      <button type="button" class="button" onClick={onOpenSettings}>
        {t('statusUpdateToken')}
      </button>
    </div>
  );
}

export function OfflineBanner({
  since,
  now,
  onRetry,
  retrying,
  nextRetryAt = null,
}: {
  since: string | null;
  now: Date;
  onRetry: () => void;
  retrying: boolean;
  /** When the page tries again on its own (epoch ms). */
  nextRetryAt?: number | null;
}) {
  const when = shortTime(since, now);
  return (
    <div class="banner banner--warn" data-testid="state-offline" role="status">
      <p>
        {when ? t('statusOfflineSince', when) : t('statusOfflineNothing')}
        {nextRetryAt !== null && !retrying && <span data-testid="next-retry"> {t('statusNextTryAt', clockTime(new Date(nextRetryAt)))}</span>}
      </p>
      <button type="button" class="button button--small" onClick={onRetry} disabled={retrying} aria-busy={retrying}>
        {retrying ? t('commonTrying') : t('commonTryAgain')}
      </button>
    </div>
  );
}

export function ErrorBanner({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div class="banner banner--error" data-testid="state-error" role="alert">
      <p>{message}</p>
      <button type="button" class="button button--small" onClick={onRetry}>
        {t('commonTryAgain')}
      </button>
    </div>
  );
}

export function LoadingSkeleton() {
  return (
    <div class="loading" data-testid="popup-loading" aria-busy="true" aria-label={t('commonLoading')}>
      <div class="skeleton skeleton--short" />
      <div class="skeleton" />
      <div class="skeleton" />
      <div class="skeleton" />
    </div>
  );
}
