/**
 * The errors QuickBooks gives back, per system. QBO faults carry a Message and a Detail; QBD
 * replies carry a statusCode and statusMessage (the Web Connector adds HRESULTs). The literal
 * fragments (e.g. "DocNumber=... is assigned to TxnType=...") are what tools match on.
 */
export interface QbError { code: string; message: string; detail: string | null }
type System = 'qbo' | 'qbd';

export function duplicateName(system: System, name: string, owner: { entityType: string; qbId: string }): QbError {
  return system === 'qbo'
    ? { code: '6240', message: 'Duplicate Name Exists Error',
        detail: `The name supplied already exists. : "${name}" is already used by ${owner.entityType} Id=${owner.qbId}; customers, vendors and employees share one list of names.` }
    : { code: '3100', message: `The name "${name}" of the list element is already in use.`,
        detail: `statusSeverity=Error; the existing ${owner.entityType} has ListID ${owner.qbId}.` };
}

export function duplicateDocNumber(docNumber: string, owner: { entityType: string; qbId: string }): QbError {
  return { code: '6140', message: 'Duplicate Document Number Error',
    detail: `Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=${docNumber} is assigned to TxnType=${owner.entityType} with TxnId=${owner.qbId}` };
}

export function objectNotFound(system: System, entityType: string, qbId: string, isTransaction: boolean): QbError {
  return system === 'qbo'
    ? { code: '610', message: 'Object Not Found',
        detail: isTransaction ? 'Object Not Found : Another user has deleted this transaction.'
          : `Object Not Found : ${entityType} with Id=${qbId} no longer exists in QuickBooks.` }
    : { code: '3120', message: `Object "${qbId}" specified in the request cannot be found.`,
        detail: `statusSeverity=Error; ${isTransaction ? 'TxnID' : 'ListID'} ${qbId} (${entityType}) was not found in the company file.` };
}

export function staleObject(system: System, entityType: string, qbId: string, sent: number, current: number): QbError {
  return system === 'qbo'
    ? { code: '5010', message: 'Stale Object Error',
        detail: `Stale Object Error : ${entityType} Id=${qbId} was saved by someone else first; SyncToken ${sent} was sent but QuickBooks has ${current}.` }
    : { code: '3200', message: `The provided edit sequence "${sent}" is out-of-date.`,
        detail: `statusSeverity=Error; ${entityType} ${qbId} now has EditSequence "${current}".` };
}

export function invalidReference(system: System, ref: { entityType: string; qbId: string; name: string | null }, txnType: string): QbError {
  const element = ref.entityType === 'Item' ? 'Line.SalesItemLineDetail.ItemRef' : `${ref.entityType}Ref`;
  return system === 'qbo'
    ? { code: '2500', message: 'Invalid Reference Id',
        detail: `Invalid Reference Id : ${element} points to ${ref.entityType} Id=${ref.qbId}${ref.name ? ` (${ref.name})` : ''}, which is missing, deleted or inactive.` }
    : { code: '3140', message: `There is an invalid reference to QuickBooks ${ref.entityType} "${ref.name ?? ref.qbId}" in the ${txnType}.`,
        detail: 'statusSeverity=Error; QuickBooks error message: the referenced record does not exist in the list.' };
}

export function closedPeriod(system: System, txnType: string, txnDate: string, closedOn: string): QbError {
  return system === 'qbo'
    ? { code: '6210', message: 'Account Period Closed, Cannot Update Through Services API',
        detail: `The account period has closed. Transaction date ${txnDate} is on or before the closing date ${closedOn}.` }
    : { code: '3171', message: `An attempt was made to modify a ${txnType} with a date that is on or before the closing date of the company.`,
        detail: `statusSeverity=Error; transaction date ${txnDate}, closing date ${closedOn}.` };
}

export function missingAmount(): QbError {
  return { code: '6000', message: 'A business validation error has occurred while processing your request',
    detail: 'Business Validation Error: You must set a transaction amount.' };
}
