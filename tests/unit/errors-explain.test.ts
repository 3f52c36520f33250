import { describe, expect, it } from 'vitest';
import { lookup } from '../../lib/errors/catalog/index';
import { explainError } from '../../lib/errors/explain';

const DUP_DOC_DETAIL =
  'Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=1042 is assigned to TxnType=Invoice with TxnId=187';

describe('explainError: 6140 duplicate document number', () => {
  it('links to the transaction that already holds the number', () => {
    const x = explainError({ code: '6140', message: 'Duplicate Document Number Error', detail: DUP_DOC_DETAIL }, 'qbo');
    expect(x.entry).toBe(lookup('qbo', '6140'));
    expect(x.general).toBe(false);
    expect(x.link).toEqual({ entityType: 'Invoice', qbId: '187', docNumber: '1042', txnType: 'Invoice' });
    expect(x.hints.join(' ')).toContain('1042');
    expect(x.hints.join(' ')).toContain('187');
  });

  it('maps QuickBooks transaction types to API entity names', () => {
    const x = explainError({ code: '6140', detail: 'DocNumber=88 is assigned to TxnType=ReceivePayment with TxnId=9001' }, 'qbo');
    expect(x.link).toMatchObject({ entityType: 'Payment', qbId: '9001', txnType: 'ReceivePayment' });
    const y = explainError({ code: '6140', detail: 'DocNumber=5 is assigned to TxnType=Sales Receipt with TxnId=44' }, 'qbo');
    expect(y.link).toMatchObject({ entityType: 'SalesReceipt', qbId: '44' });
  });

  it('reads the detail from a raw Fault too', () => {
    const raw = { Fault: { Error: [{ Message: 'Duplicate Document Number Error', Detail: DUP_DOC_DETAIL, code: '6140' }], type: 'ValidationFault' } };
    expect(explainError({ raw }, 'qbo').link).toMatchObject({ entityType: 'Invoice', qbId: '187' });
  });

  it('gives no link when the detail does not name the transaction', () => {
    const x = explainError({ code: '6140', message: 'Duplicate Document Number Error', detail: 'You must specify a different number.' }, 'qbo');
    expect(x.link).toBeUndefined();
  });

  it('refuses an id that is not a QuickBooks id', () => {
    const x = explainError({ code: '6140', detail: 'DocNumber=1 is assigned to TxnType=Invoice with TxnId=<script>' }, 'qbo');
    expect(x.link).toBeUndefined();
  });
});

describe('explainError: 610 inactive vs deleted', () => {
  it('inactive: make it active again, not Clear ID', () => {
    const x = explainError(
      {
        code: '610',
        message: 'Object Not Found',
        detail: "Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.",
      },
      'qbo',
    );
    expect(x.entry.clearIdFixes).toBe(true);
    expect(x.clearIdAdvised).toBe(false);
    expect(x.hints.join(' ')).toMatch(/active again/);
    expect(x.hints.join(' ')).toMatch(/Do not use Clear ID/);
  });

  it('deleted: Clear ID', () => {
    const x = explainError({ code: '610', message: 'Object Not Found', detail: 'Another user has deleted this transaction.' }, 'qbo');
    expect(x.clearIdAdvised).toBe(true);
    expect(x.hints.join(' ')).toMatch(/Clear ID/);
    expect(x.hints.join(' ')).not.toMatch(/Do not use Clear ID/);
  });

  it('unclear: asks to check which one', () => {
    const x = explainError({ code: '610', message: 'Object Not Found' }, 'qbo');
    expect(x.hints.join(' ')).toMatch(/deleted.*inactive/);
  });
});

