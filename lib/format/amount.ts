/**
 * Money amounts. The Sync API carries no currency, so amounts are shown as plain numbers with two
 * decimals and digit grouping ("1,234.50"); a minus sign for credits.
 */
const FORMAT = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatAmount(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '';
  return FORMAT.format(amount);
}
