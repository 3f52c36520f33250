/**
 * Settings storage. Kept in storage.local only: storage.sync would copy the API token to every
 * browser the user signs into. The token never leaves the background: pages get `toPublic()`.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { Id } from '../api/schema';
import { PollMinutes, type PublicSettings, type SettingsInput } from '../messaging/protocol';
import { t } from '../i18n/t';
import { checkApiUrl } from './api-url';
import { AnyPollMinutes, buildDefaults } from './defaults';

export interface Settings {
  apiUrl: string;
  token: string;
  pollMinutes: number;
  followedCompanyIds: string[];
}

export const SETTINGS_KEY = 'settings';

const StoredSettings = v.object({
  apiUrl: v.string(),
  token: v.string(),
  pollMinutes: AnyPollMinutes,
  followedCompanyIds: v.array(Id),
});

/** Thrown when input cannot be saved; the message is meant for the options page as is. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const parsed = v.safeParse(StoredSettings, stored);
  if (parsed.success) return parsed.output;
  const defaults = buildDefaults();
  return { ...defaults, followedCompanyIds: [] };
}

/** True when a URL and a token are present, so polling can start. */
export function isConfigured(settings: Settings): boolean {
  return settings.apiUrl !== '' && settings.token !== '';
}

export function toPublic(settings: Settings): PublicSettings {
  return {
    apiUrl: settings.apiUrl,
    hasToken: settings.token !== '',
    pollMinutes: settings.pollMinutes,
    followedCompanyIds: [...settings.followedCompanyIds],
  };
}

/**
 * Validates and stores new settings. An omitted or empty token keeps the stored one. Saving the
 * same input twice leaves the same result (idempotent). Returns the previous and the new settings
 * so callers can tell whether the connection changed.
 */
export async function saveSettings(input: SettingsInput): Promise<{ before: Settings; after: Settings }> {
  const before = await loadSettings();
  const url = checkApiUrl(input.apiUrl);
  if (!url.ok) throw new SettingsError(url.message);
  const token = input.token?.trim() ? input.token.trim() : before.token;
  const minutes = v.safeParse(PollMinutes, input.pollMinutes);
  if (!minutes.success) throw new SettingsError(t('settingsPollRange'));
  const after: Settings = {
    apiUrl: url.url,
    token,
    pollMinutes: minutes.output,
    followedCompanyIds: [...new Set(input.followedCompanyIds)],
  };
  await browser.storage.local.set({ [SETTINGS_KEY]: after });
  return { before, after };
}

/** True when the service address or the token changed: cached data and back-off no longer apply. */
export function connectionChanged(before: Settings, after: Settings): boolean {
  return before.apiUrl !== after.apiUrl || before.token !== after.token;
}
