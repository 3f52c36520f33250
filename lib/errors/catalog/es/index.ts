/**
 * The Spanish words of the error catalog, looked up by system and the entry's (canonical) code.
 * Only the background imports this (through explanation-view.ts), so the tables never reach the
 * size-budgeted content script.
 */
import type { ErrorSystem } from '../../types';
import * as desktop from './desktop';
import { QBO_ES } from './qbo';
import { SYNCLENS_ES } from './synclens';
import type { CatalogTranslation, EntryText } from './types';

// Read as optional: the Web Connector table is written separately and may not have landed yet.
const desktopTables = desktop as { QBD_ES?: CatalogTranslation; SDK_ES?: CatalogTranslation; QBWC_ES?: CatalogTranslation };

const TABLES: Record<ErrorSystem, CatalogTranslation> = {
  qbo: QBO_ES,
  qbd: desktopTables.QBD_ES ?? {},
  sdk: desktopTables.SDK_ES ?? {},
  qbwc: desktopTables.QBWC_ES ?? {},
  synclens: SYNCLENS_ES,
};

/** The Spanish text of one catalog entry, or undefined when it has not been translated. */
export function translationFor(system: ErrorSystem, code: string): EntryText | undefined {
  const table = TABLES[system];
  // Own properties only, so a code such as "constructor" never reads Object.prototype.
  return Object.hasOwn(table, code) ? table[code] : undefined;
}
