/** settings.get / settings.save / settings.test. */
import { createApiClient } from '../api/client';
import { isApiError } from '../api/errors';
import { clearConnectionData } from '../db/cache';
import type { ConnectionTestResult, PayloadOf, PublicSettings } from '../messaging/protocol';
import { ReplyError } from '../messaging/router';
import { forgetGates } from '../poll/gate';
import { ensurePollAlarm } from '../poll/scheduler';
import { checkApiUrl } from '../settings/api-url';
import { changedConnections, loadSettings, sameOrigin, saveSettings, SettingsError, toPublic } from '../settings/store';
import type { BackgroundContext } from './context';
import { pollNow } from './poll-cycle';
import { loadConnectionStatuses, saveConnectionStatuses } from './status';
import { formatCount } from '../format/amount';
import { t } from '../i18n/t';

export async function getPublicSettings(): Promise<PublicSettings> {
  return toPublic(await loadSettings());
}

export async function savePublicSettings(ctx: BackgroundContext, input: PayloadOf<'settings.save'>): Promise<PublicSettings> {
  let saved;
  try {
    saved = await saveSettings(input);
  } catch (err) {
    if (err instanceof SettingsError) throw new ReplyError('rejected', err.message);
    throw err;
  }
  const { removed, changed } = changedConnections(saved.before, saved.after);
  const stale = [...removed, ...changed];
  if (stale.length > 0) {
    // Another service or account, or none: its data, back-off and failures do not carry over.
    const idsBefore = saved.before.connections.map((c) => c.id);
    for (const id of stale) await clearConnectionData(ctx.db, id, idsBefore, { forget: removed.includes(id) });
    await forgetGates(stale);
    const statuses = await loadConnectionStatuses();
    await saveConnectionStatuses(Object.fromEntries(Object.entries(statuses).filter(([id]) => !stale.includes(id))));
  }
  await ensurePollAlarm(saved.after.pollMinutes);
  await pollNow(ctx, 'user');
  return toPublic(saved.after);
}

/** Tries a URL and token without saving them; never throws, always a sentence for the user. */
export async function testConnection(ctx: BackgroundContext, input: PayloadOf<'settings.test'>): Promise<ConnectionTestResult> {
  const url = checkApiUrl(input.apiUrl);
  if (!url.ok) return { ok: false, message: url.message, companies: [] };
  const stored = input.connectionId ? (await loadSettings()).connections.find((c) => c.id === input.connectionId) : undefined;
  const typed = input.token?.trim();
  if (!typed && stored?.token && !sameOrigin(stored.apiUrl, url.url)) return { ok: false, message: t('bgTestTokenForNewAddress'), companies: [] };
  const token = typed || stored?.token;
  if (!token) return { ok: false, message: t('bgTestNoToken'), companies: [] };
  // Plain ids on purpose: the page builds this service's follow list from them.
  const client = createApiClient({ baseUrl: url.url, token, fetch: ctx.fetch });
  try {
    await client.health();
    const companies = await client.companies();
    const n = companies.length;
    return { ok: true, message: n === 1 ? t('bgTestConnectedOne') : t('bgTestConnectedMany', formatCount(n)), companies };
  } catch (err) {
    if (!isApiError(err)) throw err;
    const message =
      err.code === 'signed-out'
        ? t('bgTestTokenRefused')
        : err.code === 'unreachable'
          ? err.message
          : err.code === 'bad-reply'
            ? t('bgTestNotSyncLens', url.url, err.message)
            : err.message;
    return { ok: false, message, companies: [] };
  }
}
