/** Whole-popup states: not configured, token refused, service unreachable, other errors, loading. */
import { shortTime } from '@/lib/format/time';

export function UnconfiguredPanel({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <div class="panel" data-testid="state-unconfigured">
      <h2 class="panel__title">Connect SyncLens to your sync service</h2>
      <p>Add the sync service address and access token to see what is waiting for QuickBooks.</p>
      <button type="button" class="button button--primary" onClick={onOpenSettings}>
        Open settings
      </button>
    </div>
  );
}

export function SignedOutBanner({ message, onOpenSettings }: { message: string | null; onOpenSettings: () => void }) {
  return (
    <div class="banner banner--error" data-testid="state-signed-out" role="alert">
      <p class="banner__title">The sync service refused the token</p>
      <p>Enter a new access token in settings.{message ? ` (${message})` : ''}</p>
      <button type="button" class="button" onClick={onOpenSettings}>
        Update token
      </button>
    </div>
  );
}

export function OfflineBanner({ since, now, onRetry, retrying }: { since: string | null; now: Date; onRetry: () => void; retrying: boolean }) {
  const when = shortTime(since, now);
  return (
    <div class="banner banner--warn" data-testid="state-offline" role="status">
      <p>
        Can't reach the sync service. {when ? `Showing data from ${when}.` : 'Nothing has been loaded yet.'}
      </p>
      <button type="button" class="button button--small" onClick={onRetry} disabled={retrying} aria-busy={retrying}>
        {retrying ? 'Trying…' : 'Try again'}
      </button>
    </div>
  );
}

export function ErrorBanner({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div class="banner banner--error" data-testid="state-error" role="alert">
      <p>{message}</p>
      <button type="button" class="button button--small" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

export function LoadingSkeleton() {
  return (
    <div class="loading" data-testid="popup-loading" aria-busy="true" aria-label="Loading">
      <div class="skeleton skeleton--short" />
      <div class="skeleton" />
      <div class="skeleton" />
      <div class="skeleton" />
    </div>
  );
}
