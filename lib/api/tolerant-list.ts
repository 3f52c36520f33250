/**
 * Lists from the sync service are read item by item: one oversized or malformed item (a 100 KB
 * name, a `javascript:` link) must not cost the user the whole list. A bad field is neutralised
 * (text shortened to its limit, an optional field left out) and the item kept; an item that still
 * does not fit is dropped. Either way it is counted, so the page can say that something was off.
 */
import * as v from 'valibot';

export interface ListDamage {
  /** Items shown with a field shortened or left out. */
  repaired: number;
  /** Items left out entirely. */
  dropped: number;
}

export const NO_DAMAGE: ListDamage = { repaired: 0, dropped: 0 };

export function addDamage(a: ListDamage, b: ListDamage): ListDamage {
  return { repaired: a.repaired + b.repaired, dropped: a.dropped + b.dropped };
}

type ObjectSchema = v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;

/** Pure: one field made acceptable, or undefined when it cannot be. */
function repairField(schema: v.GenericSchema, value: unknown, issues: readonly v.BaseIssue<unknown>[]): { value: unknown } | undefined {
  const tooLong = issues.find((issue) => issue.type === 'max_length' && issue.path?.length === 1);
  if (typeof value === 'string' && tooLong && typeof tooLong.requirement === 'number' && tooLong.requirement > 1) {
    const shortened = `${value.slice(0, tooLong.requirement - 1)}…`;
    if (v.safeParse(schema, shortened).success) return { value: shortened };
  }
  if (v.safeParse(schema, undefined).success) return { value: undefined };
  if (v.safeParse(schema, null).success) return { value: null };
  return undefined;
}

/** Pure: the item as the schema reads it, repaired, or dropped. */
export function parseItem<T extends ObjectSchema>(schema: T, raw: unknown): { item: v.InferOutput<T>; repaired: boolean } | null {
  const first = v.safeParse(schema, raw);
  if (first.success) return { item: first.output, repaired: false };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const fixed: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const byField = new Map<string, v.BaseIssue<unknown>[]>();
  for (const issue of first.issues) {
    const key = issue.path?.[0]?.key;
    if (typeof key !== 'string' || !Object.hasOwn(schema.entries, key)) return null;
    byField.set(key, [...(byField.get(key) ?? []), issue]);
  }
  for (const [key, issues] of byField) {
    const repair = repairField(schema.entries[key]!, fixed[key], issues);
    if (!repair) return null;
    if (repair.value === undefined) delete fixed[key];
    else fixed[key] = repair.value;
  }
  const second = v.safeParse(schema, fixed);
  return second.success ? { item: second.output, repaired: true } : null;
}

/** Pure: every item that can be read, and how many needed repair or were dropped. */
export function parseItems<T extends ObjectSchema>(schema: T, raw: readonly unknown[]): { items: v.InferOutput<T>[]; damage: ListDamage } {
  const items: v.InferOutput<T>[] = [];
  const damage = { repaired: 0, dropped: 0 };
  for (const entry of raw) {
    const parsed = parseItem(schema, entry);
    if (!parsed) damage.dropped++;
    else {
      if (parsed.repaired) damage.repaired++;
      items.push(parsed.item);
    }
  }
  return { items, damage };
}
