/** Until when the sync service asked SyncLens to wait (Retry-After); the page keeps what it has. */
import { clockTime } from '@/lib/format/time';
import { t } from '@/lib/i18n/t';

export function PauseNote({ pausedUntil }: { pausedUntil: string | null | undefined }) {
  const until = pausedUntil ? new Date(pausedUntil) : null;
  if (!until || Number.isNaN(until.getTime())) return null;
  return (
    <p class="notice-line" data-testid="pause-note" role="status">
      {t('statusPausedUntil', clockTime(until))}
    </p>
  );
}
