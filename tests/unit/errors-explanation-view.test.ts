import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { explainFailure, explainText, failureCode } from '@/lib/errors/explanation-view';
import { ExplanationView } from '@/lib/messaging/overlay-commands';
import { useLocale } from './setup-i18n';

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

describe('failures as the sync service stored them (issue 8 §6)', () => {
  it('shows a zero-padded QuickBooks Online code as the code it is', () => {
    const view = explainFailure({ errorCode: '003200', errorMessage: 'message=AuthenticationFailed; errorCode=003200; statusCode=401' }, 'qbo');
    expect(view.code).toBe('3200');
    expect(view.general).toBe(false);
    expect(view.category).toBe('connection');
    expect(failureCode({ errorCode: '003200' }, 'qbo')).toEqual({ system: 'qbo', code: '3200' });
  });

  it('finds the real code in the message when errorCode is only a name', () => {
    const failure = { errorCode: 'ThrottleExceeded', errorMessage: 'message=ThrottleExceeded; errorCode=003001; statusCode=429' };
    const view = explainFailure(failure, 'qbo');
    expect(view.code).toBe('3001');
    expect(view.general).toBe(false);
    expect(view.category).toBe('throttling');
    expect(view.rawMessage).toBe(failure.errorMessage);
    expect(failureCode(failure, 'qbo')).toEqual({ system: 'qbo', code: '3001' });
    expect(valid(view)).toBe(true);
  });

  it('reads the code from the detail too', () => {
    const failure = { errorCode: 'AuthenticationFailed', errorMessage: 'Unauthorized', errorDetail: 'message=AuthenticationFailed; errorCode=003200; statusCode=401' };
    expect(explainFailure(failure, 'qbo').code).toBe('3200');
    expect(failureCode(failure, 'qbo').code).toBe('3200');
  });

  it('keeps a name it cannot read a code from as it came, explained in general terms', () => {
    const view = explainFailure({ errorCode: 'SomethingNew', errorMessage: 'no code in here' }, 'qbo');
    expect(view.code).toBe('SomethingNew');
    expect(view.general).toBe(true);
    expect(valid(view)).toBe(true);
  });

  it('keeps Desktop, SDK and Web Connector codes in their own tables', () => {
    expect(failureCode({ errorCode: '03100' }, 'qbd')).toEqual({ system: 'qbd', code: '3100' });
    expect(failureCode({ errorCode: '0x80040408' }, 'qbd')).toEqual({ system: 'sdk', code: '0x80040408' });
    expect(failureCode({ errorCode: 'qbwc1039' }, 'qbd')).toEqual({ system: 'qbwc', code: 'QBWC1039' });
  });

  it('fills the related transaction from a 6140 detail, whatever the code looks like', () => {
    const view = explainFailure(
      {
        errorCode: '006140',
        errorMessage: 'Duplicate Document Number Error',
        errorDetail: 'Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=1043 is assigned to TxnType=ReceivePayment with TxnId=815',
      },
      'qbo',
    );
    expect(view.code).toBe('6140');
    expect(view.relatedRecord).toEqual({ entityType: 'Payment', qbId: '815' });
    expect(valid(view)).toBe(true);
  });

  it('explains a code found in the message in Spanish too', () => {
    const english = explainFailure({ errorCode: '3001' }, 'qbo');
    useLocale('es');
    const view = explainFailure({ errorCode: 'ThrottleExceeded', errorMessage: 'message=ThrottleExceeded; errorCode=003001; statusCode=429' }, 'qbo');
    expect(view.code).toBe('3001');
    expect(view.title).not.toBe(english.title);
    expect(view.steps).toHaveLength(english.steps.length);
  });
});
