/**
 * The Unsynced Entities list as the Sync Center filters, searches, sorts and counts it. Everything
 * a keystroke needs (lowercase search text, error category, catalog title, time as a number) is
 * computed once per load in `prepareRows`, so a filter change over 10,000 rows is a plain scan.
 */
import type { System, UnsyncedEntity } from '../api/schema';
import { entryFor, isGeneral } from '../errors/catalog/index';
import { failureCode } from '../errors/explanation-view';
import { localizedText } from '../errors/localize';
import { classifyCode } from '../errors/normalize';
import { ERROR_CATEGORIES, type ErrorCategory } from '../errors/types';
import { formatCount } from '../format/amount';
import { t, type MessageKey } from '../i18n/t';

export interface PreparedRow {
  /** Unique across companies: ids are only unique within one company. */
  key: string;
  item: UnsyncedEntity;
  system: System;
  /**
   * The error code as every view shows, filters, counts and sorts it: normalized by the rule the
   * explanation uses (lib/errors failureCode), so "003200" and "3200" are one code and a code
   * QuickBooks put only in the message is found. `item.errorCode` keeps what the server stored.
   */
  code: string;
  category: ErrorCategory;
  /** The catalog title of the error code, e.g. "Duplicate name". */
  codeTitle: string;
  /** Name, document number, message and code, lower-cased, for the text search. */
  haystack: string;
  lastAttemptMs: number;
}

/** Ids may contain almost anything but control characters, so NUL separates company and id. */
export const rowKey = (companyId: string, id: string): string => `${companyId}\u0000${id}`;
export const splitRowKey = (key: string): { companyId: string; id: string } => {
  const at = key.indexOf('\u0000');
  return { companyId: key.slice(0, at), id: key.slice(at + 1) };
};

interface CodeInfo {
  category: ErrorCategory;
  title: string;
}

/** Catalog facts per (system, code); there are few distinct codes, so this is computed once each. */
export function codeInfo(system: System, code: string, cache: Map<string, CodeInfo> = new Map()): CodeInfo {
  const cacheKey = `${system}:${code}`;
  let info = cache.get(cacheKey);
  if (!info) {
    // A QuickBooks Desktop company also reports SDK (0x8004…) and Web Connector (QBWC…) codes.
    const classified = classifyCode(code, { system });
    const entry = entryFor(classified?.system ?? system, classified?.code ?? code);
    info = { category: entry.category, title: localizedText(entry, isGeneral(entry)).title };
    cache.set(cacheKey, info);
  }
  return info;
}

export function prepareRows(items: readonly UnsyncedEntity[], system: System, cache: Map<string, CodeInfo> = new Map()): PreparedRow[] {
  return items.map((item) => {
    const { code } = failureCode(item, system);
    const info = codeInfo(system, code, cache);
    return {
      key: rowKey(item.companyId, item.id),
      item,
      system,
      code,
      category: info.category,
      codeTitle: info.title,
      haystack: [item.name, item.docNumber ?? '', item.errorMessage, item.errorCode, code, info.title].join('\n').toLowerCase(),
      lastAttemptMs: Date.parse(item.lastAttemptAt) || 0,
    };
  });
}

export interface UnsyncedFilters {
  entityType: string | null;
  category: ErrorCategory | null;
  code: string | null;
  search: string;
  /** Only rows whose last attempt is at or after this time (ms), from a "new failures" link. */
  sinceMs: number | null;
}

export const NO_FILTERS: UnsyncedFilters = { entityType: null, category: null, code: null, search: '', sinceMs: null };

/** True when the filters let every row through (the list is shown as it is, without a scan). */
export function isUnfiltered(f: UnsyncedFilters): boolean {
  return f.entityType === null && f.category === null && f.code === null && f.sinceMs === null && f.search.trim() === '';
}

