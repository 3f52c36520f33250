/**
 * Records as qbXML aggregates: a plain object whose keys are element names in order, whose
 * leaves are strings, and whose repeated elements are arrays. Converts to and from XML elements.
 */
import type { XmlElement } from './xml.ts';

export type FieldValue = string | Fields | FieldValue[];
export interface Fields { [element: string]: FieldValue }

export function elementToFields(el: XmlElement): Fields {
  const out: Fields = {};
  for (const c of el.children ?? []) {
    const value: FieldValue = c.children && c.children.length ? elementToFields(c) : (c.text ?? '');
    const prev = out[c.name];
    if (prev === undefined) out[c.name] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[c.name] = [prev, value];
  }
  return out;
}

export function fieldsToElements(fields: Fields): XmlElement[] {
  const out: XmlElement[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (Array.isArray(v)) continue;
      out.push(typeof v === 'string' ? { name, text: v } : { name, children: fieldsToElements(v) });
    }
  }
  return out;
}

export function asArray(value: FieldValue | undefined): FieldValue[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function asFields(value: FieldValue | undefined): Fields | undefined {
  return value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

export function asText(value: FieldValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}
