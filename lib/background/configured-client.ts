/**
 * The API client for a company key: the scoped client of the sync service the company belongs to,
 * or a clear `unconfigured` / `rejected` reply when there is none.
 */
import type { ApiClient } from '../api/client';
import { connectionForKey } from '../connections/connection';
import { ReplyError } from '../messaging/router';
import { isConfigured, isConnectionConfigured, loadSettings, type Settings } from '../settings/store';
import { clientFor, type BackgroundContext } from './context';
import { t } from '../i18n/t';
import type { PollGate } from '../poll/gate';

/**
 * `settings`: as the caller read them for this request, when it has (else read here); `gates`:
 * the services' pauses, when the caller started reading them already (else read at the request).
 */
export async function clientForCompany(ctx: BackgroundContext, companyKey: string, settings?: Settings, gates?: Promise<Record<string, PollGate>>): Promise<ApiClient> {
  settings ??= await loadSettings();
  if (!isConfigured(settings)) throw new ReplyError('unconfigured', t('bgNotConnected'));
  const connection = connectionForKey(settings, companyKey);
  if (!connection) throw new ReplyError('rejected', t('bgCompanyNoService'));
  if (!isConnectionConfigured(connection)) throw new ReplyError('unconfigured', t('bgNotConnected'));
  return clientFor(ctx, connection, settings.connections.map((c) => c.id), gates);
}
