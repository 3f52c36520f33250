/**
 * Extension pages are static HTML with an English <title> and lang="en"; Chrome does not
 * translate HTML, so each page sets both from the catalog when it mounts.
 */
import { t, uiLocale, type MessageKey } from './t';

export function localizeDocument(doc: Document, titleKey: MessageKey): void {
  doc.documentElement.lang = uiLocale().split('-')[0] || 'en';
  doc.title = t(titleKey);
}
