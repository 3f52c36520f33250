/** The API client for the saved settings, or a clear `unconfigured` reply when there are none. */
import type { ApiClient } from '../api/client';
import { ReplyError } from '../messaging/router';
import { isConfigured, loadSettings } from '../settings/store';
import { clientFor, type BackgroundContext } from './context';

export async function configuredClient(ctx: BackgroundContext): Promise<ApiClient> {
  const settings = await loadSettings();
  if (!isConfigured(settings)) {
    throw new ReplyError('unconfigured', 'SyncLens is not connected yet: add the sync service address and token in the options.');
  }
  return clientFor(ctx, settings);
}
