/**
 * The "Explain a QuickBooks error" dialog itself, on a QuickBooks Online page. It is not part of
 * the content script: the script loads it from the extension the first time the keyboard shortcut
 * asks for it (entrypoints/qbo-explain.ts, see ./explain-box.tsx), so the page's script stays small.
 * It renders into a shadow host of its own, never into the chip's tree.
 */
import { render } from 'preact';
import { ExplainLookup, type ExplainFn } from '@/components/errors/ExplainLookup';
import { createShadowHost, overlayCss } from './shadow-host';
import { t } from '../i18n/t';

/** Opens the dialog; `onClose` runs once when the user closes it. */
export async function openExplainDialog(explain: ExplainFn, onClose: () => void): Promise<void> {
  const css = await overlayCss();
  const { host, container } = createShadowHost(document, 'synclens-explain', css);
  host.setAttribute('style', 'position:fixed;inset:0;z-index:2147483000');
  const close = () => {
    render(null, container);
    host.remove();
    onClose();
  };
  render(
    <div class="sl-modal-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
      <div
        class="sl-modal"
        role="dialog"
        aria-modal="true"
        aria-label={t('explainTitle')}
        data-testid="explain-box"
        onKeyDown={(e) => e.key === 'Escape' && close()}
      >
        <div class="sl-modal-head">
          <strong>{t('explainTitle')}</strong>
          <button type="button" class="sl-icon-button" aria-label={t('commonClose')} onClick={close}>
            ✕
          </button>
        </div>
        <ExplainLookup autoFocus explain={explain} />
      </div>
    </div>,
    container,
  );
  document.body.append(host);
}
