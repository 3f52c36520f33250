/** Per company, where the download of its Web Connector file (.qwc) stands on the Connector tab. */
import { signal } from '@preact/signals';
import { qwcFileName, saveTextFile, type SaveTextFile } from '@/lib/center/qwc-file';
import { t } from '@/lib/i18n/t';
import type { SendCommand } from '../common/client';

export type QwcDownloadState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'saved'; fileName: string }
  | { kind: 'error'; message: string };

const IDLE: QwcDownloadState = { kind: 'idle' };

export function createConnectorFileStore(deps: { send: SendCommand; saveFile?: SaveTextFile }) {
  const save = deps.saveFile ?? saveTextFile;
  const states = signal<ReadonlyMap<string, QwcDownloadState>>(new Map());

  const set = (companyId: string, state: QwcDownloadState) => {
    states.value = new Map(states.value).set(companyId, state);
  };

  async function download(companyId: string, companyName: string): Promise<void> {
    if (stateOf(companyId).kind === 'busy') return;
    set(companyId, { kind: 'busy' });
    const reply = await deps.send('connector.qwcFile', { companyId });
    if (!reply.ok) {
      set(companyId, { kind: 'error', message: t('qwcFailed', reply.error.message) });
      return;
    }
    const fileName = qwcFileName(companyName);
    try {
      save(reply.data.text, fileName);
    } catch (err) {
      set(companyId, { kind: 'error', message: t('qwcFailed', err instanceof Error ? err.message : String(err)) });
      return;
    }
    set(companyId, { kind: 'saved', fileName });
  }

  function stateOf(companyId: string): QwcDownloadState {
    return states.value.get(companyId) ?? IDLE;
  }

  return { states, stateOf, download };
}

export type ConnectorFileStore = ReturnType<typeof createConnectorFileStore>;
