/**
 * QuickBooks Desktop's acceptance rules for one save, ported from the in-process emulator
 * (server/emulator/rules.ts): unique names across the shared name list, references to live
 * records, the optimistic EditSequence check and the closing date.
 */
import { asFields, asText, type Fields, type FieldValue } from './fields.ts';
import { displayLabel, KINDS, type ObjectKind, type RefRule } from './kinds.ts';
import * as S from './statuses.ts';

/** What the rules need to see of the company file. */
export interface StoredRecord {
  kind: ObjectKind;
  id: string;
  seq: number;
  ret: Fields;
  active: boolean;
  editSequence: number;
  modifiedMs: number;
  /** Set by a test: "someone has this record open in QuickBooks". */
  lockedBy?: string;
}

export interface RecordSource {
  records(kinds: ObjectKind[]): Iterable<StoredRecord>;
  closingDate: string | null;
}

export function recordName(r: StoredRecord): string {
  return asText(r.ret.Name) ?? '';
}

/** 3100: customers, vendors and employees share one name list, items another; inactive ones count; case does not. */
export function checkNameFree(file: RecordSource, kind: ObjectKind, name: string, exceptId?: string): void {
  const group = KINDS[kind].nameGroup;
  const kinds = (Object.keys(KINDS) as ObjectKind[]).filter((k) => KINDS[k].nameGroup === group);
  const wanted = name.toLowerCase();
  for (const r of file.records(kinds)) {
    if (r.id !== exceptId && recordName(r).toLowerCase() === wanted) throw S.nameInUse(name);
  }
}

/** 3140: a reference must name an existing, active record of the right kind, by ListID or FullName. */
export function resolveRef(file: RecordSource, rule: RefRule, value: FieldValue | undefined, objectName: string): Fields | undefined {
  const ref = asFields(value);
  if (!ref) return undefined;
  const listId = asText(ref.ListID);
  const fullName = asText(ref.FullName);
  const shown = listId ?? fullName ?? '';
  for (const r of file.records(rule.kinds)) {
    const hit = listId !== undefined ? r.id === listId : recordName(r).toLowerCase() === (fullName ?? '').toLowerCase();
    if (!hit) continue;
    if (!r.active) throw S.inactiveReference(rule.label, shown, objectName);
    return { ListID: r.id, FullName: recordName(r) };
  }
  throw S.invalidReference(rule.label, shown, objectName);
}

/** 3200: a Mod must carry the EditSequence QuickBooks holds now. */
export function checkEditSequence(r: StoredRecord, sent: string | undefined): void {
  if (sent === undefined || sent === '') throw S.missingElement('EditSequence');
  if (sent !== String(r.editSequence)) throw S.staleEditSequence(sent);
}

export function isOnOrBeforeClosing(file: RecordSource, txnDate: string | undefined): boolean {
  return !!(file.closingDate && txnDate && txnDate <= file.closingDate);
}

/** 3180 on a new transaction inside the closed period; 3171 when changing one. */
export function checkClosingDateForAdd(file: RecordSource, kind: ObjectKind, txnDate: string): void {
  if (isOnOrBeforeClosing(file, txnDate)) {
    throw S.saveError(displayLabel(kind), `The transaction date ${txnDate} is on or before the closing date of the company (${file.closingDate}).`);
  }
}

export function checkClosingDateForMod(file: RecordSource, kind: ObjectKind, oldDate: string | undefined, newDate: string | undefined): void {
  if (isOnOrBeforeClosing(file, oldDate) || isOnOrBeforeClosing(file, newDate)) throw S.modifiedBeforeClosingDate(displayLabel(kind));
}

/** 3170 / 3180: a record someone has open in QuickBooks cannot be saved. */
export function checkNotLocked(r: StoredRecord): void {
  if (!r.lockedBy) return;
  if (KINDS[r.kind].category === 'list') throw S.listModifyError(displayLabel(r.kind), r.id, `The record is being edited by ${r.lockedBy}; try again once it is closed.`);
  throw S.saveError(displayLabel(r.kind), `The transaction is in use by ${r.lockedBy} and could not be locked.`);
}
