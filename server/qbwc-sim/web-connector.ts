/**
 * One Web Connector update run against a SOAP service, in QBWC 2.x's call order:
 * serverVersion → clientVersion → authenticate → [connectionError …] → sendRequestXML ↔
 * receiveResponseXML → closeConnection (getLastError after an empty request or a negative
 * percentage). qbXML requests are handed to the emulated company file's request processor.
 * Fault injection: a session killed after N requests, a company file that cannot be opened,
 * a corrupted response.
 */
import type { CompanyFile } from './company-file.ts';
import { QbwcSoapClient, SoapCallError, type MethodArgs, type QbwcMethod } from './soap-client.ts';
import { COULD_NOT_START, OTHER_FILE_OPEN, RequestProcessorError } from './statuses.ts';

export const WEB_CONNECTOR_VERSION = '2.3.0.215';
const HCP_REQUEST = '<?xml version="1.0"?><?qbxml version="13.0"?><QBXML><QBXMLMsgsRq onError="continueOnError">'
  + '<HostQueryRq requestID="1"/><CompanyQueryRq requestID="2"/><PreferencesQueryRq requestID="3"/></QBXMLMsgsRq></QBXML>';
/** How often the Web Connector retries a company file it cannot open before giving up. */
const MAX_CONNECTION_RETRIES = 3;
const MAX_NOOP_WAITS = 20;
const MAX_SENDS = 10_000;

export interface SessionCall { method: string; at: string; detail?: string }

export interface SessionResult {
  outcome: 'done' | 'none' | 'nvu' | 'busy' | 'error' | 'connection-error' | 'killed';
  calls: SessionCall[];
  lastError?: string;
  sendRequestCount: number;
  /** authenticate's [2]: the application asked for this run to be postponed by N seconds. */
  postponeSeconds?: number;
  /** authenticate's [3]: the application's lower bound for the schedule, in seconds. */
  minimumRunEverySeconds?: number;
  /** The text closeConnection returned (shown in the Web Connector's status column). */
  closeMessage?: string;
}

export interface SessionOptions {
  url: string;
  userName: string;
  password: string;
  company: CompanyFile;
  /** The .QBW path open in QuickBooks; when authenticate names another file, opening it fails (0x8004040A). */
  companyFilePath?: string;
  /** The run dies after this many sendRequestXML calls: the last request is applied but its response never delivered. */
  killAfterSends?: number;
  /** QuickBooks cannot open the company file: connectionError (0x80040408) instead of any request. */
  cannotOpenFile?: boolean;
  /** Deliver a truncated, not well-formed response text on the first receiveResponseXML. */
  corruptResponse?: boolean;
  /** Pause after a NoOp (the real Web Connector waits about 5 seconds). */
  noOpWaitMs?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
}

