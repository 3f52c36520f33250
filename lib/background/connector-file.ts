/**
 * The Web Connector file (.qwc) of a QuickBooks Desktop company. The background fetches it, since
 * only the background holds the token; the page saves the text. A refusal from the service is
 * turned into a sentence the office can act on.
 */
import { apiText, isApiError } from '../api/errors';
import type { WebConnectorFile } from '../messaging/center-commands';
import { ReplyError } from '../messaging/router';
import { t } from '../i18n/t';
import { clientForCompany } from './configured-client';
import type { BackgroundContext } from './context';

export async function fetchWebConnectorFile(ctx: BackgroundContext, companyId: string): Promise<WebConnectorFile> {
  const client = await clientForCompany(ctx, companyId);
  try {
    return { text: await client.webConnectorFile(companyId) };
  } catch (err) {
    throw plainRefusal(err);
  }
}

/** 404: no file for this company (not Desktop, or an older server); 409: not set up yet. */
function plainRefusal(err: unknown): unknown {
  if (!isApiError(err) || err.code !== 'server-error') return err;
  if (err.status === 404) return new ReplyError('server-error', t('qwcNotOffered'));
  if (err.status === 409) {
    const reason = serviceReason(err.message);
    return new ReplyError('server-error', reason ? t('qwcNotReady', reason) : t('qwcNotReadyNoReason'));
  }
  return err;
}

/** The service's own words inside the client's "answered with an error: …" sentence, if it said any. */
function serviceReason(message: string): string | null {
  const prefix = apiText('apiServerError', '');
  const reason = (message.startsWith(prefix) ? message.slice(prefix.length) : message).trim();
  return reason && !/^HTTP \d+$/.test(reason) ? reason : null;
}
