/**
 * Checks that rendered UI holds no English of ours and no raw message keys, for the Spanish tests.
 * Data from the sync service in those tests is Spanish-neutral, so any English word came from us.
 */
import { expect } from 'vitest';

/** Words of our English UI text that never occur in the Spanish catalog. */
export const ENGLISH = /\b(the|and|is|are|was|waiting|approve[sd]?|checked|unchecked|keep|clear|pending|synced|failed|settings|refresh|open|items?|records?|sync(ing)?|service|try|again|new|changed|export|import|nothing|ago|today|yesterday|never|company|choose|cancel|explain|last|contact|sign|code|help)\b/i;
/** A message key shown instead of its text (t() falls back to the key when it is missing). */
export const RAW_KEY = /\b(common|status|popup|chip|explain|connector|entity|change|direction|time|action|system|center|err|log|category|badge|hint|notify|digest|bg|marker|overlay|page|svc|settings|options|api)[A-Z][A-Za-z]+\b/;
/** Product names that stay English in Spanish. */
export const PRODUCT_NAMES = /QuickBooks (Online|Desktop)|Web Connector|SyncLens|Online|Desktop/g;

/** Visible text plus the accessible names, titles and placeholders a screen reader or tooltip shows. */
export function visibleText(root: Element): string {
  const attributes = [...root.querySelectorAll('[aria-label],[title],[placeholder]')].flatMap((el) =>
    ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
  );
  // Quoted text names things in other programs as they show them ("Update Selected" in the Web Connector).
  return [root.textContent ?? '', ...attributes].join(' \n ').replace(PRODUCT_NAMES, '').replace(/"[^"\n]*"/g, '""');
}

export function expectSpanishOnly(root: Element) {
  const text = visibleText(root);
  expect(text.trim()).not.toBe('');
  expect(text).not.toMatch(RAW_KEY);
  expect(text.match(ENGLISH)?.[0], text).toBeUndefined();
}
