/**
 * Money amounts and counts in the browser's language. The Sync API carries no currency, so amounts
 * are plain numbers with two decimals and the locale's digit grouping ("1,234.50", "1.234,50").
 */
import { uiLocale } from '../i18n/t';

/**
 * Formatters are costly to create (each popup row formats an amount, each section a count): one of
 * each is kept per locale, so a render creates none after the first.
 */
const amountFormats = new Map<string, Intl.NumberFormat>();
const countFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(cache: Map<string, Intl.NumberFormat>, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const locale = uiLocale();
  let f = cache.get(locale);
  if (!f) cache.set(locale, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

export function formatAmount(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '';
  return numberFormat(amountFormats, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

/** A count with the locale's grouping ("10,000"), formatted before it goes into a message. */
export function formatCount(count: number): string {
  return numberFormat(countFormats).format(count);
}
