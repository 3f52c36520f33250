import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDomWatch } from '@/lib/overlay/dom-watch';
import { showReloadNotice } from '@/lib/overlay/reload-notice';
import { watchForReload } from '@/lib/overlay/start-overlay';

afterEach(() => document.body.replaceChildren());

describe('after the extension is reloaded under an open tab', () => {
  it('stops the overlay and offers, once, to reload the tab', async () => {
    const ctx = { isValid: true };
    const watch = createDomWatch(document.body, 5);
    const lifetime = new AbortController();
    const stop = vi.fn(() => {
      lifetime.abort();
      showReloadNotice(document);
    });
    watchForReload(ctx, watch, lifetime.signal, stop);

    document.body.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 30));
    expect(stop).not.toHaveBeenCalled();
    expect(document.querySelector('synclens-reload-notice')).toBeNull();

    ctx.isValid = false;
    document.body.append(document.createElement('p'));
    await vi.waitFor(() => expect(stop).toHaveBeenCalledOnce());
    const notice = document.querySelector('synclens-reload-notice')!;
    expect(notice.shadowRoot!.textContent).toContain('Reload this tab');
    expect(watch.active).toBe(false); // nothing keeps observing a dead overlay
    expect(showReloadNotice(document)).toBe(notice); // never two notices
  });

  it('lets the user dismiss the notice', () => {
    const notice = showReloadNotice(document);
    (notice.shadowRoot!.querySelector('button.quiet') as HTMLButtonElement).click();
    expect(document.querySelector('synclens-reload-notice')).toBeNull();
  });
});
