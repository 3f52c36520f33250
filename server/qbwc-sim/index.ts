/** The QuickBooks Desktop side, offline: an emulated company file and a Web Connector that drives a SOAP service. */
export { createCompanyFile, type CompanyFile, type CompanyFileOptions, type RecordType } from './company-file.ts';
export type { Fields, FieldValue } from './fields.ts';
export type { ObjectKind } from './kinds.ts';
export { QbStatusError, RequestProcessorError } from './statuses.ts';
export { runWebConnectorSession, WEB_CONNECTOR_VERSION, type SessionCall, type SessionOptions, type SessionResult } from './web-connector.ts';
export { buildSoapRequest, METHOD_PARAMETERS, QBWC_NAMESPACE } from './soap-client.ts';
