/**
 * The QuickBooks Web Connector's door into the sync service (POST /qbwc, GET /qbwc?wsdl, the support
 * page the .qwc names) and the two API routes around it: setting a Desktop company's Web Connector
 * login and downloading its .qwc file. The SOAP endpoint carries no API token: the Web Connector's
 * own login (authenticate) and the session ticket protect it. Nothing here logs or returns a password.
 */
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as v from 'valibot';
import { MIN_PASSWORD_LENGTH, setCredentials, UserNameTaken, webConnectorRow } from '../quickbooks/qbd/credentials.ts';
import { buildQwc, PublicUrlProblem, qwcFileName, webConnectorUrl } from '../quickbooks/qbd/qwc.ts';
import { LoginThrottle } from '../quickbooks/qbd/login-throttle.ts';
import { authenticate, closeConnection, connectionError, lastError, receiveResponseXml, sendRequestXml } from '../quickbooks/qbd/session.ts';
import { qbwcWsdl, readSoapCall, SoapClientError, soapFault, soapReply, type SoapCall } from '../quickbooks/qbd/soap.ts';
import { MAX_XML_BYTES } from '../quickbooks/qbd/xml.ts';
import type { Store } from '../store/store.ts';
import { ProblemError } from './problem.ts';
import { parseJsonBody } from './validate.ts';

export interface QbwcRouteOptions {
  store: Store;
  /** The address the Web Connector reaches this server at (--public-url, else the listening address). */
  publicUrl: () => string;
  serverVersion: string;
}

const XML_HEADERS = { 'content-type': 'text/xml; charset=utf-8' };

/** POST /qbwc (SOAP), GET /qbwc?wsdl and GET /qbwc/support; no API token (see the module comment). */
export function mountWebConnectorService(app: Hono, opts: QbwcRouteOptions): void {
  const { store } = opts;
  const xml = (c: Context, body: string, status: 200 | 400 | 413 | 500 = 200) => c.body(body, status, XML_HEADERS);
  const logins = new LoginThrottle(() => store.now().getTime());

  app.post('/qbwc', bodyLimit({
    maxSize: MAX_XML_BYTES,
    onError: (c) => xml(c, soapFault('soap:Client', `The request is larger than ${MAX_XML_BYTES} bytes.`), 413),
  }), async (c) => {
    let call: SoapCall;
    try {
      call = readSoapCall(await c.req.text());
    } catch (err) {
      const message = err instanceof SoapClientError ? err.message : 'The request could not be read.';
      return xml(c, soapFault('soap:Client', message), 500);
    }
    try {
      return xml(c, soapReply(call.operation, await answer(store, opts.serverVersion, call, logins)));
    } catch (err) {
      // The fault says only that it failed; the cause goes to the server's log (it never holds a password).
      console.error(`synclens server: Web Connector ${call.operation} failed:`, err instanceof Error ? err.message : 'unknown error');
      return xml(c, soapFault('soap:Server', `The sync service could not complete ${call.operation}; it will be tried again on the next run.`), 500);
    }
  });

  app.get('/qbwc', (c) => {
    const query = c.req.query();
    if (!('wsdl' in query) && !('WSDL' in query)) {
      return c.text('This is the SyncLens QuickBooks Web Connector service. Add its .qwc file to the Web Connector; GET /qbwc?wsdl describes it.');
    }
    return xml(c, qbwcWsdl(serviceAddress(opts.publicUrl())));
  });

  app.get('/qbwc/support', (c) => c.html(`<!doctype html><meta charset="utf-8"><title>SyncLens Web Connector support</title>
<h1>SyncLens and the QuickBooks Web Connector</h1>
<p>This sync service receives approved changes from the job app and sends them to QuickBooks Desktop when the Web Connector runs.
If a run fails, open the SyncLens extension's Connector card: it shows the Web Connector's last contact and its message.</p>`));
}

