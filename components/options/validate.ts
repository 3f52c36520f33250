/**
 * The options page's view of the sync service address: the one shared rule (lib/settings/api-url:
 * https, except for a service on this computer) plus the origin the host permission is asked for.
 */
import { checkApiUrl as checkSharedApiUrl } from '@/lib/settings/api-url';

export type UrlCheck = { ok: true; url: string; origin: string } | { ok: false; message: string };

export function checkApiUrl(input: string): UrlCheck {
  const check = checkSharedApiUrl(input);
  return check.ok ? { ...check, origin: new URL(check.url).origin } : check;
}

/** "5 minutes", "1 minute", "30 seconds" for the poll interval select. */
export function intervalLabel(minutes: number): string {
  if (minutes < 1) {
    const seconds = Math.round(minutes * 60);
    return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  }
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
