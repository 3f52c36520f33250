/**
 * "Explain a QuickBooks error" on QuickBooks Online pages: the keyboard shortcut (commands API,
 * handled in the background) sends a notice to this tab, and a small dialog opens. Notices are
 * accepted only from our own background, never from the page.
 */
import { render } from 'preact';
import { browser, type Browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ExplainLookup } from '@/components/errors/ExplainLookup';
import type { OverlayServices } from './overlay-services';

export function isFromOurBackground(sender: Browser.runtime.MessageSender, ownId: string): boolean {
  return sender.id === ownId && !sender.tab;
}

export function installExplainBox(services: OverlayServices): void {
  let open: (() => void) | null = null;

  const show = async () => {
    if (open) return;
    const ui = await createShadowRootUi(services.ctx, {
      name: 'synclens-explain',
      position: 'modal',
      zIndex: 2147483000,
      onMount(container) {
        const close = () => {
          ui.remove();
          open = null;
        };
        render(
          <div class="sl-modal-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
            <div
              class="sl-modal"
              role="dialog"
              aria-modal="true"
              aria-label="Explain a QuickBooks error"
              data-testid="explain-box"
              onKeyDown={(e) => e.key === 'Escape' && close()}
            >
              <div class="sl-modal-head">
                <strong>Explain a QuickBooks error</strong>
                <button type="button" class="sl-icon-button" aria-label="Close" onClick={close}>
                  ✕
                </button>
              </div>
              <ExplainLookup autoFocus explain={(text, system) => services.ask('error.explain', { text, system })} />
            </div>
          </div>,
          container,
        );
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
    open = () => ui.remove();
  };

  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isFromOurBackground(sender, browser.runtime.id)) return;
    if ((message as { notice?: unknown })?.notice === 'overlay.openExplain') void show();
  };
  browser.runtime.onMessage.addListener(listener);
  services.ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}
