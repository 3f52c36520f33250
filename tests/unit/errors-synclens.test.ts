/**
 * The sync service's own failure codes (lib/errors/catalog/synclens.ts): every code the reference
 * server fails an entry with is explained, in English and Spanish, its exact sentences are
 * recognised without the code, and none of these codes can be taken for one of QuickBooks'.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ALL_ENTRIES, canonicalCode, entryFor, isGeneral, lookup } from '@/lib/errors/catalog/index';
import { SYNCLENS_ENTRIES } from '@/lib/errors/catalog/synclens';
import { SYNCLENS_ES } from '@/lib/errors/catalog/es/synclens';
import { translationFor } from '@/lib/errors/catalog/es/index';
import { explainFailure, explainText, failureCode } from '@/lib/errors/explanation-view';
import { classifyCode, normalizeError } from '@/lib/errors/normalize';
import { ExplanationView } from '@/lib/messaging/overlay-commands';
import type { ErrorEntry } from '@/lib/errors/types';
import { useLocale } from './setup-i18n';

const SERVER_FILES = [
  'server/sync/export-entries.ts',
  'server/sync/quickbooks-changes.ts',
  'server/quickbooks/qbd/session.ts',
  'server/quickbooks/qbo/api-client.ts',
  'server/quickbooks/qbo/qbo-company.ts',
];
const serverSource = SERVER_FILES.map((file) => readFileSync(resolve(file), 'utf8')).join('\n');
const serverLines = serverSource.split('\n');

/** Failures exactly as the reference server stores them (message and detail), with sample names filled in. */
const SERVER_FAILURES: Array<{ errorCode: string; errorMessage: string; errorDetail: string | null; system: 'qbo' | 'qbd' }> = [
  {
    errorCode: 'SL-NO-RECORD-DATA',
    errorMessage: 'The job app has not sent this record to the sync service, so there is nothing to send to QuickBooks.',
    errorDetail: 'Send the record through the ingestion API (PUT /api/v1/companies/{id}/records/{type}/{localId}), then press Resync.',
    system: 'qbo',
  },
  {
    errorCode: 'SL-UNLINKED-REFERENCE',
    errorMessage: 'This record points at Customer "cust-88", which is not in QuickBooks yet.',
    errorDetail: 'Approve and sync Customer cust-88, Item mulch-3 first, then press Resync.',
    system: 'qbd',
  },
  {
    errorCode: 'SL-UNSUPPORTED-TYPE',
    errorMessage: 'The sync service does not move TimeActivity records to QuickBooks Online.',
    errorDetail: null,
    system: 'qbo',
  },
  {
    errorCode: 'SL-UNSUPPORTED-TYPE',
    errorMessage: 'The sync service does not move TimeActivity records to QuickBooks Desktop.',
    errorDetail: null,
    system: 'qbd',
  },
  { errorCode: 'SL-UNSUPPORTED-TYPE', errorMessage: 'The sync service cannot import Deposit records.', errorDetail: null, system: 'qbo' },
  { errorCode: 'SL-UNSUPPORTED-TYPE', errorMessage: 'This import names no QuickBooks record.', errorDetail: null, system: 'qbd' },
  {
    errorCode: 'SL-OUTCOME-UNKNOWN',
    errorMessage: 'The Web Connector session ended before QuickBooks answered, and this record has no number to look it up by.',
    errorDetail: 'Check in QuickBooks whether it was created; if not, press Resync.',
    system: 'qbd',
  },
  { errorCode: 'bad-reply', errorMessage: 'QuickBooks Online sent a reply that is not valid JSON (HTTP 502).', errorDetail: null, system: 'qbo' },
  { errorCode: 'bad-reply', errorMessage: 'QuickBooks Online sent a reply that is not a JSON object (HTTP 200).', errorDetail: null, system: 'qbo' },
  { errorCode: 'bad-reply', errorMessage: "QuickBooks Online's reply has no Invoice.", errorDetail: null, system: 'qbo' },
  { errorCode: 'reply-too-large', errorMessage: 'QuickBooks Online sent a reply larger than 16 MB; it was not read.', errorDetail: null, system: 'qbo' },
  { errorCode: 'batch-item-missing', errorMessage: 'QuickBooks Online did not answer for this record in the batch.', errorDetail: null, system: 'qbo' },
];

