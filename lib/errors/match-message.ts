/**
 * Recognises a QuickBooks error from its wording alone, for what people paste without a code
 * ("Duplicate Document Number Error", "The provided edit sequence … is out-of-date"). Each catalog
 * entry lists the wordings QuickBooks uses for it (`messages`, with `*` for a variable part).
 *
 * Matching is tolerant: case, punctuation, quotes and spacing are ignored, and a `*` in a wording
 * takes any run of words (a name, an id, a number). A wording whose every part appears, in order,
 * is a full match; otherwise a wording most of whose words appear is a partial match, offered as a
 * candidate rather than an answer. Words are indexed once, so a long pasted log is scanned in time
 * proportional to its length, not to the size of the catalog.
 */
import { ALL_ENTRIES } from './catalog/index';
import type { ErrorEntry, ErrorSystem } from './types';

export interface MessageMatch {
  entry: ErrorEntry;
  /** The catalog wording that matched. */
  wording: string;
  /** 1 for a full match (every part, in order); the share of its words found for a partial one. */
  score: number;
  /** How many words of the wording were found: longer wordings are more specific. */
  words: number;
  full: boolean;
}

interface Pattern {
  entry: ErrorEntry;
  wording: string;
  /** The wording's literal parts between wildcards, each folded to "word word word". */
  parts: string[];
  /** Every distinct word of the wording (wildcards left out). */
  words: string[];
}

/** A partial match needs at least this share of a wording's words, and at least this many words. */
const PARTIAL_SHARE = 0.75;
const PARTIAL_MIN_WORDS = 3;
/** Words so common in QuickBooks messages that they say nothing about which error it is. */
const COMMON = new Set(['the', 'a', 'an', 'of', 'to', 'is', 'in', 'for', 'and', 'or', 'this', 'that', 'be', 'on', 'it', 'error', 'quickbooks']);

/**
 * Lower case, letters and digits only, single spaces: the form both sides are compared in. Words
 * run together in CamelCase are split ("AuthenticationErrorGeneral", "ErrorAuthorizationFailure"),
 * as SDKs and gateways print QuickBooks' words that way.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // "QuickBooks" is written "Quickbooks" too: one word either way, before CamelCase is split.
    .replace(/quickbooks/gi, 'quickbooks')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9*]+/g, ' ')
    .trim();
}

function compile(entry: ErrorEntry, wording: string): Pattern | null {
  const parts = wording
    .split('*')
    .map((part) => fold(part.replace(/\*/g, ' ')))
    .filter((part) => part.length > 0);
  if (parts.length === 0) return null;
  const words = [...new Set(parts.join(' ').split(' '))];
  return { entry, wording, parts, words };
}

interface PatternIndex {
  patterns: Pattern[];
  byWord: Map<string, Pattern[]>;
}

/** Which wordings each (uncommon) word appears in. */
function buildIndex(entries: readonly ErrorEntry[]): PatternIndex {
  const patterns: Pattern[] = [];
  const byWord = new Map<string, Pattern[]>();
  for (const entry of entries) {
    for (const wording of entry.messages ?? []) {
      const pattern = compile(entry, wording);
      if (!pattern) continue;
      patterns.push(pattern);
      for (const word of pattern.words) {
        if (COMMON.has(word)) continue;
        const list = byWord.get(word);
        if (list) list.push(pattern);
        else byWord.set(word, [pattern]);
      }
    }
  }
  return { patterns, byWord };
}

/** True when every part of the pattern appears in `folded`, in order, on word boundaries. */
function fullMatch(pattern: Pattern, folded: string): boolean {
  let from = 0;
  for (const part of pattern.parts) {
    let at = folded.indexOf(part, from);
    while (at >= 0) {
      const before = at === 0 || folded[at - 1] === ' ';
      const after = at + part.length === folded.length || folded[at + part.length] === ' ';
      if (before && after) break;
      at = folded.indexOf(part, at + 1);
    }
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

export interface MatchOptions {
  /** Only entries of these systems (e.g. the company's QuickBooks and its Desktop layers). */
  systems?: readonly ErrorSystem[];
  /** How many matches at most (best first). */
  limit?: number;
}

/**
 * A matcher over some entries: catalog entries whose QuickBooks wording is in `text`, best first:
 * full matches before partial ones, then the more specific (more words) first. One entry appears
 * once, with its best wording.
 */
export function createMessageMatcher(entries: readonly ErrorEntry[]) {
  let index: PatternIndex | null = null;
  return (text: string, options: MatchOptions = {}): MessageMatch[] => {
    index ??= buildIndex(entries);
    return matchIn(index, text, options);
  };
}

function matchIn(index: PatternIndex, text: string, options: MatchOptions): MessageMatch[] {
  const folded = fold(text);
  if (!folded) return [];
  const present = new Set(folded.split(' '));
  // Only wordings sharing an uncommon word with the text can match at all.
  const candidates = new Set<Pattern>();
  for (const word of present) for (const pattern of index.byWord.get(word) ?? []) candidates.add(pattern);

  const best = new Map<ErrorEntry, MessageMatch>();
  for (const pattern of candidates) {
    if (options.systems && !options.systems.includes(pattern.entry.system)) continue;
    const found = pattern.words.filter((w) => present.has(w)).length;
    let match: MessageMatch | null = null;
    if (found === pattern.words.length && fullMatch(pattern, folded)) {
      match = { entry: pattern.entry, wording: pattern.wording, score: 1, words: pattern.words.length, full: true };
    } else {
      const meaningful = pattern.words.filter((w) => !COMMON.has(w));
      const foundMeaningful = meaningful.filter((w) => present.has(w)).length;
      const share = meaningful.length ? foundMeaningful / meaningful.length : 0;
      if (meaningful.length >= PARTIAL_MIN_WORDS && share >= PARTIAL_SHARE) {
        match = { entry: pattern.entry, wording: pattern.wording, score: share * 0.9, words: found, full: false };
      }
    }
    if (!match) continue;
    const prior = best.get(pattern.entry);
    if (!prior || better(match, prior)) best.set(pattern.entry, match);
  }
  const ranked = [...best.values()].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  return ranked.slice(0, options.limit ?? 5);
}

/** The whole catalog's matcher, indexed on first use. */
export const matchMessage = createMessageMatcher(ALL_ENTRIES);

function better(a: MessageMatch, b: MessageMatch): boolean {
  if (a.score !== b.score) return a.score > b.score;
  return a.words > b.words;
}
