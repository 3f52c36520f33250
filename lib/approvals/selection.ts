/**
 * Pure approval-selection logic for the Sync Wizard.
 *
 * Everything is checked by default, so the selection is stored as the set of UNCHECKED ids: an
 * item that arrives in a refresh is checked without anyone touching it, and ids that vanish from
 * the list simply stop mattering. All functions return new sets; inputs are never mutated.
 */
import type { Direction, UncheckedMode, WizardItem } from '../api/schema';

export type Unchecked = ReadonlySet<string>;
export type SectionState = 'all' | 'none' | 'mixed' | 'empty';

export interface ApprovalRequest {
  reviewedIds: string[];
  approveIds: string[];
  unchecked: UncheckedMode;
}

export interface SelectionCounts {
  shown: number;
  checked: number;
  unchecked: number;
}

export const NOTHING_UNCHECKED: Unchecked = new Set<string>();

export function isChecked(unchecked: Unchecked, id: string): boolean {
  return !unchecked.has(id);
}

/** Flips one item. */
export function toggleItem(unchecked: Unchecked, id: string): Unchecked {
  const next = new Set(unchecked);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Sets one item to a given state (idempotent, unlike toggle). */
export function setItem(unchecked: Unchecked, id: string, checked: boolean): Unchecked {
  if (checked === !unchecked.has(id)) return unchecked;
  return toggleItem(unchecked, id);
}

/** Whether a section's ids are all checked, none, or a mix (the tri-state header checkbox). */
export function sectionState(unchecked: Unchecked, ids: readonly string[]): SectionState {
  if (ids.length === 0) return 'empty';
  let checked = 0;
  for (const id of ids) if (!unchecked.has(id)) checked++;
  if (checked === ids.length) return 'all';
  if (checked === 0) return 'none';
  return 'mixed';
}

/** Header checkbox click: all checked → none; none or mixed → all. */
export function toggleSection(unchecked: Unchecked, ids: readonly string[]): Unchecked {
  const next = new Set(unchecked);
  if (sectionState(unchecked, ids) === 'all') for (const id of ids) next.add(id);
  else for (const id of ids) next.delete(id);
  return next;
}

/** Drops unchecked ids that are no longer shown, so the set cannot grow without bound. */
export function pruneUnchecked(unchecked: Unchecked, shownIds: readonly string[]): Unchecked {
  const shown = new Set(shownIds);
  let changed = false;
  const next = new Set<string>();
  for (const id of unchecked) {
    if (shown.has(id)) next.add(id);
    else changed = true;
  }
  return changed ? next : unchecked;
}

export function countSelection(unchecked: Unchecked, shownIds: readonly string[]): SelectionCounts {
  let checked = 0;
  for (const id of shownIds) if (!unchecked.has(id)) checked++;
  return { shown: shownIds.length, checked, unchecked: shownIds.length - checked };
}

/**
 * The approve request: every shown row was reviewed; the checked ones are approved; the chosen
 * mode applies to all the rest. Duplicate ids are sent once.
 */
export function buildApproval(unchecked: Unchecked, shownIds: readonly string[], mode: UncheckedMode): ApprovalRequest {
  const reviewedIds = [...new Set(shownIds)];
  const approveIds = reviewedIds.filter((id) => !unchecked.has(id));
  return { reviewedIds, approveIds, unchecked: mode };
}

export interface Sections {
  export: WizardItem[];
  import: WizardItem[];
}

/** Splits items by direction, keeping the service's order within each section. */
export function splitByDirection(items: readonly WizardItem[]): Sections {
  const sections: Sections = { export: [], import: [] };
  for (const item of items) sections[item.direction satisfies Direction].push(item);
  return sections;
}

/**
 * The most items one approval request carries. The Sync API takes up to 10,000 reviewed ids per
 * request; half of it keeps each request (and its stored idempotent reply) modest.
 */
export const APPROVAL_CHUNK = 5_000;

/**
 * Pure: one approval split into requests of at most `size` reviewed items each, in list order.
 * Every item's fate (approved, kept or cleared) is the same as in one big request, since the rule
 * for unchecked items applies to each request's own reviewed items.
 */
export function splitApproval(request: ApprovalRequest, size: number = APPROVAL_CHUNK): ApprovalRequest[] {
  if (request.reviewedIds.length <= size) return [request];
  const approved = new Set(request.approveIds);
  const chunks: ApprovalRequest[] = [];
  for (let i = 0; i < request.reviewedIds.length; i += size) {
    const reviewedIds = request.reviewedIds.slice(i, i + size);
    chunks.push({ reviewedIds, approveIds: reviewedIds.filter((id) => approved.has(id)), unchecked: request.unchecked });
  }
  return chunks;
}