function serviceAddress(publicUrl: string): string {
  try {
    return webConnectorUrl(publicUrl).href;
  } catch {
    return new URL('/qbwc', publicUrl).href;
  }
}

async function answer(store: Store, serverVersion: string, call: SoapCall, logins: LoginThrottle): Promise<string | number | string[]> {
  const p = call.params;
  const int = (s: string | undefined) => (s && /^\d+$/.test(s.trim()) ? Number(s.trim()) : null);
  switch (call.operation) {
    case 'serverVersion':
      return `SyncLens ${serverVersion}`;
    case 'clientVersion':
      return ''; // every Web Connector version that speaks this protocol is welcome
    case 'authenticate':
      return authenticate(store, p.strUserName ?? '', p.strPassword ?? '', logins);
    case 'sendRequestXML':
      return sendRequestXml(store, p.ticket ?? '', p.strHCPResponse ?? '', int(p.qbXMLMajorVers));
    case 'receiveResponseXML':
      return receiveResponseXml(store, p.ticket ?? '', p.response ?? '', p.hresult ?? '', p.message ?? '');
    case 'connectionError':
      return connectionError(store, p.ticket ?? '', p.hresult ?? '', p.message ?? '');
    case 'getLastError':
      return lastError(store, p.ticket ?? '');
    case 'closeConnection':
      return closeConnection(store, p.ticket ?? '');
  }
}

const CredentialsRequest = v.strictObject({
  userName: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(64, 'must be at most 64 characters'),
    v.regex(/^[^\s\p{C}]+$/u, 'must be one word without spaces or control characters')),
  password: v.pipe(v.string(), v.minLength(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`),
    v.maxLength(256, 'must be at most 256 characters')),
});

/** PUT …/connector/web-connector-credentials (admin) and GET …/connector/qwc (approve or admin); under /api/v1's checks. */
export function registerWebConnectorApiRoutes(app: Hono, opts: QbwcRouteOptions): void {
  const { store } = opts;
  const desktopCompany = async (id: string) => {
    const company = (await store.companyRow(id))!;
    if (company.system !== 'qbd') {
      throw new ProblemError(409, 'conflict', `Company "${company.id}" uses QuickBooks Online; only QuickBooks Desktop companies use the Web Connector.`);
    }
    return company;
  };

  app.put('/api/v1/companies/:id/connector/web-connector-credentials', async (c) => {
    const company = await desktopCompany(c.req.param('id'));
    const body = parseJsonBody(CredentialsRequest, await c.req.text());
    try {
      await setCredentials(store, company.id, body.userName, body.password);
    } catch (err) {
      if (err instanceof UserNameTaken) throw new ProblemError(409, 'conflict', err.message);
      throw err;
    }
    const row = await webConnectorRow(store, company.id);
    return c.json({ companyId: company.id, userName: row.user_name, fileId: row.file_id, updatedAt: row.updated_at });
  });

  app.get('/api/v1/companies/:id/connector/qwc', async (c) => {
    const company = await desktopCompany(c.req.param('id'));
    const row = await webConnectorRow(store, company.id);
    // A .qwc without a user name would only make the Web Connector ask for one it cannot use.
    if (!row.user_name) {
      throw new ProblemError(409, 'conflict', `${company.name} has no Web Connector login yet: an administrator sets one with PUT /api/v1/companies/${company.id}/connector/web-connector-credentials, then the file can be downloaded.`);
    }
    let text: string;
    try {
      text = buildQwc({ company, publicUrl: opts.publicUrl(), userName: row.user_name, fileId: row.file_id });
    } catch (err) {
      if (err instanceof PublicUrlProblem) throw new ProblemError(409, 'conflict', err.message);
      throw err;
    }
    return c.body(text, 200, {
      'content-type': 'application/xml; charset=utf-8',
      'content-disposition': `attachment; filename="${qwcFileName(company)}"`,
      'cache-control': 'no-store',
    });
  });
}