function defaultFilePath(company: CompanyFile): string {
  return `C:\\Users\\Public\\Documents\\Intuit\\QuickBooks\\Company Files\\${company.companyName.replace(/[\\/:*?"<>|]/g, '')}.QBW`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runWebConnectorSession(opts: SessionOptions): Promise<SessionResult> {
  const client = new QbwcSoapClient({ url: opts.url, timeoutMs: opts.timeoutMs });
  const result: SessionResult = { outcome: 'error', calls: [], sendRequestCount: 0 };
  /** Log lines in the spirit of QWCLog.txt; SOAP calls also go to `calls` with what they returned. */
  const log = (text: string) => opts.log?.(`${opts.company.now().toISOString()} : ${text}`);
  const finish = (outcome: SessionResult['outcome'], lastError?: string): SessionResult => {
    result.outcome = outcome;
    if (lastError !== undefined) result.lastError = lastError;
    opts.company.endSession();
    log(`Session ended: ${outcome}${lastError ? ` (${lastError})` : ''}`);
    return result;
  };
  const track = async <T>(method: QbwcMethod, shown: string, run: () => Promise<T>, describe: (v: T) => string): Promise<T> => {
    const entry: SessionCall = { method, at: opts.company.now().toISOString(), detail: shown };
    result.calls.push(entry);
    log(`${method}() ${shown}`);
    const value = await run();
    entry.detail = `${shown}; returned ${describe(value)}`;
    log(`${method}() returned ${describe(value)}`);
    return value;
  };
  const call = <M extends QbwcMethod>(method: M, args: MethodArgs<M>, shown: string): Promise<string> =>
    track(method, shown, () => client.callString(method, args), (v) => JSON.stringify(v.length > 200 ? `${v.slice(0, 200)}…` : v));

  try {
    await call('serverVersion', { strVersion: '' }, '');
    const clientReply = await call('clientVersion', { strVersion: WEB_CONNECTOR_VERSION }, `strVersion = ${WEB_CONNECTOR_VERSION}`);
    if (clientReply.startsWith('E:') || clientReply.startsWith('O:')) return finish('error', `clientVersion refused this Web Connector: ${clientReply}`);
    if (clientReply.startsWith('W:')) log(`Warning shown to the user: ${clientReply.slice(2)}`);

    // The password is sent but never written to the log.
    const auth = await track('authenticate', `username = '${opts.userName}'`,
      () => client.callStrings('authenticate', { strUserName: opts.userName, strPassword: opts.password }),
      (v) => JSON.stringify([v[0] ? '<ticket>' : '', ...v.slice(1)]));
    const [ticket = '', status = '', postpone = '', minRun = ''] = auth;
    if (Number(minRun) > 0) result.minimumRunEverySeconds = Number(minRun);
    if (status === 'nvu') return finish('nvu', 'Invalid password for the user name (nvu).');
    if (status === 'none') {
      result.closeMessage = await call('closeConnection', { ticket }, 'no data exchange required');
      return finish('none');
    }
    if (status === 'busy') return finish('busy', 'The application is busy.');
    if (Number(postpone) > 0) {
      result.postponeSeconds = Number(postpone);
      return finish('busy', `Update postponed by the application for ${postpone} s.`);
    }

    // QuickBooks opens the company file (BeginSession); failures go to connectionError.
    const openPath = opts.companyFilePath ?? defaultFilePath(opts.company);
    let requested = status;
    for (let attempt = 0; ; attempt++) {
      const failure = opts.cannotOpenFile ? COULD_NOT_START
        : opts.companyFilePath && requested && requested.toLowerCase() !== openPath.toLowerCase() ? OTHER_FILE_OPEN : undefined;
      if (!failure) break;
      const reply = await call('connectionError', { ticket, hresult: failure.hresult, message: failure.message }, `${failure.hresult} ${failure.message}`);
      if (reply === 'done' || attempt + 1 >= MAX_CONNECTION_RETRIES) return finish('connection-error', `${failure.hresult}: ${failure.message}`);
      requested = reply;
    }

    let first = true;
    let noOps = 0;
    while (result.sendRequestCount < MAX_SENDS) {
      const strHCPResponse = first ? opts.company.process(HCP_REQUEST) : '';
      first = false;
      result.sendRequestCount++;
      const request = await call('sendRequestXML', {
        ticket, strHCPResponse, strCompanyFileName: requested || openPath, qbXMLCountry: 'US', qbXMLMajorVers: 13, qbXMLMinorVers: 0,
      }, `#${result.sendRequestCount}`);

      if (request === '' || request === 'NoOp') {
        const lastError = request === 'NoOp' ? 'NoOp' : await call('getLastError', { ticket }, 'after an empty sendRequestXML');
        if (lastError === 'NoOp' && noOps++ < MAX_NOOP_WAITS) {
          log('NoOp: waiting before asking for requests again');
          await sleep(opts.noOpWaitMs ?? 5000);
          continue;
        }
        result.closeMessage = await call('closeConnection', { ticket }, '');
        return finish('error', lastError);
      }

      let response = '';
      let hresult = '';
      let message = '';
      try {
        response = opts.company.process(request);
      } catch (e) {
        if (!(e instanceof RequestProcessorError)) throw e;
        hresult = e.hresult;
        message = e.message;
        log(`The request processor refused the request: ${hresult} ${message}`);
      }
      if (opts.killAfterSends !== undefined && result.sendRequestCount >= opts.killAfterSends) {
        return finish('killed', 'The Web Connector stopped before delivering the response.');
      }
      if (opts.corruptResponse && result.sendRequestCount === 1 && response) response = response.slice(0, Math.floor(response.length / 2));

      const percentText = await call('receiveResponseXML', { ticket, response, hresult, message }, hresult ? `hresult = ${hresult}` : `${response.length} characters`);
      if (!/^-?\d+$/.test(percentText.trim())) {
        return finish('error', `receiveResponseXML returned "${percentText}", which is not an integer percentage.`);
      }
      const percent = Number(percentText.trim());
      if (percent < 0) {
        const lastError = await call('getLastError', { ticket }, 'after a negative percentage');
        result.closeMessage = await call('closeConnection', { ticket }, '');
        return finish('error', lastError);
      }
      if (percent >= 100) {
        result.closeMessage = await call('closeConnection', { ticket }, '');
        return finish('done');
      }
    }
    return finish('error', `The service kept asking for more after ${MAX_SENDS} requests.`);
  } catch (e) {
    if (e instanceof SoapCallError) return finish('error', `${e.method}: ${e.message}`);
    throw e;
  }
}
