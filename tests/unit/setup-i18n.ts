/**
 * Unit tests run without a browser: WXT's fake browser has no i18n, so this answers getMessage
 * from the real catalogs (the files the extension ships), the way Chrome does. English unless a
 * test switches with `useLocale('es')` (reset to English before each test).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Catalog = Record<string, { message: string }>;
const load = (lang: string) => JSON.parse(readFileSync(resolve('public/_locales', lang, 'messages.json'), 'utf8')) as Catalog;
const CATALOGS = { en: load('en'), es: load('es') };
const UI_LANGUAGE = { en: 'en-US', es: 'es-419' } as const;
export type TestLocale = keyof typeof CATALOGS;

let current: TestLocale = 'en';

/** Switches the fake browser's catalog and UI language for the rest of the current test. */
export function useLocale(locale: TestLocale): void {
  current = locale;
}

export function messageFrom(catalog: Catalog, key: string, substitutions: string[] = []): string {
  const entry = catalog[key];
  if (!entry) return '';
  return entry.message.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

function install() {
  Object.assign(fakeBrowser, {
    i18n: {
      ...fakeBrowser.i18n,
      getMessage: (key: string, substitutions?: string | string[]) =>
        messageFrom(CATALOGS[current], key, substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions]),
      getUILanguage: () => UI_LANGUAGE[current],
    },
  });
}

install();
beforeEach(() => {
  current = 'en';
  // Some tests call fakeBrowser.reset(), which drops the i18n stub.
  install();
});
