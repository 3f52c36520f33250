/**
 * Validation of the sync service's base URL. Shared by settings (to refuse a bad URL with a clear
 * message) and the API client (which never sends a token to an unchecked URL).
 */
import { apiText } from '../api/errors';

export type ApiUrlCheck = { ok: true; url: string } | { ok: false; message: string };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Returns the normalised base URL (no trailing slash) or a human reason why it is refused. */
export function checkApiUrl(input: string): ApiUrlCheck {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, message: apiText('settingsUrlEmpty') };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: apiText('settingsUrlInvalid', trimmed) };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: apiText('settingsUrlProtocol', url.protocol) };
  }
  // The token travels in every request: plain http is only acceptable on this computer.
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    return { ok: false, message: apiText('settingsUrlPlainHttp', url.hostname) };
  }
  if (url.username || url.password) {
    return { ok: false, message: apiText('settingsUrlCredentials') };
  }
  if (url.search || url.hash) {
    return { ok: false, message: apiText('settingsUrlQueryOrHash') };
  }
  return { ok: true, url: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

/** The origin pattern the optional host permission must cover for this URL. */
export function hostPermissionPattern(apiUrl: string): string {
  const { protocol, hostname } = new URL(apiUrl);
  return `${protocol}//${hostname}/*`;
}