const valid = (view: unknown) => v.safeParse(ExplanationView, view).success;

describe('the sync service catalog covers what the server sends', () => {
  it('lists every SL- code the reference server uses', () => {
    const used = [...new Set([...serverSource.matchAll(/'(SL-[A-Z-]+)'/g)].map((m) => m[1]!))].sort();
    expect(used.length).toBeGreaterThanOrEqual(4);
    expect(used.filter((code) => lookup('synclens', code) === undefined)).toEqual([]);
  });

  it('lists the QuickBooks Online client codes that end up on a failed entry', () => {
    for (const code of ['bad-reply', 'reply-too-large', 'batch-item-missing']) {
      expect(serverSource, code).toContain(`'${code}'`);
      expect(lookup('synclens', code), code).toBeDefined();
    }
  });

  it.each(SYNCLENS_ENTRIES.flatMap((e) => (e.messages ?? []).map((m) => [`${e.code}: ${m}`, m] as const)))(
    'wording %s is the server\'s own sentence',
    (_name, wording) => {
      const parts = wording.split('*');
      const line = serverLines.find((l) => {
        let from = 0;
        for (const part of parts) {
          const at = l.indexOf(part, from);
          if (at < 0) return false;
          from = at + part.length;
        }
        return true;
      });
      expect(line, `no server line holds "${wording}"`).toBeDefined();
    },
  );

  it('gives every entry steps, a category, flags and at least one wording; Clear ID is never the fix', () => {
    for (const e of SYNCLENS_ENTRIES) {
      expect(e.system).toBe('synclens');
      expect(e.steps.length, e.code).toBeGreaterThanOrEqual(2);
      expect((e.messages ?? []).length, e.code).toBeGreaterThan(0);
      expect(e.clearIdFixes, e.code).toBe(false);
    }
  });
});

describe('the sync service codes never collide with QuickBooks codes', () => {
  const QUICKBOOKS: ErrorEntry[] = ALL_ENTRIES.filter((e) => e.system !== 'synclens');

  it('no QuickBooks table has a sync service code, and no sync service code looks like a QuickBooks one', () => {
    for (const e of SYNCLENS_ENTRIES) {
      for (const system of ['qbo', 'qbd', 'sdk', 'qbwc'] as const) expect(lookup(system, e.code), `${system} ${e.code}`).toBeUndefined();
      expect(e.code).not.toMatch(/^(?:\d+|HTTP\d{3}|QBWC\d{4}|0x[0-9a-f]{8}|[a-z]+(?:_[a-z]+)+|E[A-Z]+(?:_[A-Z]+)*)$/);
    }
  });

  it('reads every QuickBooks code as QuickBooks\' own, never as the sync service\'s', () => {
    for (const e of QUICKBOOKS) {
      const c = classifyCode(e.code, { system: e.system === 'qbo' ? 'qbo' : 'qbd' });
      expect(c?.system, `${e.system}:${e.code}`).not.toBe('synclens');
      expect(lookup('synclens', e.code), `${e.system}:${e.code}`).toBeUndefined();
    }
  });

  it('keeps pasted QuickBooks errors on QuickBooks\' codes', () => {
    expect(normalizeError('Error code: 6240 Duplicate Name Exists Error')[0]).toMatchObject({ system: 'qbo', code: '6240' });
    expect(normalizeError('{"error":"invalid_grant"}')[0]).toMatchObject({ system: 'qbo', code: 'invalid_grant' });
    expect(normalizeError('read ECONNRESET')[0]).toMatchObject({ system: 'qbo', code: 'ECONNRESET' });
    expect(normalizeError('QBWC1039: there was a problem adding the application')[0]).toMatchObject({ system: 'qbwc', code: 'QBWC1039' });
    // A file name of the same shape inside a QuickBooks message is not a sync service code.
    expect(normalizeError('Error code: 6240 while reading sl-export-notes.txt')[0]).toMatchObject({ system: 'qbo', code: '6240' });
  });
});

