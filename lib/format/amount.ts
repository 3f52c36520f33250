/**
 * Money amounts and counts in the browser's language. The Sync API carries no currency, so amounts
 * are plain numbers with two decimals and the locale's digit grouping ("1,234.50", "1.234,50").
 */
import { uiLocale } from '../i18n/t';

export function formatAmount(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '';
  return new Intl.NumberFormat(uiLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

/** A count with the locale's grouping ("10,000"), formatted before it goes into a message. */
export function formatCount(count: number): string {
  return new Intl.NumberFormat(uiLocale()).format(count);
}
