/**
 * "Explain a QuickBooks error" on QuickBooks Online pages: the keyboard shortcut (commands API,
 * handled in the background) sends a notice to this tab, and a small dialog opens. Notices are
 * accepted only from our own background, never from the page.
 */
import { render } from 'preact';
import { browser, type Browser } from 'wxt/browser';
import { ExplainLookup } from '@/components/errors/ExplainLookup';
import type { OverlayServices } from './overlay-services';
import { createShadowHost, overlayCss } from './shadow-host';
import { t } from '../i18n/t';

export function isFromOurBackground(sender: Browser.runtime.MessageSender, ownId: string): boolean {
  return sender.id === ownId && !sender.tab;
}

export function installExplainBox(services: OverlayServices): void {
  let open: (() => void) | null = null;

  const show = async () => {
    if (open) return;
    const css = await overlayCss();
    const { host, container } = createShadowHost(document, 'synclens-explain', css);
    host.setAttribute('style', 'position:fixed;inset:0;z-index:2147483000');
    const close = () => {
      render(null, container);
      host.remove();
      open = null;
    };
    open = close;
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
          <ExplainLookup autoFocus explain={(text, system) => services.ask('error.explain', { text, system })} />
        </div>
      </div>,
      container,
    );
    document.body.append(host);
  };

  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isFromOurBackground(sender, browser.runtime.id)) return;
    if ((message as { notice?: unknown })?.notice === 'overlay.openExplain') void show();
  };
  browser.runtime.onMessage.addListener(listener);
  services.ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