/** The lower-cased words of a search; a row matches when its haystack contains every one. */
export function searchWords(search: string): string[] {
  return search.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * The rows matching the filters, in their order. With no filter the same array comes back (callers
 * never change the result). With
 * `within` (the result of a previous pass whose filters `f` only narrows) only those rows are scanned.
 */
export function filterRows(rows: readonly PreparedRow[], f: UnsyncedFilters, within?: readonly PreparedRow[]): PreparedRow[] {
  if (isUnfiltered(f)) return rows as PreparedRow[];
  const words = searchWords(f.search);
  const { entityType, category, code, sinceMs } = f;
  const out: PreparedRow[] = [];
  for (const r of within ?? rows) {
    if (entityType !== null && r.item.entityType !== entityType) continue;
    if (category !== null && r.category !== category) continue;
    if (code !== null && r.code !== code) continue;
    if (sinceMs !== null && r.lastAttemptMs < sinceMs) continue;
    let ok = true;
    for (const w of words) {
      if (!r.haystack.includes(w)) {
        ok = false;
        break;
      }
    }
    if (ok) out.push(r);
  }
  return out;
}

/**
 * Whether every row matching `next` also matches `prev`, so a pass for `next` may scan only the
 * rows `prev` matched (typing more of a search, adding a filter to an open search).
 */
export function narrows(prev: UnsyncedFilters, next: UnsyncedFilters): boolean {
  if (prev.entityType !== null && prev.entityType !== next.entityType) return false;
  if (prev.category !== null && prev.category !== next.category) return false;
  if (prev.code !== null && prev.code !== next.code) return false;
  if (prev.sinceMs !== null && (next.sinceMs === null || next.sinceMs < prev.sinceMs)) return false;
  const nextWords = searchWords(next.search);
  // Each earlier word must be inside some new word: "oak" then "oak hollow", "ced" then "cedar".
  return searchWords(prev.search).every((w) => nextWords.some((n) => n.includes(w)));
}

export const SORT_KEYS = ['entityType', 'name', 'errorCode', 'errorMessage', 'attempts', 'lastAttemptAt', 'state'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface SortOrder {
  key: SortKey;
  dir: 'asc' | 'desc';
}
export const DEFAULT_SORT: SortOrder = { key: 'lastAttemptAt', dir: 'desc' };

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareBy(key: SortKey): (a: PreparedRow, b: PreparedRow) => number {
  switch (key) {
    case 'attempts':
      return (a, b) => a.item.attempts - b.item.attempts;
    case 'lastAttemptAt':
      return (a, b) => a.lastAttemptMs - b.lastAttemptMs;
    case 'name':
      return (a, b) => collator.compare(a.item.name, b.item.name) || collator.compare(a.item.docNumber ?? '', b.item.docNumber ?? '');
    case 'errorCode':
      return (a, b) => collator.compare(a.code, b.code);
    default:
      return (a, b) => collator.compare(String(a.item[key]), String(b.item[key]));
  }
}

/** A new sorted array; ties keep a stable order by key so rows never jump between renders. */
export function sortRows(rows: readonly PreparedRow[], order: SortOrder): PreparedRow[] {
  const cmp = compareBy(order.key);
  const sign = order.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * cmp(a, b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Clicking a header: a new column sorts ascending (dates newest first); the same column flips. */
export function nextSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'lastAttemptAt' || key === 'attempts' ? 'desc' : 'asc' };
}

const categoryKeys = (stem: string) =>
  ({ one: `${stem}One`, many: `${stem}Many`, filter: `${stem}Filter` }) as { one: MessageKey; many: MessageKey; filter: MessageKey };

/** Category names as an office manager says them (message keys): a count of one, of many, and the filter option. */
export const CATEGORY_LABELS: Record<ErrorCategory, { one: MessageKey; many: MessageKey; filter: MessageKey }> = {
  'deleted-or-inactive': categoryKeys('categoryDeleted'),
  duplicate: categoryKeys('categoryDuplicate'),
  'closed-period': categoryKeys('categoryClosedPeriod'),
  'missing-reference': categoryKeys('categoryMissingReference'),
  'stale-copy': categoryKeys('categoryStaleCopy'),
  validation: categoryKeys('categoryValidation'),
  connection: categoryKeys('categoryConnection'),
  subscription: categoryKeys('categorySubscription'),
  throttling: categoryKeys('categoryThrottling'),
  'quickbooks-busy': categoryKeys('categoryBusy'),
  system: categoryKeys('categorySystem'),
};

export interface CategoryCount {
  category: ErrorCategory;
  count: number;
  label: string;
}

/** Counts per category, most first (catalog order on ties), without empty ones. */
export function categoryCounts(rows: readonly PreparedRow[]): CategoryCount[] {
  const counts = new Map<ErrorCategory, number>();
  for (const r of rows) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  return ERROR_CATEGORIES.filter((c) => counts.has(c))
    .map((category) => {
      const count = counts.get(category)!;
      const names = CATEGORY_LABELS[category];
      return { category, count, label: count === 1 ? t(names.one) : t(names.many, formatCount(count)) };
    })
    .sort((a, b) => b.count - a.count);
}

/** "4 deleted in QuickBooks · 3 duplicates · 1 closed period". */
export function categorySentence(counts: readonly CategoryCount[]): string {
  return counts.map((c) => c.label).join(' · ');
}

/** Distinct values for the type and code filters, sorted. */
export function distinctValues(rows: readonly PreparedRow[], pick: (r: PreparedRow) => string): string[] {
  const set = new Set<string>();
  for (const r of rows) set.add(pick(r));
  return [...set].sort(collator.compare);
}

/** The code filter's choices: one per normalized code ("003200" and "3200" are one choice). */
export function distinctCodes(rows: readonly PreparedRow[]): string[] {
  return distinctValues(rows, (r) => r.code);
}

export type DisplayEntry = { kind: 'group'; companyId: string; count: number } | { kind: 'row'; row: PreparedRow };

/**
 * The list as shown: with several companies, rows are grouped under a heading per company (in
 * the given company order), keeping the sort order inside each group.
 */
const rowEntries = new WeakMap<PreparedRow, DisplayEntry>();
/** One display entry per prepared row, made once, so a filter change does not allocate a list's worth. */
function rowEntry(row: PreparedRow): DisplayEntry {
  let entry = rowEntries.get(row);
  if (!entry) rowEntries.set(row, (entry = { kind: 'row', row }));
  return entry;
}

export function groupByCompany(rows: readonly PreparedRow[], companyOrder: readonly string[], grouped: boolean): DisplayEntry[] {
  if (!grouped) return rows.map(rowEntry);
  const buckets = new Map<string, PreparedRow[]>(companyOrder.map((id) => [id, []]));
  for (const row of rows) {
    let bucket = buckets.get(row.item.companyId);
    if (!bucket) buckets.set(row.item.companyId, (bucket = []));
    bucket.push(row);
  }
  const out: DisplayEntry[] = [];
  for (const [companyId, list] of buckets) {
    if (list.length === 0) continue;
    out.push({ kind: 'group', companyId, count: list.length });
    for (const row of list) out.push(rowEntry(row));
  }
  return out;
}
