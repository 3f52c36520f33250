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

/**
 * The browser's UI language (e.g. "es-MX"), for dates and numbers. It must agree with the language
 * of the catalog Chrome chose (the `catalogLanguage` message), so a Spanish text never carries an
 * English date: when the two disagree (a UI language without a catalog, or a browser launched with
 * --lang only), the catalog's language wins.
 */
export function uiLocale(): string {
  let ui = 'en';
  try {
    ui = browser.i18n.getUILanguage() || 'en';
  } catch {
    // Extension context gone (after an update): keep English formats.
  }
  let catalog = '';
  try {
    catalog = browser.i18n.getMessage('catalogLanguage');
  } catch {
    return ui;
  }
  if (!catalog || ui.toLowerCase().split('-')[0] === catalog) return ui;
  return catalog;
}
