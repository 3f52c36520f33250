/**
 * Checks the sync service address before anything is saved or requested. https is required so the
 * token never travels in clear text; plain http is allowed only for a service on this computer.
 */

export type UrlCheck = { ok: true; url: string; origin: string } | { ok: false; message: string };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkApiUrl(input: string): UrlCheck {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, message: 'Enter the address of your sync service, for example https://sync.example.com.' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: 'That is not a web address. It should look like https://sync.example.com.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'The address must start with https://.' };
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    return { ok: false, message: 'Use https:// for this address. Plain http:// is only allowed for localhost and 127.0.0.1.' };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Leave the user name and password out of the address; put the access token in the Token field.' };
  }
  // Trailing slashes are dropped so "https://x/" and "https://x" are the same setting.
  return { ok: true, url: trimmed.replace(/\/+$/, ''), origin: url.origin };
}

/** "5 minutes", "1 minute", "30 seconds" for the poll interval select. */
export function intervalLabel(minutes: number): string {
  if (minutes < 1) {
    const seconds = Math.round(minutes * 60);
    return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  }
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}
