/**
 * Settings storage. Kept in storage.local only: storage.sync would copy API tokens to every
 * browser the user signs into. Tokens never leave the background: pages get `toPublic()`.
 *
 * Settings hold a list of connections (one per sync service) and one poll period. Settings saved
 * before several services existed (a single URL, token and follow list) are read as one
 * connection with the `primary` id, whose company ids are the plain ones already stored elsewhere.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { Id } from '../api/schema';
import { ConnectionId, PRIMARY_CONNECTION_ID } from '../connections/company-key';
import { connectionName } from '../connections/connection';
import { PollMinutes, type PublicSettings, type SettingsInput } from '../messaging/protocol';
import { t } from '../i18n/t';
import { checkApiUrl } from './api-url';
import { AnyPollMinutes, buildDefaults } from './defaults';

export interface Connection {
  id: string;
  /** The user's label ("Evergreen's books"); empty shows the service's host name. */
  name: string;
  apiUrl: string;
  token: string;
  /** Plain company ids of this service; empty follows every company it lists. */
  followedCompanyIds: string[];
}

export interface Settings {
  connections: Connection[];
  pollMinutes: number;
}

export const SETTINGS_KEY = 'settings';
export const MAX_CONNECTIONS = 20;

const StoredConnection = v.object({
  id: ConnectionId,
  name: v.string(),
  apiUrl: v.string(),
  token: v.string(),
  followedCompanyIds: v.array(Id),
});

const StoredSettings = v.object({
  connections: v.array(StoredConnection),
  pollMinutes: AnyPollMinutes,
});

/** What versions before several services stored. */
const LegacySettings = v.object({
  apiUrl: v.string(),
  token: v.string(),
  pollMinutes: AnyPollMinutes,
  followedCompanyIds: v.array(Id),
});

/** Thrown when input cannot be saved; the message is meant for the options page as is. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Pure: settings from whatever storage holds (current shape, the single-service shape, or nothing). */
export function settingsFromStored(stored: unknown): Settings {
  const current = v.safeParse(StoredSettings, stored);
  if (current.success) return current.output;
  const legacy = v.safeParse(LegacySettings, stored);
  if (legacy.success) {
    const { apiUrl, token, pollMinutes, followedCompanyIds } = legacy.output;
    const connections = apiUrl || token ? [{ id: PRIMARY_CONNECTION_ID, name: '', apiUrl, token, followedCompanyIds }] : [];
    return { connections, pollMinutes };
  }
  const defaults = buildDefaults();
  const connections = defaults.apiUrl
    ? [{ id: PRIMARY_CONNECTION_ID, name: '', apiUrl: defaults.apiUrl, token: defaults.token, followedCompanyIds: [] }]
    : [];
  return { connections, pollMinutes: defaults.pollMinutes };
}

export async function loadSettings(): Promise<Settings> {
  return settingsFromStored((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** True when a connection has both a URL and a token, so it can be polled. */
export function isConnectionConfigured(connection: Pick<Connection, 'apiUrl' | 'token'>): boolean {
  return connection.apiUrl !== '' && connection.token !== '';
}

/** True when at least one connection can be polled. */
export function isConfigured(settings: Settings): boolean {
  return settings.connections.some(isConnectionConfigured);
}

export function configuredConnections(settings: Settings): Connection[] {
  return settings.connections.filter(isConnectionConfigured);
}

export function toPublic(settings: Settings): PublicSettings {
  return {
    pollMinutes: settings.pollMinutes,
    connections: settings.connections.map((c) => ({
      id: c.id,
      name: c.name,
      apiUrl: c.apiUrl,
      hasToken: c.token !== '',
      followedCompanyIds: [...c.followedCompanyIds],
    })),
  };
}

/**
 * Validates and stores new settings: the whole list of connections, in the order given. An
 * omitted or empty token keeps the one stored for that connection id. Saving the same input twice
 * leaves the same result (idempotent; new connections get their id from the page). Returns the
 * previous and the new settings so callers can tell which connections changed or went away.
 */
export async function saveSettings(input: SettingsInput): Promise<{ before: Settings; after: Settings }> {
  const before = await loadSettings();
  const minutes = v.safeParse(PollMinutes, input.pollMinutes);
  if (!minutes.success) throw new SettingsError(t('settingsPollRange'));
  if (input.connections.length > MAX_CONNECTIONS) throw new SettingsError(t('settingsTooManyConnections', String(MAX_CONNECTIONS)));
  const seen = new Set<string>();
  const connections: Connection[] = input.connections.map((c) => {
    if (seen.has(c.id)) throw new SettingsError(t('settingsDuplicateConnection'));
    seen.add(c.id);
    const label = c.name.trim();
    const url = checkApiUrl(c.apiUrl);
    if (!url.ok) {
      // Several services: say which one is wrong.
      throw new SettingsError(input.connections.length > 1 ? t('settingsConnectionProblem', connectionName({ name: label, apiUrl: c.apiUrl }), url.message) : url.message);
    }
    const previous = before.connections.find((p) => p.id === c.id);
    let token = c.token?.trim() ?? '';
    if (!token && previous?.token) {
      // A saved token only ever goes back to the server it was given for.
      if (!sameOrigin(previous.apiUrl, url.url)) throw new SettingsError(t('settingsTokenForNewAddress', connectionName({ name: label, apiUrl: url.url })));
      token = previous.token;
    }
    return { id: c.id, name: label, apiUrl: url.url, token, followedCompanyIds: [...new Set(c.followedCompanyIds)] };
  });
  const after: Settings = { connections, pollMinutes: minutes.output };
  await browser.storage.local.set({ [SETTINGS_KEY]: after });
  return { before, after };
}

/** True when two service addresses are on the same origin (scheme, host and port). */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/**
 * Connections whose cached data no longer applies: removed ones, and ones whose address or token
 * changed (another service or account under the same id).
 */
export function changedConnections(before: Settings, after: Settings): { removed: string[]; changed: string[] } {
  const removed: string[] = [];
  const changed: string[] = [];
  for (const old of before.connections) {
    const now = after.connections.find((c) => c.id === old.id);
    if (!now) removed.push(old.id);
    else if (now.apiUrl !== old.apiUrl || now.token !== old.token) changed.push(old.id);
  }
  return { removed, changed };
}
