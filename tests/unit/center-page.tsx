/**
 * The Sync Center rendered into a fresh element for each test, with a recording fake background
 * (tests/unit/fake-background.ts): one setup for the page tests instead of a copy in each file.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { CenterApp } from '@/components/center/CenterApp';
import { createCenterStore, type CenterDeps } from '@/components/center/store';
import type { CommandName } from '@/lib/messaging/protocol';
import { recordingSend, type FakeHandlers } from './fake-background';
import { renderRoot } from './render-root';

/** Registers the page's element for every test of the file; returns how to reach it and mount into it. */
export function centerPage(now: Date) {
  const root = renderRoot();
  return {
    root,
    /** Renders the Sync Center answered by `handlers`, and waits for its start-up. */
    async mount(handlers: FakeHandlers, deps: Partial<Omit<CenterDeps, 'send'>> = {}) {
      const { send, calls } = recordingSend(handlers);
      const store = createCenterStore({ send, openOptions: vi.fn(), ...deps });
      await act(async () => {
        render(<CenterApp store={store} now={now} />, root());
        await store.start();
      });
      return { store, calls, of: (command: CommandName) => calls.filter((c) => c.command === command) };
    },
  };
}
