import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkApiUrl, hostPermissionPattern } from '@/lib/settings/api-url';
import { DEFAULT_POLL_MINUTES, parsePollMinutes } from '@/lib/settings/defaults';
import { connectionChanged, loadSettings, saveSettings, SETTINGS_KEY, SettingsError, toPublic } from '@/lib/settings/store';
import { getPublicSettings } from '@/lib/background/settings-handlers';

const input = { apiUrl: 'https://sync.example.com/', token: 'secret-token', pollMinutes: 15, followedCompanyIds: ['c1', 'c1', 'c2'] };

describe('API URL validation', () => {
  it('accepts https anywhere and http only on this computer, normalising the trailing slash', () => {
    expect(checkApiUrl(' https://sync.example.com/base/ ')).toEqual({ ok: true, url: 'https://sync.example.com/base' });
    expect(checkApiUrl('http://127.0.0.1:8787')).toEqual({ ok: true, url: 'http://127.0.0.1:8787' });
    expect(checkApiUrl('http://localhost:3000/')).toEqual({ ok: true, url: 'http://localhost:3000' });
  });

  it.each([
    ['', /Enter the address/],
    ['sync.example.com', /not a web address/],
    ['ftp://sync.example.com', /Only https/],
    ['javascript:alert(1)', /Only https/],
    ['http://sync.example.com', /Use https/],
    ['https://user:pw@sync.example.com', /token field/],
    ['https://sync.example.com/?x=1', /\? or #/],
  ])('refuses %j with a clear message', (url, message) => {
    const result = checkApiUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('gives the host permission pattern for an origin', () => {
    expect(hostPermissionPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1/*');
  });
});

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to 5 minutes and nothing configured when storage is empty (no build defaults in tests)', async () => {
    expect(await loadSettings()).toEqual({ apiUrl: '', token: '', pollMinutes: DEFAULT_POLL_MINUTES, followedCompanyIds: [] });
  });

  it('parses a build-time poll period, falling back to the default for junk', () => {
    expect(parsePollMinutes('0.1')).toBe(0.1);
    expect(parsePollMinutes('15')).toBe(15);
    expect(parsePollMinutes('')).toBe(5);
    expect(parsePollMinutes('soon')).toBe(5);
    expect(parsePollMinutes('600')).toBe(5);
  });

  it('saves to storage.local only, never storage.sync', async () => {
    const syncSet = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const syncGet = vi.spyOn(fakeBrowser.storage.sync, 'get');
    await saveSettings(input);
    await loadSettings();
    expect(syncSet).not.toHaveBeenCalled();
    expect(syncGet).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    const stored = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    expect(stored).toEqual({ apiUrl: 'https://sync.example.com', token: 'secret-token', pollMinutes: 15, followedCompanyIds: ['c1', 'c2'] });
  });

  it('keeps the stored token when the new one is omitted or blank', async () => {
    await saveSettings(input);
    const { after } = await saveSettings({ ...input, token: '  ', pollMinutes: 30 });
    expect(after.token).toBe('secret-token');
    expect(after.pollMinutes).toBe(30);
    const again = await saveSettings({ apiUrl: input.apiUrl, pollMinutes: 30, followedCompanyIds: [] });
    expect(again.after.token).toBe('secret-token');
  });

  it('refuses a bad URL with a clear message and loses nothing', async () => {
    await saveSettings(input);
    await expect(saveSettings({ ...input, apiUrl: 'http://sync.example.com' })).rejects.toThrow(SettingsError);
    expect((await loadSettings()).apiUrl).toBe('https://sync.example.com');
  });

  it('is idempotent: saving the same input twice gives the same settings and no connection change', async () => {
    const first = await saveSettings(input);
    const second = await saveSettings(input);
    expect(second.after).toEqual(first.after);
    expect(connectionChanged(second.before, second.after)).toBe(false);
    expect(connectionChanged(first.before, first.after)).toBe(true);
  });

  it('never lets the token out: settings.get has hasToken only', async () => {
    await saveSettings(input);
    const pub = await getPublicSettings();
    expect(pub).toEqual({ apiUrl: 'https://sync.example.com', hasToken: true, pollMinutes: 15, followedCompanyIds: ['c1', 'c2'] });
    expect(JSON.stringify(pub)).not.toContain('secret-token');
    expect(toPublic(await loadSettings())).not.toHaveProperty('token');
  });
});
