/**
 * Unit tests run without a browser: WXT's fake browser has no i18n, so this answers getMessage
 * from the real English catalog (the file the extension ships), the way Chrome does.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Catalog = Record<string, { message: string }>;
const english = JSON.parse(readFileSync(resolve('public/_locales/en/messages.json'), 'utf8')) as Catalog;

export function messageFrom(catalog: Catalog, key: string, substitutions: string[] = []): string {
  const entry = catalog[key];
  if (!entry) return '';
  return entry.message.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

Object.assign(fakeBrowser, {
  i18n: {
    ...fakeBrowser.i18n,
    getMessage: (key: string, substitutions?: string | string[]) =>
      messageFrom(english, key, substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions]),
    getUILanguage: () => 'en-US',
  },
});
