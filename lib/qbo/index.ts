/** QuickBooks Online page knowledge: hosts, routes, page detection, realm, deep links. */
export { isQboHost, isSandboxHost, isQboUrl, parseQboUrl, DEFAULT_QBO_ORIGIN } from './hosts';
export { QBO_ROUTES, PREFERRED_RECORD_ROUTE, type QboRouteName, type RecordRouteName, type ListType } from './routes';
export { detectPage, recordFromHref, type PageInfo, type RecordRef, type NoneReason } from './page-detect';
export {
  realmFromUrl,
  realmFromCookieValue,
  realmFromShellContextCookie,
  realmFromCookieHeader,
  chooseCompany,
  CURRENT_COMPANY_COOKIE,
  type CompanyChoice,
  type FollowedCompany,
  type RealmSignals,
} from './realm';
export { qboRecordUrl, qboListUrl, QboLinkError, type RecordLinkInput } from './deep-link';
export { buildSwitchCompanyUrl, parseSwitchCompanyUrl, type SwitchCompanyTarget } from './switch-company';
