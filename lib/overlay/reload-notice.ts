/**
 * After SyncLens is updated or reloaded, the script left in an open QuickBooks tab can no longer
 * reach the extension (not even its CSS). It stops quietly and leaves one small notice, built
 * from plain DOM in its own shadow root, offering to reload the tab.
 */
import { t, type MessageKey } from '../i18n/t';

const HOST_TAG = 'synclens-reload-notice';

/**
 * The catalog may be out of reach once the extension context is gone, so each text has its English
 * fallback here: the one place where English is written next to a key on purpose.
 */
function textOr(key: MessageKey, english: string): string {
  try {
    const text = t(key);
    return text && text !== key ? text : english;
  } catch {
    return english;
  }
}

const STYLE = `
  .box { position: fixed; right: 16px; bottom: 72px; z-index: 2147483000; max-width: 320px;
    font: 13px/1.4 system-ui, sans-serif; color: #1f2933; background: #fff; border: 1px solid #d5dbe1;
    border-left: 4px solid #868e96; border-radius: 8px; box-shadow: 0 2px 8px rgb(0 0 0 / .15); padding: 8px 10px; }
  button { font: inherit; margin-top: 6px; margin-right: 6px; padding: 3px 10px; border-radius: 6px;
    border: 1px solid #2b8a3e; background: #2b8a3e; color: #fff; cursor: pointer; }
  button.quiet { background: none; color: #5f6b76; border-color: #d5dbe1; }
`;

export function showReloadNotice(doc: Document): HTMLElement {
  const existing = doc.querySelector<HTMLElement>(HOST_TAG);
  if (existing) return existing;
  const host = doc.createElement(HOST_TAG);
  host.dataset.testid = 'synclens-reload-notice';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'status');
  const text = doc.createElement('div');
  text.textContent = textOr('overlayReloadText', 'SyncLens was updated or reloaded. Reload this tab to see sync status again.');
  const reload = doc.createElement('button');
  reload.type = 'button';
  reload.textContent = textOr('overlayReloadButton', 'Reload this tab');
  reload.addEventListener('click', () => doc.defaultView?.location.reload());
  const dismiss = doc.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'quiet';
  dismiss.textContent = textOr('overlayReloadDismiss', 'Not now');
  dismiss.addEventListener('click', () => host.remove());
  box.append(text, reload, dismiss);
  shadow.append(style, box);
  doc.body.append(host);
  return host;
}
