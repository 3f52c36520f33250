/**
 * Intuit-shaped fault replies. Messages and codes follow what QuickBooks Online sends (connectors and
 * the error explainer match on them); the Details are the emulator's own explanations, keeping
 * Intuit's "<Message> : <explanation>" layout and the machine-readable parts (Id=, DocNumber=, TxnId=).
 */
export interface QboError {
  Message: string;
  Detail?: string;
  code: string;
  element?: string;
}

export type FaultType = 'ValidationFault' | 'SystemFault' | 'AuthenticationFault' | 'AuthorizationFault' | 'SERVICE' | 'AUTHENTICATION';

export class QboFault {
  readonly status: number;
  readonly type: FaultType;
  readonly error: QboError;
  readonly headers: Record<string, string>;

  constructor(status: number, type: FaultType, error: QboError, headers: Record<string, string> = {}) {
    this.status = status;
    this.type = type;
    this.error = error;
    this.headers = headers;
  }

  /** The Fault object as it appears in a reply or in a batch item. */
  fault(): { Error: QboError[]; type: FaultType } {
    return { Error: [this.error], type: this.type };
  }

  body(time: string): { Fault: { Error: QboError[]; type: FaultType }; time: string } {
    return { Fault: this.fault(), time };
  }
}

function validation(code: string, Message: string, Detail: string, element = ''): QboFault {
  return new QboFault(400, 'ValidationFault', { Message, Detail, code, element });
}

export const faults = {
  authenticationFailed: () => new QboFault(401, 'AUTHENTICATION', {
    Message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401', code: '3200',
  }),

  throttled: (retryAfterSeconds: number) => new QboFault(429, 'SERVICE', {
    Message: 'message=ThrottleExceeded; errorCode=003001; statusCode=429', Detail: 'The request limit was reached.', code: '3001',
  }, { 'retry-after': String(retryAfterSeconds) }),

  systemFailure: () => new QboFault(500, 'SystemFault', {
    Message: 'An application error has occurred while processing your request',
    Detail: 'System Failure Error: the emulator was told to fail this request.', code: '10000',
  }),

  internalError: () => new QboFault(500, 'SystemFault', {
    Message: 'An application error has occurred while processing your request',
    Detail: 'System Failure Error: the emulator hit an unexpected error; its console has the details.', code: '10000',
  }),

  serviceUnavailable: () => new QboFault(503, 'SERVICE', {
    Message: 'message=ServiceUnavailable; errorCode=003003; statusCode=503',
    Detail: 'The service is unavailable for now; try again later.', code: '3003',
  }),

  /** Any other status an admin fault asks for. */
  statusFault: (status: number) => new QboFault(status, 'SERVICE', {
    Message: `message=HttpError; statusCode=${status}`, Detail: `The emulator answered ${status} as instructed.`, code: String(status),
  }),

  invalidProperty: (detail: string, element = '') =>
    validation('2010', 'Request has invalid or unsupported property', `Property Name:${detail}`, element),

  invalidJson: (reason: string) => validation('2010', 'Request has invalid or unsupported property',
    `Property Name:the request body is not valid JSON (${reason})`),

  malformedBytes: () => validation('500', 'Unsupported Operation',
    'Operation Could not decode the request body: MalformedByteSequenceException, the body is not valid UTF-8.'),

  unsupportedOperation: (detail: string) => validation('500', 'Unsupported Operation', `Operation ${detail} is not supported.`),

  requiredMissing: (element: string) => validation('2020', 'Required param missing, need to supply the required value for the API',
    `Required parameter ${element} is missing in the request`, element),

  stringTooLong: (element: string, max: number, supplied: number) => validation('2050', 'String length specified does not match the supported length',
    `String length is either shorter or longer than supported by specification. Min:0 Max:${max} supplied:${supplied}`, element),

  invalidReference: (element: string, entity: string, id: string) => validation('2500', 'Invalid Reference Id',
    `Invalid Reference Id : ${entity} with Id=${id} does not exist or was deleted`, element),

  inactiveReference: (element: string) => validation('610', 'Object Not Found',
    "Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.",
    element),

  objectNotFound: (entity: string, id: string) => validation('610', 'Object Not Found',
    `Object Not Found : Another user has deleted this transaction, or no ${entity} with Id=${id} exists.`),

  staleObject: (user: string) => validation('5010', 'Stale Object Error',
    `Stale Object Error : You and ${user} were working on this at the same time. ${user} finished before you did, so your work was not saved.`,
    'SyncToken'),

  periodClosed: (txnDate: string, closedBooksDate: string) => validation('6210', 'Account Period Closed, Cannot Update Through Services API',
    `Account Period Closed, Cannot Update Through Services API : the books are closed through ${closedBooksDate} and this transaction is dated ${txnDate}.`,
    'TxnDate'),

  duplicateName: (element: string, existingId: string, list: 'names' | 'items' | 'accounts') => validation('6240', 'Duplicate Name Exists Error',
    `The name supplied already exists. : ${list === 'names'
      ? 'Another customer, vendor or employee is already using this name.'
      : list === 'items' ? 'Another product or service is already using this name.' : 'Another account is already using this name.'
    } Please use a different name. Id=${existingId}`, element),

  duplicateDocNumber: (docNumber: string, txnType: string, txnId: string) => validation('6140', 'Duplicate Document Number Error',
    `Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=${docNumber} is assigned to TxnType=${txnType} with TxnId=${txnId}`,
    'DocNumber'),

  amountMismatch: (element: string, amount: number, expected: number) => validation('6070', 'Amount calculation incorrect',
    `Amount calculation incorrect : Amount ${amount} does not equal Qty times UnitPrice (${expected}).`, element),

  businessValidation: (detail: string, element = '') => validation('6000', 'A business validation error has occurred while processing your request',
    `Business Validation Error: ${detail}`, element),

  cannotLink: (detail: string, element: string) => validation('620', 'Transaction Cannot Be Linked', `Transaction Cannot Be Linked : ${detail}`, element),

  duplicateRequestId: (requestId: string) => validation('600', 'Duplicate Request ID',
    `Request Id was used before: requestid=${requestId} was already used with a different request.`),

  queryParse: (detail: string) => validation('4000', 'Error parsing query', `QueryParserError: ${detail}`),

  queryInvalid: (detail: string) => validation('4001', 'Invalid query', `QueryValidationError: ${detail}`),

  // Intuit's code for an oversized batch is not documented; 1000 is the emulator's choice.
  batchTooLarge: (count: number, max: number) => validation('1000', 'Batch limit exceeded',
    `A batch may hold at most ${max} items; this one has ${count}.`),

  tooLarge: () => new QboFault(413, 'SystemFault', {
    Message: 'Request Entity Too Large', Detail: 'The request body is larger than 4 MB.', code: '413',
  }),

  notFoundRoute: () => new QboFault(404, 'ValidationFault', {
    Message: 'Not Found', Detail: 'No such resource in the QuickBooks Online API (emulator).', code: '404',
  }),
};
