import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkApiUrl, hostPermissionPattern } from '@/lib/settings/api-url';
import { DEFAULT_POLL_MINUTES, parsePollMinutes } from '@/lib/settings/defaults';
import { changedConnections, loadSettings, saveSettings, settingsFromStored, settingsRevision, SETTINGS_KEY, SettingsError, toPublic } from '@/lib/settings/store';
import { readVault, writeVault } from '@/lib/settings/vault';
import { oneService } from './one-service';
import { getPublicSettings } from '@/lib/background/settings-handlers';

const input = oneService('https://sync.example.com/', 'secret-token', { pollMinutes: 15, followed: ['c1', 'c1', 'c2'] });
const twoServices = {
  pollMinutes: 15,
  connections: [
    input.connections[0]!,
    { id: 'sabc123', name: ' Oak books ', apiUrl: 'https://oak.example.com', token: 'second-token', followedCompanyIds: [] },
  ],
};

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

  it('defaults to 5 minutes and no service when storage is empty (no build defaults in tests)', async () => {
    expect(await loadSettings()).toEqual({ connections: [], pollMinutes: DEFAULT_POLL_MINUTES });
  });

  it('reads settings saved before several services as the primary connection', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { apiUrl: 'https://sync.example.com', token: 'old-token', pollMinutes: 15, followedCompanyIds: ['c1'] } });
    expect(await loadSettings()).toEqual({
      connections: [{ id: 'primary', name: '', apiUrl: 'https://sync.example.com', token: 'old-token', followedCompanyIds: ['c1'] }],
      pollMinutes: 15,
    });
    expect(settingsFromStored({ apiUrl: '', token: '', pollMinutes: 5, followedCompanyIds: [] })).toEqual({ connections: [], pollMinutes: 5 });
    expect(settingsFromStored('junk')).toEqual({ connections: [], pollMinutes: DEFAULT_POLL_MINUTES });
  });

  it('parses a build-time poll period, falling back to the default for junk', () => {
    expect(parsePollMinutes('0.1')).toBe(0.1);
    expect(parsePollMinutes('15')).toBe(15);
    expect(parsePollMinutes('')).toBe(5);
    expect(parsePollMinutes('soon')).toBe(5);
    expect(parsePollMinutes('600')).toBe(5);
  });

  it('keeps settings in the vault (the extension\'s own IndexedDB), never in storage.local or storage.sync', async () => {
    const syncSet = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const syncGet = vi.spyOn(fakeBrowser.storage.sync, 'get');
    await saveSettings(input);
    await loadSettings();
    expect(syncSet).not.toHaveBeenCalled();
    expect(syncGet).not.toHaveBeenCalled();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('secret-token');
    expect(await readVault(SETTINGS_KEY)).toMatchObject({
      connections: [{ id: 'primary', name: '', apiUrl: 'https://sync.example.com', token: 'secret-token', tokenOrigin: 'https://sync.example.com', followedCompanyIds: ['c1', 'c2'] }],
      pollMinutes: 15,
    });
  });

  it('moves settings an earlier version kept in storage.local into the vault, once', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { connections: [{ id: 'primary', name: '', apiUrl: 'https://sync.example.com', token: 'old', followedCompanyIds: [] }], pollMinutes: 15 } });
    expect((await loadSettings()).connections[0]!.token).toBe('old');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect((await loadSettings()).connections[0]!.token).toBe('old');
  });

  it('never hands out a token for an address on another origin than the one it was given for', async () => {
    await saveSettings(input);
    // Whatever rewrote the stored address (a bug, a tampered profile), the token stays behind.
    const record = (await readVault(SETTINGS_KEY)) as { connections: { apiUrl: string }[] };
    record.connections[0]!.apiUrl = 'https://evil.example.net';
    await writeVault(SETTINGS_KEY, record);
    const settings = await loadSettings();
    expect(settings.connections[0]!.apiUrl).toBe('https://evil.example.net');
    expect(settings.connections[0]!.token).toBe('');
    expect(toPublic(settings).connections[0]!.hasToken).toBe(false);
    // The same origin with another path keeps it.
    record.connections[0]!.apiUrl = 'https://sync.example.com/v2';
    await writeVault(SETTINGS_KEY, record);
    expect((await loadSettings()).connections[0]!.token).toBe('secret-token');
  });

  it('counts a revision per save, so work started with older settings can tell', async () => {
    expect(await settingsRevision()).toBe(0);
    await saveSettings(input);
    const first = await settingsRevision();
    await Promise.all([saveSettings(input), saveSettings(input)]);
    expect(await settingsRevision()).toBe(first + 2);
  });

  it('keeps each connection\'s stored token when the new one is omitted or blank', async () => {
    await saveSettings(twoServices);
    const { after } = await saveSettings({
      pollMinutes: 30,
      connections: [
        { ...twoServices.connections[0]!, token: '  ' },
        { ...twoServices.connections[1]!, token: undefined, name: 'Oak Hill' },
      ],
    });
    expect(after.connections.map((c) => c.token)).toEqual(['secret-token', 'second-token']);
    expect(after.connections[1]!.name).toBe('Oak Hill');
    expect(after.pollMinutes).toBe(30);
  });

  it('refuses a bad URL with a clear message naming the service, and loses nothing', async () => {
    await saveSettings(twoServices);
    const bad = { ...twoServices, connections: [twoServices.connections[0]!, { ...twoServices.connections[1]!, apiUrl: 'http://oak.example.com' }] };
    await expect(saveSettings(bad)).rejects.toThrow(/^Oak books: Use https/);
    await expect(saveSettings(oneService('http://sync.example.com', 't'))).rejects.toThrow(SettingsError);
    expect((await loadSettings()).connections.map((c) => c.apiUrl)).toEqual(['https://sync.example.com', 'https://oak.example.com']);
  });

  it('refuses the same connection id twice', async () => {
    const twice = { ...twoServices, connections: [twoServices.connections[0]!, { ...twoServices.connections[1]!, id: 'primary' }] };
    await expect(saveSettings(twice)).rejects.toThrow(/listed twice/);
  });

  it('is idempotent: saving the same input twice gives the same settings and no connection change', async () => {
    const first = await saveSettings(twoServices);
    const second = await saveSettings(twoServices);
    expect(second.after).toEqual(first.after);
    expect(changedConnections(second.before, second.after)).toEqual({ removed: [], changed: [] });
  });

  it('tells removed connections from ones whose address or token changed', async () => {
    const { after: before } = await saveSettings(twoServices);
    const { after } = await saveSettings({ pollMinutes: 5, connections: [{ ...twoServices.connections[0]!, token: 'new-token' }] });
    expect(changedConnections(before, after)).toEqual({ removed: ['sabc123'], changed: ['primary'] });
  });

  it('never lets a token out: settings.get has hasToken only', async () => {
    await saveSettings(twoServices);
    const pub = await getPublicSettings();
    expect(pub).toEqual({
      pollMinutes: 15,
      connections: [
        { id: 'primary', name: '', apiUrl: 'https://sync.example.com', hasToken: true, followedCompanyIds: ['c1', 'c2'] },
        { id: 'sabc123', name: 'Oak books', apiUrl: 'https://oak.example.com', hasToken: true, followedCompanyIds: [] },
      ],
    });
    expect(JSON.stringify(pub)).not.toMatch(/secret-token|second-token/);
    expect(toPublic(await loadSettings()).connections[0]).not.toHaveProperty('token');
  });
});

describe('a saved token and a new address', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the token when only the path changes, and refuses to send it to another server', async () => {
    await saveSettings(oneService('https://sync.example.com', 'secret-token'));
    const moved = await saveSettings(oneService('https://sync.example.com/v2', undefined));
    expect(moved.after.connections[0]!.token).toBe('secret-token');
    await expect(saveSettings(oneService('https://evil.example.net', undefined))).rejects.toThrow(/enter the token for it/);
    await expect(saveSettings(oneService('https://sync.example.com:8443', ''))).rejects.toThrow(SettingsError);
    const withToken = await saveSettings(oneService('https://other.example.net', 'other-token'));
    expect(withToken.after.connections[0]).toMatchObject({ apiUrl: 'https://other.example.net', token: 'other-token' });
  });
});
