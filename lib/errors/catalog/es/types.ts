/**
 * Spanish texts of the error catalog. Codes, categories and flags stay in the English entries
 * (lib/errors/catalog/*.ts); a translation only carries the words, keyed by code, with exactly as
 * many steps as the English entry.
 */
export interface EntryText {
  title: string;
  meaning: string;
  likelyCause: string;
  steps: string[];
}

/** Code (as in the English entry) → Spanish text, one table per system. */
export type CatalogTranslation = Readonly<Record<string, EntryText>>;
