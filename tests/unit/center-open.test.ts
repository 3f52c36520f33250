/** Opening the Sync Center from the popup: the side panel when possible, a tab otherwise. */
import { describe, expect, it, vi } from 'vitest';
import { openSyncCenter } from '@/lib/center/open-center';

const pageUrl = (path: string) => `chrome-extension://abc${path}`;

describe('openSyncCenter', () => {
  it('opens the side panel of the current window', async () => {
    const open = vi.fn(async () => undefined);
    const openTab = vi.fn(async () => undefined);
    expect(await openSyncCenter({ sidePanel: { open }, windowId: 7, openTab, pageUrl })).toBe('side-panel');
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    expect(openTab).not.toHaveBeenCalled();
  });

  it('falls back to a tab when the side panel API is missing or fails', async () => {
    const openTab = vi.fn(async () => undefined);
    expect(await openSyncCenter({ sidePanel: undefined, windowId: 7, openTab, pageUrl })).toBe('tab');
    expect(openTab).toHaveBeenLastCalledWith('chrome-extension://abc/sidepanel.html');
    const failing = { open: vi.fn(async () => Promise.reject(new Error('no user gesture'))) };
    expect(await openSyncCenter({ sidePanel: failing, windowId: 7, openTab, pageUrl }, { tab: 'log', companyId: 'evergreen' })).toBe('tab');
    expect(openTab).toHaveBeenLastCalledWith('chrome-extension://abc/sidepanel.html#tab=log&company=evergreen');
    expect(await openSyncCenter({ sidePanel: failing, windowId: undefined, openTab, pageUrl })).toBe('tab');
    expect(failing.open).toHaveBeenCalledTimes(1);
  });
});