describe('pasted sync service codes', () => {
  it.each([
    ['SL-UNLINKED-REFERENCE', 'SL-UNLINKED-REFERENCE'],
    ['sl-unlinked-reference', 'SL-UNLINKED-REFERENCE'],
    ['  Sl-Unlinked-Reference ', 'SL-UNLINKED-REFERENCE'],
    ['SL_UNLINKED_REFERENCE', 'SL-UNLINKED-REFERENCE'],
    ['sl-outcome-unknown', 'SL-OUTCOME-UNKNOWN'],
    ['Bad-Reply', 'bad-reply'],
    ['reply-too-large', 'reply-too-large'],
  ])('%j is %s', (given, code) => {
    expect(classifyCode(given)).toEqual({ system: 'synclens', code });
    expect(canonicalCode('synclens', given)).toBe(code);
    expect(normalizeError(given)[0]).toMatchObject({ system: 'synclens', code });
    const [view] = explainText(given);
    expect(view).toMatchObject({ system: 'synclens', code, general: false });
  });

  it('finds the code inside a log line, a JSON failure and a labelled text', () => {
    expect(normalizeError('2026-12-02T09:14:03Z export Invoice inv-1042 failed: sl-unlinked-reference')[0]).toMatchObject({
      system: 'synclens',
      code: 'SL-UNLINKED-REFERENCE',
    });
    expect(
      normalizeError('{"errorCode":"SL-NO-RECORD-DATA","errorMessage":"The job app has not sent this record to the sync service, so there is nothing to send to QuickBooks."}')[0],
    ).toMatchObject({ system: 'synclens', code: 'SL-NO-RECORD-DATA' });
    expect(normalizeError('Error code: SL-OUTCOME-UNKNOWN (Web Connector session ended)')[0]).toMatchObject({ system: 'synclens', code: 'SL-OUTCOME-UNKNOWN' });
  });

  it('explains an SL- code the catalog does not list with the sync service\'s general help', () => {
    const entry = entryFor('synclens', 'sl-something-new');
    expect(isGeneral(entry)).toBe(true);
    expect(entry).toMatchObject({ system: 'synclens', code: 'SL-SOMETHING-NEW', category: 'system' });
    expect(entry.title).toContain('SyncLens sync service');
    expect(entry.likelyCause).toMatch(/message from the sync service/);
    const [view] = explainText('SL-SOMETHING-NEW');
    expect(view).toMatchObject({ system: 'synclens', code: 'SL-SOMETHING-NEW', general: true });
    expect(valid(view)).toBe(true);
  });

  it('reads an oauth- code of the sync service as its own', () => {
    expect(classifyCode('oauth-server_error')).toEqual({ system: 'synclens', code: 'oauth-server_error' });
    expect(normalizeError('oauth-temporarily_unavailable')[0]).toMatchObject({ system: 'synclens', code: 'oauth-temporarily_unavailable' });
  });
});

describe('stored failures with a sync service code', () => {
  it.each(SERVER_FAILURES.map((f) => [`${f.errorCode}: ${f.errorMessage}`, f] as const))('%s explains in English', (_name, failure) => {
    useLocale('en');
    const view = explainFailure(failure, failure.system);
    const entry = lookup('synclens', failure.errorCode)!;
    expect(view).toMatchObject({ system: 'synclens', code: failure.errorCode, general: false, title: entry.title, category: entry.category });
    expect(view.steps).toEqual(entry.steps);
    expect(view.resyncAlone).toBe(entry.resyncAlone);
    expect(view.clearIdFixes).toBe(false);
    expect(failureCode(failure, failure.system)).toEqual({ system: 'synclens', code: failure.errorCode });
    expect(valid(view)).toBe(true);
  });

  it.each(SERVER_FAILURES.map((f) => [`${f.errorCode}: ${f.errorMessage}`, f] as const))('%s explains in Spanish', (_name, failure) => {
    useLocale('es');
    const view = explainFailure(failure, failure.system);
    const es = SYNCLENS_ES[failure.errorCode]!;
    expect(view).toMatchObject({ system: 'synclens', code: failure.errorCode, general: false, title: es.title, meaning: es.meaning });
    expect(view.steps).toEqual(es.steps);
    expect(valid(view)).toBe(true);
  });

  it.each(SERVER_FAILURES.map((f) => [`${f.errorCode}: ${f.errorMessage}`, f] as const))(
    '%s is recognised from the server\'s message alone',
    (_name, failure) => {
      const text = [failure.errorMessage, failure.errorDetail].filter(Boolean).join('\n');
      for (const pasted of [failure.errorMessage, text]) {
        const views = explainText(pasted);
        expect(views[0], pasted).toMatchObject({ system: 'synclens', code: failure.errorCode, match: 'wording' });
      }
      // And with the company's system given, as the Explain box does for a chosen company.
      expect(explainText(failure.errorMessage, failure.system)[0]).toMatchObject({ system: 'synclens', code: failure.errorCode });
    },
  );

  it('tells the bookkeeper not to resync a Desktop record that already exists (SL-OUTCOME-UNKNOWN)', () => {
    const entry = lookup('synclens', 'SL-OUTCOME-UNKNOWN')!;
    expect(entry.resyncAlone).toBe(false);
    const steps = entry.steps.join(' ');
    expect(steps).toMatch(/QuickBooks Desktop/);
    expect(steps).toMatch(/do not press Resync/);
    expect(steps).toMatch(/same number/);
  });

  it('asks for the records a reference needs before a Resync (SL-UNLINKED-REFERENCE)', () => {
    const entry = lookup('synclens', 'SL-UNLINKED-REFERENCE')!;
    expect(entry).toMatchObject({ category: 'missing-reference', resyncAlone: false });
    expect(entry.steps.at(-1)).toMatch(/Resync/);
  });
});

