/**
 * The status codes the emulated company file answers with, and the HRESULTs its request
 * processor throws. Message patterns are the literal ones integrations match on
 * (see quickbooks-error-codes.md §2.3/§2.4); the explanatory parts are our own words.
 */
export type Severity = 'Info' | 'Warn' | 'Error';

export interface QbStatus { code: number; severity: Severity; message: string }

export const OK: QbStatus = { code: 0, severity: 'Info', message: 'Status OK' };

/** A request the file refused; carried by a throw inside the request processor. */
export class QbStatusError extends Error {
  constructor(readonly status: QbStatus) { super(`${status.code}: ${status.message}`); }
}

function error(code: number, message: string): QbStatusError {
  return new QbStatusError({ code, severity: 'Error', message });
}

export const noMatch = (): QbStatus => ({ code: 1, severity: 'Info', message: 'A query request did not find a matching object in QuickBooks' });

export const partlyFound = (missing: string): QbStatus => ({
  code: 500, severity: 'Warn',
  message: `The query request has not been fully completed. There was a required element ("${missing}") that could not be found in QuickBooks.`,
});

export const invalidRequestId = (requestId: string): QbStatus => ({
  code: 1060, severity: 'Error', message: `The requestID "${requestId}" is not valid: it may be at most 50 characters long.`,
});

export const nameInUse = (name: string) => error(3100, `The name "${name}" of the list element is already in use.`);

export const notFound = (id: string) => error(3120, `Object "${id}" specified in the request cannot be found.`);

export const invalidReference = (refType: string, ref: string, objectName: string) =>
  error(3140, `There is an invalid reference to QuickBooks ${refType} "${ref}" in the ${objectName}. QuickBooks error message: Invalid argument. The specified record does not exist in the list.`);

export const inactiveReference = (refType: string, ref: string, objectName: string) =>
  error(3140, `There is an invalid reference to QuickBooks ${refType} "${ref}" in the ${objectName}. QuickBooks error message: The ${refType.toLowerCase()} is inactive.`);

export const missingElement = (element: string) => error(3150, `There is a missing element: "${element}".`);

export const listModifyError = (listName: string, id: string, reason: string) =>
  error(3170, `There was an error when modifying a ${listName} list, element "${id}". QuickBooks error message: ${reason}`);

export const modifiedBeforeClosingDate = (objectName: string) =>
  error(3171, `An attempt was made to modify a ${objectName} with a date that is on or before the closing date of the company. If you would like to make this change, please remove or change the closing date in QuickBooks.`);

export const saveError = (objectName: string, reason: string) =>
  error(3180, `There was an error when saving a ${objectName}. QuickBooks error message: ${reason}`);

export const staleEditSequence = (sent: string) => error(3200, `The provided edit sequence "${sent}" is out-of-date.`);

export const invalidFieldValue = (field: string, value: string, reason: string) =>
  error(3210, `The "${field}" field has an invalid value "${value}". QuickBooks error message: ${reason}`);

export const notProcessed = (): QbStatus => ({ code: 3231, severity: 'Error', message: 'The request has not been processed.' });

/** Request-processor failures (HRESULTs): the whole message set is refused, no response text. */
export class RequestProcessorError extends Error {
  constructor(readonly hresult: string, message: string) { super(message); }
}

export const xmlParseFailure = (detail?: string) => new RequestProcessorError('0x80040400',
  `QuickBooks found an error when parsing the provided XML text stream.${detail ? ` ${detail}` : ''}`);

export const unsupportedVersion = (version: string) => new RequestProcessorError('0x80040423',
  `The version of qbXML that was requested (${version}) is not supported or is unknown.`);

export const COULD_NOT_START = { hresult: '0x80040408', message: 'Could not start QuickBooks.' };
export const OTHER_FILE_OPEN = {
  hresult: '0x8004040A',
  message: 'A company data file is already open and it is different from the one requested.',
};