describe('explainError: QuickBooks Desktop messages', () => {
  it('3180: the embedded QuickBooks message is the real reason and comes first', () => {
    const raw =
      '<InvoiceAddRs requestID="7" statusCode="3180" statusSeverity="Error" statusMessage="There was an error when saving a Invoice.  QuickBooks error message: This transaction will put the customer over their credit limit." />';
    const x = explainError({ raw }, 'qbd');
    expect(x.normalized).toMatchObject({ system: 'qbd', code: '3180', embeddedMessage: 'This transaction will put the customer over their credit limit.' });
    expect(x.entry.system).toBe('qbd');
    expect(x.hints[0]).toContain('over their credit limit');
  });

  it('3180 from a stored code and message', () => {
    const x = explainError(
      { code: '3180', message: 'There was an error when saving a Item Inventory Assembly. QuickBooks error message: You don\'t have sufficient quantity available to build this assembly.' },
      'qbd',
    );
    expect(x.normalized.embeddedMessage).toMatch(/sufficient quantity/);
    expect(x.hints[0]).toMatch(/sufficient quantity/);
  });

  it('3100: names the duplicate', () => {
    const raw = '<CustomerAddRs statusCode="3100" statusSeverity="Error" statusMessage="The name &quot;Oak Hollow HOA&quot; of the list element is already in use." />';
    const x = explainError({ raw }, 'qbd');
    expect(x.duplicateName).toBe('Oak Hollow HOA');
    expect(x.entry).toBe(lookup('qbd', '3100'));
  });

  it('the company system decides a colliding code', () => {
    expect(explainError({ code: '3200' }, 'qbd').entry).toBe(lookup('qbd', '3200'));
    expect(explainError({ code: '3200' }, 'qbo').entry).toBe(lookup('qbo', '3200'));
  });

  it('an HRESULT code goes to the SDK table even for a Desktop company', () => {
    const x = explainError({ code: '-2147220472', message: 'Could not start QuickBooks.' }, 'qbd');
    expect(x.normalized).toMatchObject({ system: 'sdk', code: '0x80040408' });
    expect(x.entry).toBe(lookup('sdk', '0x80040408'));
  });
});

describe('explainError: 6240 duplicate name', () => {
  it('extracts the name from the detail', () => {
    const x = explainError(
      { code: '6240', message: 'Duplicate Name Exists Error', detail: 'The name supplied already exists. : Name="Maple & Pine Apartments"' },
      'qbo',
    );
    expect(x.duplicateName).toBe('Maple & Pine Apartments');
    expect(x.hints.join(' ')).toContain('"Maple & Pine Apartments"');
  });

  it('extracts the existing record id when given', () => {
    const x = explainError({ code: '6240', detail: 'The name supplied already exists. : Id=412' }, 'qbo');
    expect(x.hints.join(' ')).toContain('412');
  });
});

describe('explainError: unknown codes and missing codes', () => {
  it('an unknown code gets help by range, keeping the code and the message', () => {
    const x = explainError({ code: '6999', message: 'Some new rule about crews' }, 'qbo');
    expect(x.general).toBe(true);
    expect(x.entry.code).toBe('6999');
    expect(x.entry.category).toBe('validation');
    expect(x.hints.join(' ')).toContain('6999');
    expect(x.hints.join(' ')).toContain('Some new rule about crews');
    expect(x.normalized.message).toBe('Some new rule about crews');
  });

  it('reads the code from the message when none is stored', () => {
    const x = explainError({ message: 'Error 6210: Account Period Closed, Cannot Update Through Services API' }, 'qbo');
    expect(x.entry).toBe(lookup('qbo', '6210'));
  });

  it('still answers when nothing usable is given', () => {
    const x = explainError({ message: 'Something went wrong' }, 'qbo');
    expect(x.general).toBe(true);
    expect(x.normalized.message).toBe('Something went wrong');
    expect(x.entry.steps.length).toBeGreaterThan(0);
  });

  it('carries resyncAlone from the entry', () => {
    expect(explainError({ code: '3001' }, 'qbo').resyncAlone).toBe(true);
    expect(explainError({ code: '6240' }, 'qbo').resyncAlone).toBe(false);
  });

  it('a raw colliding number takes the company\'s system', () => {
    expect(explainError({ raw: 'Error 3100' }, 'qbo').entry).toBe(lookup('qbo', '3100'));
    expect(explainError({ raw: 'Error 3100' }, 'qbd').entry).toBe(lookup('qbd', '3100'));
    expect(explainError({ raw: 'Error 3100' }, 'qbd').normalized.ambiguous).toBeUndefined();
  });
});
