/**
 * Every user-visible string comes from the extension's message catalog (public/_locales/<lang>/
 * messages.json), English and Spanish. `t` looks a key up in the browser's language; `$1`…`$9` in a
 * message are replaced by the arguments. Keys are typed from the English file, which is the
 * reference: tests check that Spanish has exactly the same keys and placeholders.
 */
import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

export function t(key: MessageKey, ...args: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, args.map(String));
  // An empty answer means a missing key: show the key rather than nothing, so it is noticed.
  if (!text) return key;
  // A substitution ending in its own period ("9:02 a.m.") before the message's period leaves "..".
  return text.replace(/(?<!\.)\.\.(?!\.)/g, '.');
}

/** The browser's UI language (e.g. "es-MX"), for dates and numbers. */
export function uiLocale(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
