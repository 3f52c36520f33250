import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { explainFailure, explainText } from '@/lib/errors/explanation-view';
import { ExplanationView } from '@/lib/messaging/overlay-commands';

const valid = (view: unknown) => v.safeParse(ExplanationView, view).success;

describe('explanations for the overlay and the popup', () => {
  it('explains a pasted QuickBooks Online Fault in the shape the protocol carries', () => {
    const [view, ...rest] = explainText(
      '{"Fault":{"Error":[{"Message":"Duplicate Name Exists Error","Detail":"The name supplied already exists. : Another customer, vendor or employee is already using this name.","code":"6240"}],"type":"ValidationFault"}}',
    );
    expect(rest).toHaveLength(0);
    expect(view).toMatchObject({ system: 'qbo', code: '6240', category: 'duplicate', general: false });
    expect(view!.steps.length).toBeGreaterThan(1);
    expect(valid(view)).toBe(true);
  });

  it('finds several codes in a log and explains each once', () => {
    const views = explainText('QBWC1039: there was a problem adding the application\nthen Error 0x80040408 twice: 0x80040408');
    expect(views.map((e) => `${e.system}:${e.code}`)).toEqual(['qbwc:QBWC1039', 'sdk:0x80040408']);
    views.forEach((e) => expect(valid(e)).toBe(true));
  });

  it('lets the company system decide a code that both systems use', () => {
    const [online] = explainText('Error 3200', 'qbo');
    const [desktop] = explainText('Error 3200', 'qbd');
    expect(online!.category).not.toBe(desktop!.category);
    expect(desktop!.category).toBe('stale-copy');
  });

  it('points a duplicate document number at the transaction that holds it', () => {
    const view = explainFailure(
      {
        errorCode: '6140',
        errorMessage: 'Duplicate Document Number Error',
        errorDetail: 'Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=1043 is assigned to TxnType=Invoice with TxnId=812',
      },
      'qbo',
    );
    expect(view.relatedRecord).toEqual({ entityType: 'Invoice', qbId: '812' });
    expect(view.rawDetail).toContain('DocNumber=1043');
    expect(valid(view)).toBe(true);
  });

  it('advises Clear ID for a deleted record and general help for an unknown code', () => {
    expect(explainFailure({ errorCode: '610', errorMessage: 'Object Not Found : Something you are trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.' }, 'qbo').clearIdFixes).toBe(false);
    expect(explainFailure({ errorCode: '610', errorMessage: 'Object Not Found', errorDetail: 'Object Not Found : Another user has deleted this transaction.' }, 'qbo').clearIdFixes).toBe(true);
    const unknown = explainFailure({ errorCode: '6999', errorMessage: 'Something new' }, 'qbo');
    expect(unknown.general).toBe(true);
    expect(unknown.code).toBe('6999');
    expect(valid(unknown)).toBe(true);
  });

  it('returns nothing for text without a code', () => {
    expect(explainText('the invoice looks fine')).toEqual([]);
  });
});
