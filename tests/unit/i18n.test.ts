import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '@/lib/i18n/t';

type Catalog = Record<string, { message: string; description?: string }>;
const dir = resolve('public/_locales');
const load = (lang: string) => JSON.parse(readFileSync(resolve(dir, lang, 'messages.json'), 'utf8')) as Catalog;
const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();

describe('message catalogs', () => {
  const en = load('en');
  it('ships English and Spanish', () => {
    expect(readdirSync(dir).sort()).toEqual(['en', 'es']);
  });

  it('Spanish has exactly the English keys, each with the same placeholders and real text', () => {
    const es = load('es');
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(placeholders(es[key]!.message), key).toEqual(placeholders(en[key]!.message));
      expect(es[key]!.message.trim(), key).not.toBe('');
    }
  });

  it('keys are valid Chrome message names', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('t() fills placeholders from the catalog', () => {
    expect(t('extName')).toBe('SyncLens for QuickBooks');
  });
});
