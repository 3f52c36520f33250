/** The API client for the saved settings, or a clear `unconfigured` reply when there are none. */
import type { ApiClient } from '../api/client';
import { ReplyError } from '../messaging/router';
import { isConfigured, loadSettings } from '../settings/store';
import { clientFor, type BackgroundContext } from './context';
import { t } from '../i18n/t';

export async function configuredClient(ctx: BackgroundContext): Promise<ApiClient> {
  const settings = await loadSettings();
  if (!isConfigured(settings)) {
    throw new ReplyError('unconfigured', t('bgNotConnected'));
  }
  return clientFor(ctx, settings);
}
