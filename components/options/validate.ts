/**
 * The options page's view of the sync service address: the one shared rule (lib/settings/api-url:
 * https, except for a service on this computer) plus the origin the host permission is asked for.
 */
import { formatCount } from '@/lib/format/amount';
import { t } from '@/lib/i18n/t';
import { checkApiUrl as checkSharedApiUrl } from '@/lib/settings/api-url';

export type UrlCheck = { ok: true; url: string; origin: string } | { ok: false; message: string };

export function checkApiUrl(input: string): UrlCheck {
  const check = checkSharedApiUrl(input);
  return check.ok ? { ...check, origin: new URL(check.url).origin } : check;
}

/** "5 minutes", "1 minute", "30 seconds" for the poll interval select, in the browser's language. */
export function intervalLabel(minutes: number): string {
  if (minutes < 1) {
    const seconds = Math.round(minutes * 60);
    return seconds === 1 ? t('optionsIntervalSecondOne') : t('optionsIntervalSecondMany', formatCount(seconds));
  }
  return minutes === 1 ? t('optionsIntervalMinuteOne') : t('optionsIntervalMinuteMany', formatCount(minutes));
}
