import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t, uiLocale } from '@/lib/i18n/t';
import { useLocale } from './setup-i18n';

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

  it('keys are valid Chrome message names, camelCase, each English message says where it shows', () => {
    for (const key of Object.keys(en)) {
      expect(key).toMatch(/^[a-z][A-Za-z0-9]+$/);
      expect(en[key]!.description?.trim(), key).toBeTruthy();
    }
  });

  it('messages use only $1…$9 substitutions (no named placeholders without a definition)', () => {
    for (const [key, entry] of Object.entries(en)) expect(entry.message, key).not.toMatch(/\$[A-Za-z_]+\$/);
  });

  it('Spanish uses tú, not usted', () => {
    const es = load('es');
    for (const [key, entry] of Object.entries(es)) expect(entry.message, key).not.toMatch(/\b(usted|ustedes|su cuenta|haga|abra|pulse|escriba|agregue|revise|vuelva a iniciar)\b/i);
  });

  it('the catalog language message names the catalog', () => {
    expect(en.catalogLanguage!.message).toBe('en');
    expect(load('es').catalogLanguage!.message).toBe('es');
  });

  it('t() fills placeholders from the catalog', () => {
    expect(t('extName')).toBe('SyncLens for QuickBooks');
    expect(t('popupApproveCheckedCount', '1,234')).toBe('Approve checked (1,234)');
    expect(t('centerBulkProgressMany', '1,200', '1,000')).toBe('Resyncing 1,200 rows: 1,000 / 1,200');
  });

  it('t() collapses the double period left by a substitution ending in a period', () => {
    expect(t('connectorQboOk', '9:02 a.m.')).toBe('QuickBooks Online connected. Last sync: 9:02 a.m.');
  });

  it('Spanish: t() answers from the Spanish catalog and uiLocale() from the UI language', () => {
    useLocale('es');
    expect(t('popupApproveChecked')).toBe('Aprobar marcados');
    expect(t('actionResync')).toBe('Volver a sincronizar');
    expect(t('actionClearId')).toBe('Borrar ID');
    expect(uiLocale()).toBe('es-419');
  });
});
