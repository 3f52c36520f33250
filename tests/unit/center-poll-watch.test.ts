import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STATUS_KEY } from '@/lib/background/status';
import { watchPolls } from '@/lib/center/poll-watch';

const status = (lastSuccessAt: string | null, state = 'ok') => ({ state, lastSuccessAt, failingSince: null, message: null, nextPollAt: null });

describe('an open Sync Center follows the polls', () => {
  it('reloads after each successful poll, not after failures or other settings', async () => {
    const afterPoll = vi.fn();
    const stop = watchPolls(fakeBrowser.storage.onChanged, afterPoll);
    await fakeBrowser.storage.local.set({ [STATUS_KEY]: status('2026-11-26T07:00:00.000Z') });
    expect(afterPoll).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.local.set({ [STATUS_KEY]: status('2026-11-26T07:00:00.000Z', 'unreachable') });
    await fakeBrowser.storage.local.set({ other: 1 });
    expect(afterPoll).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.local.set({ [STATUS_KEY]: status('2026-11-26T07:05:00.000Z') });
    expect(afterPoll).toHaveBeenCalledTimes(2);
    stop();
    await fakeBrowser.storage.local.set({ [STATUS_KEY]: status('2026-11-26T07:10:00.000Z') });
    expect(afterPoll).toHaveBeenCalledTimes(2);
  });
});
