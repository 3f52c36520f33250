/** One handler per protocol command; the router has already checked sender and payload. */
import type { Handlers } from '../messaging/router';
import { authorizeContentAction } from '../records/content-authority';
import type { BackgroundContext } from './context';
import { pollNow } from './poll-cycle';
import { getPublicSettings, savePublicSettings, testConnection } from './settings-handlers';
import { buildSnapshot } from './snapshot';
import { clearUnsyncedId, resyncUnsynced } from './unsynced';
import { approveWizard, cachedWizard, loadWizard } from './wizard';

/** The commands this module answers; the overlay's commands come from the overlay's own handlers. */
export const CORE_COMMANDS = [
  'state.get', 'state.refresh', 'wizard.cached', 'wizard.load', 'wizard.approve',
  'unsynced.resync', 'unsynced.clearId', 'settings.get', 'settings.save', 'settings.test',
] as const;
export type CoreHandlers = Pick<Handlers, (typeof CORE_COMMANDS)[number]>;

export function createHandlers(ctx: BackgroundContext): CoreHandlers {
  return {
    'state.get': () => buildSnapshot(ctx),
    'state.refresh': async () => {
      await pollNow(ctx, 'user');
      return buildSnapshot(ctx);
    },
    'wizard.cached': ({ companyId }) => cachedWizard(ctx, companyId),
    'wizard.load': ({ companyId }) => loadWizard(ctx, companyId),
    'wizard.approve': (payload) => approveWizard(ctx, payload),
    'unsynced.resync': async (payload, { from, tab }) => {
      if (from === 'content') await authorizeContentAction(ctx, tab, payload);
      return resyncUnsynced(ctx, payload);
    },
    'unsynced.clearId': async (payload, { from, tab }) => {
      if (from === 'content') await authorizeContentAction(ctx, tab, payload);
      return clearUnsyncedId(ctx, payload);
    },
    'settings.get': () => getPublicSettings(),
    'settings.save': (payload) => savePublicSettings(ctx, payload),
    'settings.test': (payload) => testConnection(ctx, payload),
  };
}