describe('Spanish sync service catalog (SYNCLENS_ES)', () => {
  const FIELDS = ['title', 'meaning', 'likelyCause'] as const;
  const TERMS: Array<[RegExp, RegExp]> = [
    [/\bResync\b/, /«Volver a sincronizar»/],
    [/\bUnsynced Entities\b/, /«Registros sin sincronizar»/],
    [/\bDetail line\b/, /«Detalle»/],
    [/\bjob app\b/, /app de trabajos/],
    [/\bsync service\b/, /servicio de sincronización/],
    [/\bSyncLens\b/, /SyncLens/],
    [/\bQuickBooks Online\b/, /QuickBooks Online/],
    [/\bQuickBooks Desktop\b/, /QuickBooks Desktop/],
    [/\bWeb Connector\b/, /Web Connector/],
  ];
  const pairs = SYNCLENS_ENTRIES.flatMap((en) => {
    const es = SYNCLENS_ES[en.code];
    if (!es) return [];
    return [
      ...FIELDS.map((f) => [`${en.code} ${f}`, en[f], es[f]] as const),
      ...en.steps.map((s, i) => [`${en.code} steps[${i}]`, s, es.steps[i] ?? ''] as const),
    ];
  });

  it('translates every entry and nothing else, step for step', () => {
    expect(Object.keys(SYNCLENS_ES).sort()).toEqual(SYNCLENS_ENTRIES.map((e) => e.code).sort());
    for (const e of SYNCLENS_ENTRIES) {
      expect(translationFor('synclens', e.code)?.steps, e.code).toHaveLength(e.steps.length);
    }
  });

  it('uses the agreed product words and reads as Spanish', () => {
    for (const [label, en, es] of pairs) {
      expect(es.trim(), label).not.toBe('');
      expect(es.toLowerCase(), label).not.toBe(en.toLowerCase());
      for (const [english, spanish] of TERMS) if (english.test(en)) expect(es, label).toMatch(spanish);
      expect(es, label).not.toMatch(/\b(?:Resync|Clear ID|Unsynced Entities|job app|sync service)\b/);
      expect(es.replace(/\([^)]*\)/g, ''), label).not.toMatch(/\b(?:the|and|press|open|please|your|with|then|was|were|is not)\b/i);
      for (const n of en.match(/\d+/g) ?? []) expect(es, `${label}: ${n}`).toContain(n);
    }
  });

  it('names the system in both languages', () => {
    useLocale('en');
    const en = explainText('SL-SOMETHING-NEW')[0]!;
    expect(en.title).toBe('Sync service problem (SyncLens sync service code SL-SOMETHING-NEW)');
    useLocale('es');
    const es = explainText('SL-SOMETHING-NEW')[0]!;
    expect(es.title).toBe('Problema del servicio de sincronización (Servicio de sincronización de SyncLens, código SL-SOMETHING-NEW)');
    expect(es.meaning).toMatch(/^Explicación general: el código SL-SOMETHING-NEW no está en nuestra lista\. Este código viene del propio servicio/);
    expect(es.steps[0]).toMatch(/^Lee el mensaje/);
    expect(es.likelyCause).toMatch(/servicio de sincronización/);
  });
});
